import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { BackendClient } from '../../../electron/main/backend-client.ts';
import type { BackendMessage, BackendRequest } from '../../../electron/main/backend-messages.ts';
import { serveBackend } from '../../../electron/main/backend-service.ts';
import { registerApiHandlers } from '../../../electron/main/ipc.ts';
import { tableCounts } from '../../helpers/project.ts';

/**
 * Main's client and the utility process's service joined by an in-memory port that
 * copies every message with the structured clone, as Electron's postMessage does.
 */
function connect(home: string) {
  let toClient: (m: unknown) => void = () => {};
  let toService: (m: unknown) => void = () => {};
  let exited: (code: number) => void = () => {};
  const exitCodes: number[] = [];
  /** Everything the service sent, in order. */
  const answers: BackendMessage[] = [];
  const deliver = (listener: () => (m: unknown) => void, m: unknown) => setImmediate(() => listener()(structuredClone(m)));
  const client = new BackendClient({
    post: (m: BackendRequest) => deliver(() => toService, m),
    onMessage: (l) => (toClient = l),
    onExit: (l) => (exited = l),
  });
  const host = new Host({ home, desktop: true, clock: () => new Date('2025-03-01T10:00:00Z'), coderName: 'tester' });
  serveBackend({ post: (m) => (answers.push(m), deliver(() => toClient, m)), listen: (l) => (toService = l) }, host, (code) => {
    exitCodes.push(code);
    exited(code);
  });
  /** Posts any message to the service, as a confused or hostile main process might. */
  const postRaw = (m: unknown) => deliver(() => toService, m);
  return { client, host, exitCodes, answers, postRaw };
}

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'marginalia-backend-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true, maxRetries: 20 }));

describe('main ↔ backend utility process protocol', () => {
  it('opens the demo project when launched without one and answers calls', async () => {
    const { client, host } = connect(home);
    await expect(client.start(undefined)).resolves.toBeUndefined();
    const info = await client.invoke('project.info', {});
    expect(info.ok).toBe(true);
    expect(info.ok && info.value.isDemo).toBe(true);
    const paths = await client.invoke('app.paths', {});
    expect(paths.ok && paths.value.desktop).toBe(true);
    host.close();
  });

  it('creates the project named on the command line when it does not exist', async () => {
    const { client, host } = connect(home);
    const path = join(home, 'study.marginalia');
    await expect(client.start(path)).resolves.toBeUndefined();
    const info = await client.invoke('project.info', {});
    expect(info.ok && info.value.path).toBe(path);
    host.close();
  });

  it('starts without a project when the launch project cannot be opened', async () => {
    const { client, host } = connect(home);
    const error = await client.start(home);
    expect(error).toMatch(/folder/);
    const info = await client.invoke('project.info', {});
    expect(!info.ok && info.error.code).toBe('no_project');
    host.close();
  });

  it('returns typed errors for bad input and unknown methods', async () => {
    const { client, host } = connect(home);
    await client.start(undefined);
    const bad = await client.call('project.open', { path: 42 });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const unknown = await client.call('db.exec', { sql: 'DROP TABLE codes' });
    expect(!unknown.ok && unknown.error.code).toBe('unknown_method');
    host.close();
  });

  it('closes the project and exits on shutdown', async () => {
    const { client, host, exitCodes } = connect(home);
    await client.start(undefined);
    await client.stop(5_000);
    expect(exitCodes).toEqual([0]);
    expect(client.alive).toBe(false);
    expect(host.current).toBeNull();
  });
});

/** main's IPC relay on a recording stand-in for ipcMain, called as our window's top frame. */
function relay(client: BackendClient) {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
  const ipc = { handle: (channel: string, handler: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>) => handlers.set(channel, handler) };
  const contents = {} as WebContents;
  registerApiHandlers(ipc as unknown as IpcMain, { backend: client, isOurContents: (c) => c === contents });
  const event = { sender: contents, senderFrame: { url: 'marginalia://app/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
  return (channel: string, input?: unknown) => handlers.get(channel)!(event, input);
}

describe('malformed calls and messages on the desktop path', () => {
  it('answers any input a page sends with a typed error, and changes nothing', async () => {
    const { client, host } = connect(home);
    await client.start(undefined);
    const invoke = relay(client);
    const before = tableCounts(host);
    const cases: [unknown, string, RegExp][] = [
      [null, '', /^codes\.create: Invalid input: expected object, received null$/],
      [[], '', /^codes\.create: Invalid input: expected object, received array$/],
      ['Why', '', /^codes\.create: Invalid input: expected object, received string$/],
      [42, '', /^codes\.create: Invalid input: expected object, received number$/],
      [undefined, 'name', /^codes\.create: name: .*expected string, received undefined$/],
      [{ name: 'Cost', parentId: 'root' }, 'parentId', /^codes\.create: parentId: /],
      [{ name: 'Cost', sql: 'DROP TABLE codes' }, '', /^codes\.create: Unrecognized key: "sql"$/],
    ];
    for (const [input, field, message] of cases) {
      const result = await invoke('api:codes.create', input);
      const error = field ? { code: 'invalid_input', field, message: expect.stringMatching(message) } : { code: 'invalid_input', message: expect.stringMatching(message) };
      expect(result, JSON.stringify(input)).toEqual({ ok: false, error });
    }
    expect(tableCounts(host)).toEqual(before);
    expect(await invoke('api:codes.create', { name: 'Cost' })).toMatchObject({ ok: true, value: { name: 'Cost' } });
    host.close();
  });

  it('answers a malformed call it can reply to, names the rest, and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { client, host, answers, postRaw, exitCodes } = connect(home);
      await client.start(undefined);
      for (const message of [null, 'call', [1, 2], { type: 'drop' }, { type: 'call', id: '7', method: 'codes.list' }, { type: 'start', project: 5 }]) postRaw(message);
      postRaw({ type: 'call', id: 9001, method: 42, input: {} });
      postRaw({ type: 'call', id: 9002, method: 'db.exec', input: { sql: 'DROP TABLE codes' } });
      postRaw({ type: 'call', id: 9003, method: 'project.info', input: null });
      await expect.poll(() => answers.filter((a) => a.type === 'result' && a.id > 9000).length).toBe(3);
      const resultOf = (id: number) => answers.find((a) => a.type === 'result' && a.id === id);
      expect(resultOf(9001)).toMatchObject({ result: { ok: false, error: { code: 'invalid_input', message: '"method" must be a string naming an API method, not a number' } } });
      expect(resultOf(9002)).toMatchObject({ result: { ok: false, error: { code: 'unknown_method', message: 'There is no API method called "db.exec"' } } });
      expect(resultOf(9003)).toMatchObject({ result: { ok: false, error: { code: 'invalid_input', message: 'project.info: Invalid input: expected object, received null' } } });
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
        'Marginalia backend: ignored a malformed request: a request must be an object, not null',
        'Marginalia backend: ignored a malformed request: a request must be an object, not a string',
        'Marginalia backend: ignored a malformed request: a request must be an object, not an array',
        'Marginalia backend: ignored a malformed request: unknown request type "drop"',
        'Marginalia backend: ignored a malformed request: call: id must be a positive whole number, not a string',
        'Marginalia backend: ignored a malformed request: start: project must be a path, not a number',
      ]);
      expect(exitCodes).toEqual([]);
      const info = await client.invoke('project.info', {});
      expect(info.ok && info.value.isDemo).toBe(true);
      host.close();
    } finally {
      errors.mockRestore();
    }
  });
});
