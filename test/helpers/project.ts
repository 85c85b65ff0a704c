import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import type { ApiError } from '../../shared/api/errors.ts';
import { Host, type HostOptions } from '../../electron/backend/host.ts';

export const FIXED_TIME = new Date('2026-11-28T12:00:00.000Z');

export type TestHost = {
  host: Host;
  dir: string;
  /** Calls a method and returns its value; fails the test with the API error otherwise. */
  ok: <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
  /** Calls a method that must refuse, and returns its error; fails the test if it succeeds. */
  fails: (method: string, input: unknown) => Promise<ApiError>;
  cleanup: () => void;
};

/**
 * A Host on a fresh temp data folder with a fixed clock and coder, as the transports build it;
 * `options` override those (another coder, a progress listener, no live team connection).
 */
export function testHost(options: Omit<Partial<HostOptions>, 'home'> = {}): TestHost {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-test-'));
  const host = new Host({ home: join(dir, 'home'), clock: () => FIXED_TIME, coderName: 'tester', ...options });
  return {
    host,
    dir,
    ok: async (method, input) => {
      const r = await host.call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
      return r.value as Output<typeof method>;
    },
    fails: async (method, input) => {
      const r = await host.call(method, input);
      if (r.ok) throw new Error(`${method} should have failed, and answered ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error;
    },
    cleanup: () => {
      host.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
    },
  };
}

/** Row counts of the domain tables, to assert that a refused change changed nothing. */
export function tableCounts(host: Host): Record<string, number> {
  const db = host.current!.db.raw;
  const out: Record<string, number> = {};
  for (const t of ['participants', 'sources', 'units', 'codes', 'codings', 'memos', 'frameworks', 'framework_elements', 'audit_log']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}
