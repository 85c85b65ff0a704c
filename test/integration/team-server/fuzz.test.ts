import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_TABLES } from '../../../shared/domain/team-sync/schema.ts';
import { entryHash } from '../../../electron/backend/team-sync/chain.ts';
import type { PullResponse, PushResponse } from '../../../shared/domain/team-sync/protocol.ts';
import { fc, fuzzParams, fuzzTimeout, HOSTILE_TOKENS, tokenText } from '../../helpers/fuzz.ts';
import { demoProjectFile, startServer, teamApi, useTeamPg, type TestTeamServer } from '../../helpers/team-pg.ts';

/**
 * Hostile pushes to the team server, the part of Marginalia that listens on a network: random
 * operations (known and unknown tables, keys, columns, values of every type, references to rows
 * that exist, were never made, or are the wrong kind), as an owner and as a coder, and bodies that
 * are not operations at all. The server answers each with a result per op (appended or refused
 * with a reason) or a typed error — never a 500 — and its log stays a valid hash chain.
 */

const pg = useTeamPg();
let server: TestTeamServer;
let project = '';
let coderToken = '';
const known: string[] = [];
let goodSource = '';
let goodCode = '';

beforeAll(async () => {
  const { bytes: file, sources, codes } = await demoProjectFile();
  known.push(...sources.map((s) => `0.${s.id}`), ...codes.map((c) => `0.${c.id}`), '0.1', '0.999999');
  goodSource = `0.${sources[0]!.id}`;
  goodCode = `0.${codes.find((c) => c.parentId !== null)!.id}`;
  server = await startServer(await pg.newDatabase());
  project = (await teamApi<{ teamProject: string }>(server, server.token, 'POST', '/api/projects', file)).body.teamProject;
  coderToken = (await teamApi<{ token: string }>(server, server.token, 'POST', '/api/users', { name: 'ben', role: 'coder' })).body.token;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** Built once the shared project's gids are known. */
function pushBodies() {
  const text = tokenText(HOSTILE_TOKENS, 12);
  const value = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.constantFrom(...known), fc.constantFrom('ben', 'owner', 'someone'));
  const table = fc.constantFrom(...SYNC_TABLES.map((t) => t.name), 'coders', 'sqlite_master', 'operations', '');
  const column = fc.oneof(fc.constantFrom('id', 'source_id', 'code_id', 'coder_id', 'parent_id', 'name', 'start', 'end', 'target_kind', 'target_id', 'label', 'quote', 'created_by'), text);
  const row = fc.dictionary(column, value, { maxKeys: 10 });
  const change = fc.record(
    {
      t: table,
      k: fc.constantFrom('insert', 'update', 'delete'),
      key: fc.oneof(fc.constantFrom(...known), text, fc.constant('[1,2]')),
      row,
      old: row,
    },
    { requiredKeys: ['t', 'k', 'key'] },
  );
  // Changes that look like a replica's (valid tables, keys and references, odd values), so the rules run deep.
  let n = 0;
  const fresh = fc.constant('').map(() => `f.${++n}`);
  const plausible = fc.oneof(
    fc
      .record({
        t: fc.constant('codings'),
        k: fc.constant('insert'),
        key: fresh,
        row: fc.record({
          source_id: fc.constantFrom(...known),
          code_id: fc.constantFrom(...known),
          start: fc.oneof(fc.integer({ min: -5, max: 5000 }), text),
          end: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constant(null)),
          coder_id: fc.constantFrom('ben', 'owner', 'nobody'),
          created_at: text,
          quote: text,
        }),
      })
      .map((c) => ({ ...c, row: { id: c.key, ...c.row } })),
    fc.record({ t: fc.constantFrom('codes', 'sources', 'codings', 'participants'), k: fc.constant('delete'), key: fc.constantFrom(...known) }),
    fc.record({
      t: fc.constantFrom('codes', 'participants', 'attributes'),
      k: fc.constant('update'),
      key: fc.constantFrom(...known),
      row: fc.record({ name: text, label: text, parent_id: fc.oneof(fc.constantFrom(...known), fc.constant(null)) }),
    }),
    fc
      .record({
        t: fc.constant('codes'),
        k: fc.constant('insert'),
        key: fresh,
        row: fc.record({ parent_id: fc.oneof(fc.constantFrom(...known), fc.constant(null)), name: fc.constantFrom('Trust', 'trust', 'TRUST ', 'Why'), color: text, origin: text, created_by: fc.constantFrom('ben', 'owner') }),
      })
      .map((c) => ({ ...c, row: { id: c.key, ...c.row } })),
  );
  const op = fc.record({
    id: fc.uuid(),
    method: fc.constantFrom('codings.apply', 'codes.delete', 'x'),
    label: text,
    at: fc.constant('2026-11-28T12:00:00.000Z'),
    changes: fc.oneof(fc.array(fc.oneof(change, plausible), { maxLength: 6 }), fc.array(plausible, { minLength: 1, maxLength: 3 })),
  });
  /** A well-formed push of hostile operations, or a body that is not one at all. */
  const body = fc.oneof(
    { weight: 4, arbitrary: fc.record({ base: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) }), ops: fc.array(op, { minLength: 1, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  return body;
}

describe('the team server under hostile pushes', () => {
  it(
    'answers every push with a result per op or a typed error, never a 500, and its log stays a hash chain',
    async () => {
      await fc.assert(
        fc.asyncProperty(pushBodies(), fc.boolean(), async (b, asOwner) => {
          const r = await teamApi<PushResponse | { error: { code: string; message: string } }>(server, asOwner ? server.token : coderToken, 'POST', `/api/projects/${project}/ops`, b);
          expect([200, 400, 403, 413], JSON.stringify(r.body)).toContain(r.status);
          if (r.status === 200) {
            const results = (r.body as PushResponse).results;
            expect(results).toHaveLength((b as { ops: unknown[] }).ops.length);
            for (const x of results) expect('seq' in x ? typeof x.seq : typeof x.refused).toBe('seq' in x ? 'number' : 'string');
          } else {
            const error = (r.body as { error: { code: string; message: string } }).error;
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.message).not.toMatch(/\bat .*\.ts:\d+|stack|ECONN|relation "/);
          }
        }),
        fuzzParams(60),
      );
      // Whatever it accepted, the log is a chain from the start, and the server still answers.
      const log = (await teamApi<PullResponse>(server, server.token, 'GET', `/api/projects/${project}/ops?after=0&limit=10000`)).body;
      let prev: string | null = null;
      for (const e of log.entries) {
        if (prev !== null) expect(e.prevHash).toBe(prev);
        const { prevHash, hash, ...content } = e;
        expect(entryHash(prevHash, content)).toBe(hash);
        prev = hash;
      }
      // And it still takes a coder's ordinary coding.
      const key = 'after.1';
      const ordinary = { id: key, source_id: goodSource, code_id: goodCode, start: 0, end: 5, coder_id: 'ben', created_at: '2026-11-28T12:00:00.000Z', quote: 'words' };
      const after = await teamApi<PushResponse>(server, coderToken, 'POST', `/api/projects/${project}/ops`, {
        base: log.last,
        ops: [{ id: '11111111-2222-4333-8444-555555555555', method: 'codings.apply', label: 'Apply code', at: '2026-11-28T12:00:00.000Z', changes: [{ t: 'codings', k: 'insert', key, row: ordinary }] }],
      });
      expect(after.status).toBe(200);
      expect(after.body.results[0]).toMatchObject({ seq: log.last + 1 });
    },
    fuzzTimeout(60, 200),
  );

  it('refuses a project name or a user name with a NUL or another control character, saying why', async () => {
    const res = await fetch(new URL('/api/projects', server.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream', 'X-Marginalia-Name': 'a%00b' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/control character/);
    const user = await teamApi<{ error: { message: string } }>(server, server.token, 'POST', '/api/users', { name: 'ana\u0000', role: 'coder' });
    expect(user.status).toBe(400);
    expect(user.body.error.message).toMatch(/printable/);
  });
});
