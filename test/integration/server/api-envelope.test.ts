import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../electron/server/server.ts';
import { rawRequest, type Reply } from '../../helpers/http.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';

/** POST /api/call over real HTTP with whatever body a test gives, token and JSON type set. */
function post(server: BrowserServer, body: string): Promise<Reply> {
  return rawRequest(server.port, '/api/call', {
    method: 'POST',
    headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-marginalia-token': server.token },
    body,
  });
}

const errorOf = (reply: Reply) => (JSON.parse(reply.body) as { ok: false; error: { code: string; message: string; field?: string } }).error;

describe('browser mode: malformed API requests get 400 and say what is wrong', () => {
  let t: TestHost;
  let server: BrowserServer;
  let before: Record<string, number>;
  beforeAll(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    before = tableCounts(t.host);
    server = await startBrowserServer({ call: t.host.call, rendererDir: t.dir });
  });
  afterAll(async () => {
    await server.close();
    t.cleanup();
  });

  it.each([
    ['not JSON', '{not json', /^The request body is not JSON \(/],
    ['empty', '', /^The request body is not JSON \(/],
    ['null', 'null', /must be a JSON object like \{"method": "codes\.list", "input": \{\}\}, not null$/],
    ['an array', '[{"method":"project.info"}]', /must be a JSON object .*, not an array$/],
    ['a string', '"project.info"', /must be a JSON object .*, not a string$/],
    ['a number', '42', /must be a JSON object .*, not a number$/],
    ['a boolean', 'true', /must be a JSON object .*, not a boolean$/],
  ])('refuses a body that is %s', async (_what, body, message) => {
    const reply = await post(server, body);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(reply)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
  });

  it.each([
    ['no method', { input: {} }, 'invalid_input', 'The request names no "method": say which API method to call, as in {"method": "codes.list", "input": {}}'],
    ['a method that is not a string', { method: 42, input: {} }, 'invalid_input', '"method" must be a string naming an API method, not a number'],
    ['a method that is null', { method: null }, 'invalid_input', '"method" must be a string naming an API method, not null'],
    ['an unknown method', { method: 'db.exec', input: { sql: 'DROP TABLE codes' } }, 'unknown_method', 'There is no API method called "db.exec"'],
    ['a key beside method and input', { method: 'project.info', input: {}, token: 'x' }, 'invalid_input', 'The request has a key "token" that an API call does not take: only "method" and "input"'],
    ['two such keys', { method: 'project.info', params: {}, id: 1 }, 'invalid_input', 'The request has keys "params", "id" that an API call does not take: only "method" and "input"'],
  ])('refuses an envelope with %s', async (_what, envelope, code, message) => {
    const reply = await post(server, JSON.stringify(envelope));
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toEqual({ code, message });
  });

  it('refuses input of the wrong shape with the contract’s typed error', async () => {
    const wrongType = await post(server, JSON.stringify({ method: 'codes.create', input: { name: 7 } }));
    expect(wrongType.status).toBe(400);
    expect(errorOf(wrongType)).toMatchObject({ code: 'invalid_input', field: 'name', message: expect.stringMatching(/^codes\.create: name: /) });

    const extraKey = await post(server, JSON.stringify({ method: 'codes.rename', input: { id: 1, name: 'X', colour: '#ff0000' } }));
    expect(extraKey.status).toBe(400);
    expect(errorOf(extraKey)).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('colour') });

    for (const input of [null, [], 'codes', 3]) {
      const reply = await post(server, JSON.stringify({ method: 'project.info', input }));
      expect(reply.status, JSON.stringify(input)).toBe(400);
      expect(errorOf(reply)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^project\.info: .*expected object/) });
    }
  });

  it('refuses a body larger than the limit with 413 and a typed error', async () => {
    const small = await startBrowserServer({ call: t.host.call, rendererDir: t.dir, maxBody: 64 });
    try {
      const reply = await post(small, JSON.stringify({ method: 'codes.create', input: { name: 'x'.repeat(200) } }));
      expect(reply.status).toBe(413);
      expect(errorOf(reply)).toEqual({ code: 'invalid_input', message: 'The request body is larger than 64 bytes' });
    } finally {
      await small.close();
    }
  });

  it('changed nothing, and still answers well-formed calls', async () => {
    expect(tableCounts(t.host)).toEqual(before);
    const info = await post(server, JSON.stringify({ method: 'project.info', input: {} }));
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { isDemo: true } });
    // No input at all means {}.
    expect((await post(server, JSON.stringify({ method: 'codes.list' }))).status).toBe(200);
    // A call the server understood but the project refuses is an answer, not a bad request.
    const missing = await post(server, JSON.stringify({ method: 'codes.rename', input: { id: 999_999, name: 'Nowhere' } }));
    expect(missing.status).toBe(200);
    expect(errorOf(missing).code).toBe('not_found');
  });
});
