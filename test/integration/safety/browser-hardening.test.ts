import { readFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../electron/backend/dispatcher.ts';
import { startBrowserServer, type BrowserServer } from '../../../electron/server/server.ts';
import { RENDERER_CSP } from '../../../shared/api/security.ts';
import { rawRequest, type Reply } from '../../helpers/http.ts';
// @ts-expect-error: a plain .mjs script without types
import { browserLaunch } from '../../../scripts/open-browser.mjs';

/** Browser mode from outside: every path a request can take carries the security headers, and none says more than it should. */

const HEADERS: Record<string, string> = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};

let dir: string;
let server: BrowserServer;
let host: string;
const call: ApiCall = async (method) => {
  if (method === 'project.info') throw new Error('SQLITE_CORRUPT at /home/ana/secret-study.marginalia page 7');
  return { ok: true, value: null };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-hardening-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Marginalia</title>');
  server = await startBrowserServer({ call, rendererDir: join(dir, 'renderer'), maxBody: 1024 });
  host = `127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
});

const api = (headers: Record<string, string>, body: string) => rawRequest(server.port, '/api/call', { method: 'POST', headers: { host, ...headers }, body });
const token = () => ({ 'x-marginalia-token': server.token });

function expectHeaders(reply: Reply, where: string): void {
  for (const [name, value] of Object.entries(HEADERS)) expect(reply.headers[name], `${where}: ${name}`).toBe(value);
}

/** Opens the event stream, reads its first bytes, and hangs up. */
function events(headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    import('node:http').then(({ request }) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host, ...headers } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ status: res.statusCode ?? 0, body: chunk.toString(), headers: res.headers });
          req.destroy();
        });
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: '', headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

describe('browser mode hardening', () => {
  it('a call that is not JSON gets 415; a body over the limit gets 413; both with every security header', async () => {
    const notJson = await api({ ...token(), 'content-type': 'text/plain' }, '{"method":"codes.list"}');
    expect(notJson.status).toBe(415);
    expectHeaders(notJson, '415');
    const tooBig = await api({ ...token(), 'content-type': 'application/json' }, JSON.stringify({ method: 'codes.list', input: { pad: 'x'.repeat(4096) } }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatch(/larger than 1024 bytes/);
    expectHeaders(tooBig, '413');
  });

  it('the event stream needs the token, like everything else', async () => {
    const refused = await events({});
    expect(refused.status).toBe(401);
    expectHeaders(refused, 'events 401');
    const wrong = await events({ 'x-marginalia-token': 'guess' });
    expect(wrong.status).toBe(401);
    const ok = await events(token());
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('text/event-stream');
    expectHeaders(ok, 'events');
  });

  it('every answer carries the security headers: page, 401, 403, 404, 405, API', async () => {
    const replies: [string, Reply][] = [
      ['page', await rawRequest(server.port, `/?token=${server.token}`, { headers: { host } })],
      ['401', await rawRequest(server.port, '/', { headers: { host } })],
      ['403', await rawRequest(server.port, '/', { headers: { host: 'evil.example' } })],
      ['404', await rawRequest(server.port, '/nothing-here.js', { headers: { host, ...token() } })],
      ['405', await rawRequest(server.port, '/api/call', { headers: { host, ...token() } })],
      ['api', await api({ ...token(), 'content-type': 'application/json' }, JSON.stringify({ method: 'codes.list' }))],
    ];
    for (const [where, reply] of replies) expectHeaders(reply, where);
    expect(replies.map(([, r]) => r.status)).toEqual([200, 401, 403, 404, 405, 200]);
  });

  it('a 500 never echoes the internal message (paths, SQLite codes)', async () => {
    const reply = await api({ ...token(), 'content-type': 'application/json' }, JSON.stringify({ method: 'project.info' }));
    expect(reply.status).toBe(500);
    expect(reply.body).toMatch(/^Internal error/);
    expect(reply.body).not.toMatch(/secret-study|SQLITE|\/home\//);
    expectHeaders(reply, '500');
  });

  it('the token is never put on a command line: the browser is sent to a private page that forwards it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'marginalia-launch-'));
    try {
      const launch = browserLaunch(server.url, 'linux', folder) as { command: string; args: string[]; file: string; cleanup: () => void };
      expect(launch.command).toBe('xdg-open');
      expect(launch.args.join(' ')).not.toContain(server.token);
      expect(launch.args[0]).toMatch(/^file:\/\/.*open\.html$/);
      expect(readFileSync(launch.file, 'utf8')).toContain(JSON.stringify(server.url));
      if (process.platform !== 'win32') expect(statSync(launch.file).mode & 0o077).toBe(0);
      launch.cleanup();
    } finally {
      rmSync(folder, { recursive: true, force: true, maxRetries: 20 });
    }
  });
});
