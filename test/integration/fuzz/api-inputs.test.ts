/**
 * Hostile calls (issue 18, item 5): every method of the API contract gets random input, as a
 * page running someone else's script could send it: random JSON, and objects built from the
 * method's own field names with hostile values (ids that do not exist, negative and huge
 * numbers, NUL and lone surrogates, long strings, wrong types, extra keys). Each call must
 * answer with a success or a typed error that is not `internal` (an exception no rule
 * caught), within a bound, and a refused call leaves the project as it was. The same through
 * the browser-mode server: a random request body gets a JSON answer, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../../shared/api/contract.ts';
import type { ApiErrorCode, ApiResult } from '../../../shared/api/errors.ts';
import { startBrowserServer } from '../../../electron/server/server.ts';
import { fc, fuzzParams, fuzzTimeout, HOSTILE_TOKENS } from '../../helpers/fuzz.ts';
import { rawRequest } from '../../helpers/http.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

const CODES: readonly ApiErrorCode[] = [
  'invalid_input', 'not_found', 'conflict', 'not_a_project', 'too_new', 'no_project', 'unknown_method', 'cancelled', 'bad_file', 'read_only', 'damaged', 'io_error',
];

/** Every table a call could change, by row count and content checksum. */
function projectState(t: TestHost): string {
  const db = t.host.current?.db.raw;
  if (!db) return 'no project';
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'source_search%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  return tables
    .map((name) => {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all();
      return `${name}:${rows.length}:${JSON.stringify(rows).length}`;
    })
    .join(' ');
}

/** A value of any kind that a validator or handler may not expect. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, Number.MAX_SAFE_INTEGER + 2) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'a', 'Code', 'x.marginalia', '../../etc/passwd', '/tmp/x.marginalia', 'stg_AAAAAAAAAAAAAAAA', 'interview', 'document', 'questionnaire', 'code', 'source', 'turn', 'utf16', 'csv', 'xlsx', 'docx', '#ff0000', 'red') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), '\u0000'.repeat(10), 'a\ud800b', '🙂'.repeat(500)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** The method's field names (from its zod object schema), or none for inputs of another shape. */
function fieldsOf(method: MethodName): string[] {
  const schema = contract[method].input as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** An input for the method: random JSON, or an object of its own fields (some left out, an extra one at times) with hostile values. */
function inputFor(method: MethodName): fc.Arbitrary<unknown> {
  const fields = fieldsOf(method);
  const shaped = fc
    .tuple(fc.subarray(fields), fc.array(hostileValue, { minLength: fields.length, maxLength: fields.length }), fc.option(fc.constantFrom('extra', '__proto__', 'constructor', 'path'), { nil: undefined }))
    .map(([keys, values, extra]) => {
      const input: Record<string, unknown> = {};
      keys.forEach((k) => (input[k] = values[fields.indexOf(k)]));
      if (extra) Object.defineProperty(input, extra, { value: 1, enumerable: true, writable: true, configurable: true });
      return input;
    });
  return fc.oneof({ weight: fields.length > 0 ? 4 : 0, arbitrary: shaped }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, {}, [], '', 0) });
}

/** A call that does not answer within this long counts as a hang. */
const HANG_MS = 15_000;

async function callWithin(t: TestHost, method: string, input: unknown): Promise<ApiResult<unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${method} did not answer within ${HANG_MS} ms`)), HANG_MS)));
  try {
    return await Promise.race([t.host.call(method, input, 'renderer'), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function expectTyped(method: string, input: unknown, result: ApiResult<unknown>): void {
  const shown = () => `${method} ${JSON.stringify(input)?.slice(0, 300)} → ${JSON.stringify(result).slice(0, 400)}`;
  expect(typeof result === 'object' && result !== null, shown()).toBe(true);
  if (result.ok) {
    expect('value' in result, shown()).toBe(true);
    return;
  }
  expect(CODES, shown()).toContain(result.error.code);
  expect(typeof result.error.message === 'string' && result.error.message.trim().length > 0, shown()).toBe(true);
}

describe('fuzz: every API method answers random input with a success or a typed error, and a refusal changes nothing', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
  });
  afterAll(() => t.cleanup());

  it('every method of the contract', async () => {
    let refused = 0;
    let succeeded = 0;
    for (const method of methodNames) {
      await fc.assert(
        fc.asyncProperty(inputFor(method), async (input) => {
          const before = projectState(t);
          const result = await callWithin(t, method, input);
          expectTyped(method, input, result);
          if (result.ok) {
            succeeded++;
          } else {
            refused++;
            expect(projectState(t), `${method} ${JSON.stringify(input)?.slice(0, 300)} was refused (${result.error.message}) but changed the project`).toBe(before);
          }
          // A call that switched projects (create, open, demo) is fine; the next cases run on what is open.
          if (!t.host.current) await t.ok('project.openDemo', {});
        }),
        fuzzParams(12),
      );
    }
    // The cases reach past validation now and then, and are refused most of the time.
    expect(succeeded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(succeeded);
  }, fuzzTimeout(12, 20 * methodNames.length));

  it('the browser-mode server answers any request body with JSON, never a 500', async () => {
    const server = await startBrowserServer({ call: t.host.call, rendererDir: t.dir });
    try {
      const method = fc.oneof(fc.constantFrom(...methodNames), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 }));
      const envelope = fc.oneof(
        fc.record({ method, input: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }).map((e) => JSON.stringify(e)),
        fc.constantFrom(...methodNames).chain((m) => inputFor(m).map((input) => JSON.stringify({ method: m, input }))),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.string({ unit: 'binary', maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(envelope, async (body) => {
          const reply = await rawRequest(server.port, '/api/call', {
            method: 'POST',
            headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-marginalia-token': server.token },
            body,
          });
          expect([200, 400, 413], `${body.slice(0, 200)} → ${reply.status} ${reply.body.slice(0, 200)}`).toContain(reply.status);
          const answer = JSON.parse(reply.body) as ApiResult<unknown>;
          expect(typeof answer.ok).toBe('boolean');
          if (!answer.ok) expect(CODES).toContain(answer.error.code);
          if (!t.host.current) await t.ok('project.openDemo', {});
        }),
        fuzzParams(150),
      );
    } finally {
      await server.close();
    }
  }, fuzzTimeout(150, 50));
});
