/** The reads behind the integrity manifest (electron/backend/anonymize/manifest.ts). */
import type { Db } from '../db/database.ts';
import { sql, type SqlFragment } from '../db/sql.ts';

export const manifestSources = (db: Db): { id: number; name: string; text: string }[] =>
  db.all<{ id: number; name: string; text: string }>(sql`SELECT id, name, text FROM sources ORDER BY id`);

const valueRows = (db: Db, q: SqlFragment): unknown[][] => db.all<Record<string, unknown>>(q).map((r) => Object.values(r));

/** Everything that makes the codebook: codes, frameworks, their elements and the links between them, each as rows of values. */
export const codebookRows = (db: Db): unknown[][] => [
  ...valueRows(db, sql`SELECT 'code' AS t, id, parent_id, name, color, definition, when_to_use, when_not_to_use, example, origin, position FROM codes ORDER BY id`),
  ...valueRows(db, sql`SELECT 'framework' AS t, id, name, description FROM frameworks ORDER BY id`),
  ...valueRows(db, sql`SELECT 'element' AS t, id, framework_id, name, description, position FROM framework_elements ORDER BY id`),
  ...valueRows(db, sql`SELECT 'link' AS t, code_id, element_id FROM code_element_links ORDER BY code_id, element_id`),
];

/** Codings source by source, each as a row of values, for one hash per source. */
export function codingRowsBySource(db: Db): Map<number, unknown[][]> {
  const out = new Map<number, unknown[][]>();
  for (const row of valueRows(db, sql`SELECT source_id, id, code_id, start, end, coder_id, created_at, quote FROM codings ORDER BY source_id, id`)) {
    const list = out.get(row[0] as number) ?? [];
    list.push(row.slice(1));
    out.set(row[0] as number, list);
  }
  return out;
}
