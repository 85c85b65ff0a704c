import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { BackendClient } from '../../../electron/main/backend-client.ts';
import type { BackendMessage, BackendRequest } from '../../../electron/main/backend-messages.ts';
import { serveBackend } from '../../../electron/main/backend-service.ts';

/**
 * Main's client and the utility process's service joined by an in-memory port that
 * copies every message with the structured clone, as Electron's postMessage does.
 */
function connect(home: string) {
  let toClient: (m: BackendMessage) => void = () => {};
  let toService: (m: BackendRequest) => void = () => {};
  let exited: (code: number) => void = () => {};
  const exitCodes: number[] = [];
  const deliver = <T>(listener: () => (m: T) => void, m: T) => setImmediate(() => listener()(structuredClone(m)));
  const client = new BackendClient({
    post: (m) => deliver(() => toService, m),
    onMessage: (l) => (toClient = l),
    onExit: (l) => (exited = l),
  });
  const host = new Host({ home, desktop: true, clock: () => new Date('2025-03-01T10:00:00Z'), coderName: 'tester' });
  serveBackend({ post: (m) => deliver(() => toClient, m), listen: (l) => (toService = l) }, host, (code) => {
    exitCodes.push(code);
    exited(code);
  });
  return { client, host, exitCodes };
}

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'marginalia-backend-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

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
