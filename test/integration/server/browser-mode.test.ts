import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../electron/server/server.ts';
import { rawRequest as send } from '../../helpers/http.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

describe('browser mode server', () => {
  let t: TestHost;
  let server: BrowserServer;
  let host: string;
  beforeAll(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
    server = await startBrowserServer({ call: t.host.call, rendererDir });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    t.cleanup();
  });

  const api = (headers: Record<string, string>, body = JSON.stringify({ method: 'project.info', input: {} })) =>
    send(server.port, '/api/call', { method: 'POST', headers: { host, 'content-type': 'application/json', ...headers }, body });

  it('listens on loopback only and prints a tokened address', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
  });

  it('rejects requests without the token', async () => {
    expect((await send(server.port, '/', { headers: { host } })).status).toBe(401);
    expect((await send(server.port, '/?token=wrong', { headers: { host } })).status).toBe(401);
    expect((await api({})).status).toBe(401);
    expect((await api({ 'x-marginalia-token': 'nope' })).status).toBe(401);
  });

  it('serves the page for the tokened address and sets an HttpOnly, SameSite cookie for its assets', async () => {
    const page = await send(server.port, `/?token=${server.token}`, { headers: { host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Marginalia</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await send(server.port, '/assets/app.js', { headers: { host, cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
  });

  it('answers API calls that carry the token header, and not those with only the cookie', async () => {
    const ok = await api({ 'x-marginalia-token': server.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { isDemo: true } });
    const cookieOnly = await api({ cookie: `marginalia_token=${server.token}` });
    expect(cookieOnly.status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding) or from another origin', async () => {
    expect((await api({ host: `evil.example:${server.port}`, 'x-marginalia-token': server.token })).status).toBe(403);
    expect((await api({ origin: 'http://evil.example', 'x-marginalia-token': server.token })).status).toBe(403);
    expect((await api({ origin: `http://127.0.0.1:${server.port}`, 'x-marginalia-token': server.token })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await send(server.port, `${path}${path.includes('?') ? '&' : '?'}token=${server.token}`, { headers: { host } });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('returns typed errors for bad API bodies', async () => {
    const r = await api({ 'x-marginalia-token': server.token }, '{not json');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
