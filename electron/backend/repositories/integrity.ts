/** The reads behind `marginalia check` (check.ts): SQLite's own checks and every row the invariants look at. */
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';

/** SQLite's integrity_check lines other than "ok". */
export const integrityProblems = (db: Db): string[] =>
  (db.raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((line) => line !== 'ok');

export const foreignKeyViolations = (db: Db): { table: string; rowid: number; parent: string }[] =>
  db.raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];

export const sourceTexts = (db: Db): Map<number, string> =>
  new Map(db.all<{ id: number; text: string }>(sql`SELECT id, text FROM sources`).map((s) => [s.id, s.text]));

type CodingSpan = { id: number; sourceId: number; start: number; end: number; quote: string };

export const allCodingSpans = (db: Db): CodingSpan[] =>
  db.all<CodingSpan>(sql`SELECT id, source_id AS sourceId, start, end, quote FROM codings`);

export const allUnitEnds = (db: Db): { id: number; sourceId: number; end: number }[] =>
  db.all<{ id: number; sourceId: number; end: number }>(sql`SELECT id, source_id AS sourceId, end FROM units`);

/** Codes that are their own ancestor (the walk stops at depth 1000). */
export const codesInCycles = (db: Db): number[] =>
  db
    .all<{ id: number }>(sql`WITH RECURSIVE up(start, id, depth) AS (
      SELECT id, parent_id, 1 FROM codes WHERE parent_id IS NOT NULL
      UNION ALL SELECT up.start, c.parent_id, depth + 1 FROM up JOIN codes c ON c.id = up.id WHERE c.parent_id IS NOT NULL AND depth < 1000)
    SELECT DISTINCT start AS id FROM up WHERE id = start`)
    .map((r) => r.id);

/** Memos whose source, code, participant or coding no longer exists. */
export const orphanMemos = (db: Db): { id: number; kind: string; targetId: number }[] =>
  db.all<{ id: number; kind: string; targetId: number }>(sql`SELECT id, target_kind AS kind, target_id AS targetId FROM memos m
      WHERE (target_kind = 'source' AND NOT EXISTS (SELECT 1 FROM sources WHERE id = m.target_id))
         OR (target_kind = 'code' AND NOT EXISTS (SELECT 1 FROM codes WHERE id = m.target_id))
         OR (target_kind = 'participant' AND NOT EXISTS (SELECT 1 FROM participants WHERE id = m.target_id))
         OR (target_kind = 'coding' AND NOT EXISTS (SELECT 1 FROM codings WHERE id = m.target_id))`);
