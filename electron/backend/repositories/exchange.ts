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

/** What a .qdpx export reads, besides the codebook and participants (their own repositories). */

export type ExportSource = { id: number; kind: 'interview' | 'questionnaire' | 'document'; name: string; importedAt: string };
export const exportSources = (db: Db): ExportSource[] =>
  db.all<ExportSource>(sql`SELECT id, kind, name, imported_at AS importedAt FROM sources ORDER BY position, id`);

export type ExportCoding = { id: number; sourceId: number; codeId: number; start: number; end: number; coderId: number; createdAt: string };
export const exportCodings = (db: Db): ExportCoding[] =>
  db.all<ExportCoding>(sql`SELECT id, source_id AS sourceId, code_id AS codeId, start, end, coder_id AS coderId, created_at AS createdAt
    FROM codings ORDER BY source_id, start, end, id`);

/** Passages credited to a participant: what a case's selections say. */
export type ExportUnit = { id: number; sourceId: number; start: number; end: number; participantId: number };
export const exportCreditedUnits = (db: Db): ExportUnit[] =>
  db.all<ExportUnit>(sql`SELECT id, source_id AS sourceId, start, end, participant_id AS participantId
    FROM units WHERE participant_id IS NOT NULL AND end > start ORDER BY source_id, start, id`);

export type ExportMemo = { id: number; targetKind: string; targetId: number | null; title: string; body: string; text: string; coderId: number; createdAt: string; updatedAt: string };
export const exportMemos = (db: Db): ExportMemo[] =>
  db.all<ExportMemo>(sql`SELECT id, target_kind AS targetKind, target_id AS targetId, title, body, text, coder_id AS coderId,
    created_at AS createdAt, updated_at AS updatedAt FROM memos ORDER BY id`);

export const exportAttributeValues = (db: Db): { participantId: number; attributeId: number; value: string }[] =>
  db.all<{ participantId: number; attributeId: number; value: string }>(sql`SELECT participant_id AS participantId, attribute_id AS attributeId, value
    FROM participant_attributes ORDER BY participant_id, attribute_id`);

export const countQuestionUnits = (db: Db): number =>
  db.get<{ n: number }>(sql`SELECT count(*) AS n FROM units WHERE kind = 'question' OR speaker IS NOT NULL OR timestamp_ms IS NOT NULL OR page IS NOT NULL`)!.n;

/** A memo brought in from another tool, with its own author and dates. */
export function insertImportedMemo(
  db: Db,
  m: { targetKind: string; targetId: number | null; title: string; body: string; text: string; coderId: number; createdAt: string; updatedAt: string },
): number {
  return db.run(sql`INSERT INTO memos (target_kind, target_id, title, body, text, coder_id, created_at, updated_at)
    VALUES (${m.targetKind}, ${m.targetId}, ${m.title}, ${m.body}, ${m.text}, ${m.coderId}, ${m.createdAt}, ${m.updatedAt})`).lastInsertRowid;
}
