import type { Db } from '../db/database.ts';
import { sql, sqlRaw } from '../db/sql.ts';
import { getMeta } from './meta.ts';

/** REFI-QDA exchange: the GUIDs entities brought from other tools (migration 0012). */

/** Kinds of entity that carry a GUID in REFI-QDA files (and a column in exchange_guids). */
export type GuidKind = 'coder' | 'code' | 'source' | 'participant' | 'attribute' | 'memo';

const COLUMN: Record<GuidKind, string> = {
  coder: 'coder_id',
  code: 'code_id',
  source: 'source_id',
  participant: 'participant_id',
  attribute: 'attribute_id',
  memo: 'memo_id',
};

/** The project's seed for derived GUIDs (written by migration 0012). */
export const exchangeSeed = (db: Db): string => getMeta(db, 'exchange_seed') ?? getMeta(db, 'created_at') ?? db.path;

export function listExchangeGuids(db: Db): { kind: GuidKind; id: number; guid: string }[] {
  const rows = db.all<Record<string, number | string | null>>(sql`SELECT * FROM exchange_guids`);
  const out: { kind: GuidKind; id: number; guid: string }[] = [];
  for (const row of rows) {
    for (const [kind, column] of Object.entries(COLUMN) as [GuidKind, string][]) {
      const id = row[column];
      if (typeof id === 'number') out.push({ kind, id, guid: String(row['guid']) });
    }
  }
  return out;
}

/**
 * Remembers the GUID an entity had in the file it came from. A GUID the project already
 * uses for another entity (the same file imported twice), or an entity that has one, is left
 * as it is: the entity then gets a derived GUID on export.
 */
export function storeExchangeGuid(db: Db, kind: GuidKind, id: number, guid: string): void {
  db.run(sql`INSERT OR IGNORE INTO exchange_guids (guid, ${sqlRaw(COLUMN[kind])}) VALUES (${guid}, ${id})`);
}
