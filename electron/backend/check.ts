import type { Db } from './db/database.ts';
import { allCodingSpans, allUnitEnds, codesInCycles, foreignKeyViolations, integrityProblems, orphanMemos, sourceTexts } from './repositories/integrity.ts';

/**
 * SQLite's integrity check plus Marginalia's own invariants. Returns one readable line per
 * problem; an empty list means the project is sound.
 */
export function checkProject(db: Db): string[] {
  const problems: string[] = [];
  for (const line of integrityProblems(db)) problems.push(`SQLite integrity: ${line}`);
  for (const row of foreignKeyViolations(db)) problems.push(`${row.table} row ${row.rowid} points to a missing ${row.parent} row`);

  // Offsets are UTF-16 units: compare in JavaScript, not with SQLite's code-point substr().
  // Each source's text is read once, not once per coding or unit.
  const texts = sourceTexts(db);
  for (const c of allCodingSpans(db)) {
    const text = texts.get(c.sourceId) ?? '';
    if (c.end > text.length) problems.push(`coding ${c.id} ends at ${c.end}, past the end of source ${c.sourceId} (${text.length})`);
    else if (text.slice(c.start, c.end) !== c.quote) problems.push(`coding ${c.id}: its quoted text no longer matches source ${c.sourceId} at ${c.start}-${c.end}`);
  }
  for (const u of allUnitEnds(db)) {
    if (u.end > (texts.get(u.sourceId) ?? '').length) problems.push(`unit ${u.id} ends at ${u.end}, past the end of source ${u.sourceId}`);
  }
  for (const id of codesInCycles(db)) problems.push(`code ${id} is its own ancestor`);
  for (const m of orphanMemos(db)) problems.push(`memo ${m.id} belongs to ${m.kind} ${m.targetId}, which does not exist`);
  return problems;
}
