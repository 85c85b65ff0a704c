import { describe, expect, it, vi } from 'vitest';
import { BackendClient } from '../../../electron/main/backend-client.ts';
import type { BackendMessage, BackendRequest } from '../../../electron/main/backend-messages.ts';

function fakeChannel() {
  const sent: BackendRequest[] = [];
  let deliver: (m: unknown) => void = () => {};
  let exit: (code: number) => void = () => {};
  const client = new BackendClient({ post: (m) => sent.push(m), onMessage: (l) => (deliver = l), onExit: (l) => (exit = l) });
  return { client, sent, deliver: (m: BackendMessage) => deliver(m), deliverRaw: (m: unknown) => deliver(m), exit: (code: number) => exit(code) };
}

describe('BackendClient', () => {
  it('matches answers to calls by id, in whatever order they come', async () => {
    const { client, sent, deliver } = fakeChannel();
    const a = client.call('project.info', {});
    const b = client.call('project.recent', {});
    expect(sent).toEqual([
      { type: 'call', id: 1, method: 'project.info', input: {} },
      { type: 'call', id: 2, method: 'project.recent', input: {} },
    ]);
    deliver({ type: 'result', id: 2, result: { ok: true, value: [] } });
    deliver({ type: 'result', id: 1, result: { ok: false, error: { code: 'no_project', message: 'No project is open' } } });
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'no_project', message: 'No project is open' } });
    await expect(b).resolves.toEqual({ ok: true, value: [] });
  });

  it('reports the start-up outcome', async () => {
    const { client, sent, deliver } = fakeChannel();
    const started = client.start('/data/study.marginalia');
    expect(sent).toEqual([{ type: 'start', project: '/data/study.marginalia' }]);
    deliver({ type: 'started', error: 'not a Marginalia project' });
    await expect(started).resolves.toBe('not a Marginalia project');
  });

  it('passes progress events to every listener until unsubscribed', () => {
    const { client, deliver } = fakeChannel();
    const seen: string[] = [];
    const stop = client.onProgress((e) => seen.push(e.jobId));
    deliver({ type: 'progress', event: { jobId: 'a', label: 'Import', done: 0, total: 1 } });
    stop();
    deliver({ type: 'progress', event: { jobId: 'b', label: 'Import', done: 1, total: 1 } });
    expect(seen).toEqual(['a']);
  });

  it('answers open and later calls with a typed error when the backend dies', async () => {
    const { client, exit } = fakeChannel();
    const pending = client.call('project.info', {});
    exit(139);
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('exit code 139');
    expect(client.alive).toBe(false);
    expect((await client.call('project.info', {})).ok).toBe(false);
    await expect(client.whenExited()).resolves.toBe(139);
  });

  it('settles a call whose answer is malformed with a typed error, and ignores other malformed messages', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { client, deliver, deliverRaw } = fakeChannel();
      const garbled = client.call('project.info', {});
      const fine = client.call('project.recent', {});
      for (const message of [null, 'result', [], { type: 'exploded' }, { type: 'result', id: 'two' }, { type: 'progress', event: null }]) deliverRaw(message);
      deliverRaw({ type: 'result', id: 1, result: 'garbage' });
      await expect(garbled).resolves.toEqual({
        ok: false,
        error: { code: 'internal', message: 'The Marginalia backend sent a malformed answer: result 1: not an API result but a string' },
      });
      deliver({ type: 'result', id: 2, result: { ok: true, value: [] } });
      await expect(fine).resolves.toEqual({ ok: true, value: [] });
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
        'Marginalia: ignored a malformed message from the backend: a message must be an object, not null',
        'Marginalia: ignored a malformed message from the backend: a message must be an object, not a string',
        'Marginalia: ignored a malformed message from the backend: a message must be an object, not an array',
        'Marginalia: ignored a malformed message from the backend: unknown message type "exploded"',
        'Marginalia: ignored a malformed message from the backend: result: id must be a positive whole number, not a string',
        'Marginalia: ignored a malformed message from the backend: progress: not a progress event but null',
      ]);
    } finally {
      errors.mockRestore();
    }
  });

  it('answers a call whose input cannot be sent with a typed error instead of throwing', async () => {
    const client = new BackendClient({
      post: () => {
        throw new Error('function could not be cloned');
      },
      onMessage: () => {},
      onExit: () => {},
    });
    await expect(client.call('codes.create', { name: () => 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'codes.create: the input could not be sent: function could not be cloned' },
    });
  });

  it('asks the backend to shut down and waits for it, but not forever', async () => {
    const { client, sent, exit } = fakeChannel();
    const stopping = client.stop(5_000);
    expect(sent).toEqual([{ type: 'shutdown' }]);
    exit(0);
    await stopping;

    const silent = fakeChannel();
    const started = Date.now();
    await silent.client.stop(30);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
