/** The SQL behind snapshots and integrity checks (electron/backend/safety/). */
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';

/**
 * A consistent, compacted copy of the whole database written to `path` (which must not exist).
 * Runs outside any transaction; readers and writers of other connections are not blocked.
 */
export function vacuumInto(db: Db, path: string): void {
  db.run(sql`VACUUM INTO ${path}`);
}

/** SQLite's quick_check (structure, not index contents): the lines other than "ok". */
export const quickCheckProblems = (db: Db, max = 10): string[] =>
  (db.raw.pragma(`quick_check(${Math.max(1, Math.trunc(max))})`) as { quick_check: string }[]).map((r) => r.quick_check).filter((line) => line !== 'ok');

/** SQLite's full integrity_check (indexes against tables too): the lines other than "ok". */
export const fullCheckProblems = (db: Db, max = 10): string[] =>
  (db.raw.pragma(`integrity_check(${Math.max(1, Math.trunc(max))})`) as { integrity_check: string }[]).map((r) => r.integrity_check).filter((line) => line !== 'ok');
