import type { Db } from './db/database.ts';
import { sql } from './db/sql.ts';

/**
 * SQLite's integrity check plus Marginalia's own invariants. Returns one readable line per
 * problem; an empty list means the project is sound.
 */
export function checkProject(db: Db): string[] {
  const problems: string[] = [];
  const integrity = db.raw.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`SQLite integrity: ${row.integrity_check}`);
  const fk = db.raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of fk) problems.push(`${row.table} row ${row.rowid} points to a missing ${row.parent} row`);

  // Offsets are UTF-16 units: compare in JavaScript, not with SQLite's code-point substr().
  // Each source's text is read once, not once per coding or unit.
  const texts = new Map(db.all<{ id: number; text: string }>(sql`SELECT id, text FROM sources`).map((s) => [s.id, s.text]));
  for (const c of db.all<{ id: number; sourceId: number; start: number; end: number; quote: string }>(
    sql`SELECT id, source_id AS sourceId, start, end, quote FROM codings`,
  )) {
    const text = texts.get(c.sourceId) ?? '';
    if (c.end > text.length) problems.push(`coding ${c.id} ends at ${c.end}, past the end of source ${c.sourceId} (${text.length})`);
    else if (text.slice(c.start, c.end) !== c.quote) problems.push(`coding ${c.id}: its quoted text no longer matches source ${c.sourceId} at ${c.start}-${c.end}`);
  }
  for (const u of db.all<{ id: number; sourceId: number; end: number }>(sql`SELECT id, source_id AS sourceId, end FROM units`)) {
    if (u.end > (texts.get(u.sourceId) ?? '').length) problems.push(`unit ${u.id} ends at ${u.end}, past the end of source ${u.sourceId}`);
  }
  for (const cycle of db.all<{ id: number }>(sql`WITH RECURSIVE up(start, id, depth) AS (
      SELECT id, parent_id, 1 FROM codes WHERE parent_id IS NOT NULL
      UNION ALL SELECT up.start, c.parent_id, depth + 1 FROM up JOIN codes c ON c.id = up.id WHERE c.parent_id IS NOT NULL AND depth < 1000)
    SELECT DISTINCT start AS id FROM up WHERE id = start`)) {
    problems.push(`code ${cycle.id} is its own ancestor`);
  }
  for (const m of db.all<{ id: number; kind: string; targetId: number }>(sql`SELECT id, target_kind AS kind, target_id AS targetId FROM memos m
      WHERE (target_kind = 'source' AND NOT EXISTS (SELECT 1 FROM sources WHERE id = m.target_id))
         OR (target_kind = 'code' AND NOT EXISTS (SELECT 1 FROM codes WHERE id = m.target_id))
         OR (target_kind = 'participant' AND NOT EXISTS (SELECT 1 FROM participants WHERE id = m.target_id))
         OR (target_kind = 'coding' AND NOT EXISTS (SELECT 1 FROM codings WHERE id = m.target_id))`)) {
    problems.push(`memo ${m.id} belongs to ${m.kind} ${m.targetId}, which does not exist`);
  }
  return problems;
}
