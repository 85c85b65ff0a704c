import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../shared/api/security.ts';
import { serveAppRequest } from '../../../electron/main/app-protocol.ts';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Marginalia</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
});

afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 20 }));

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('marginalia://app/ protocol', () => {
  it('serves index.html for the root, with the renderer CSP', async () => {
    const res = await get('marginalia://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await res.text()).toContain('<title>Marginalia</title>');
  });

  it('serves assets with their content type', async () => {
    const res = await get('marginalia://app/assets/app.js?v=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it.each([
    'marginalia://app/../secret.txt',
    'marginalia://app/%2e%2e/secret.txt',
    'marginalia://app/..%2fsecret.txt',
    'marginalia://app/assets/..%2f..%2fsecret.txt',
    'marginalia://app/..%5csecret.txt',
    'marginalia://app/%00index.html',
  ])('never leaves the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('answers only the app host and only reads', async () => {
    expect((await get('marginalia://other/index.html')).status).toBe(404);
    expect((await get('marginalia://app/index.html', 'POST')).status).toBe(405);
    expect((await get('marginalia://app/missing.js')).status).toBe(404);
  });
});
