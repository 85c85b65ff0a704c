import { describe, expect, it } from 'vitest';
import { BackendClient } from '../../../electron/main/backend-client.ts';
import type { BackendMessage, BackendRequest } from '../../../electron/main/backend-messages.ts';

function fakeChannel() {
  const sent: BackendRequest[] = [];
  let deliver: (m: BackendMessage) => void = () => {};
  let exit: (code: number) => void = () => {};
  const client = new BackendClient({ post: (m) => sent.push(m), onMessage: (l) => (deliver = l), onExit: (l) => (exit = l) });
  return { client, sent, deliver: (m: BackendMessage) => deliver(m), exit: (code: number) => exit(code) };
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
