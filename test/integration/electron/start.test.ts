import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './ensure-built.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const RUNNING = /Marginalia is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;

let home: string;
let child: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  // start.mjs builds by itself too; building here first keeps parallel test files from
  // running two builds at once.
  await ensureBuilt(root);
  home = mkdtempSync(join(tmpdir(), 'marginalia-start-'));
}, 300_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(home, { recursive: true, force: true, maxRetries: 20 });
});

/** Resolves with the printed address, or rejects with everything the process said. */
function startAndWait(): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    // An empty override folder: the fallback is taken even where Electron is installed.
    const env = { ...process.env, MARGINALIA_HOME: home, CI: '1', ELECTRON_OVERRIDE_DIST_PATH: join(home, 'no-electron') };
    child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0', '--no-open'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = RUNNING.exec(output);
      if (match) resolveUrl(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code} before serving:\n${output}`)));
  });
}

describe('npm start without an Electron binary', () => {
  it('falls back to browser mode and serves the app behind the token', async () => {
    const url = await startAndWait();
    expect(output).toContain("Electron's binary is not installed on this machine");
    expect(output).toContain('starting Marginalia in browser mode instead.');

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<html/i);

    const { origin } = new URL(url);
    const denied = await fetch(`${origin}/`);
    expect(denied.status).toBe(401);

    expect(existsSync(join(home, 'demo.marginalia'))).toBe(true);
  }, 240_000);
});
