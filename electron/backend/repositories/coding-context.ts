import type { Db } from '../db/database.ts';
import { sql, sqlIds } from '../db/sql.ts';
import type { CodingInContext } from '../../../shared/api/methods/workbench.ts';

// A coding is credited to the participant of the unit that contains its start.
const select = sql`SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c.end, c.quote,
    c.coder_id AS coderId, k.name AS coderName, c.created_at AS createdAt,
    u.participant_id AS participantId, p.label AS participantLabel, s.name AS sourceName,
    (SELECT count(*) FROM memos m WHERE m.target_kind = 'coding' AND m.target_id = c.id) AS memoCount
  FROM codings c
  JOIN coders k ON k.id = c.coder_id
  JOIN sources s ON s.id = c.source_id
  LEFT JOIN units u ON u.id = (SELECT u2.id FROM units u2 WHERE u2.source_id = c.source_id AND u2.start <= c.start
      AND c.start < u2.end ORDER BY u2.start DESC LIMIT 1)
  LEFT JOIN participants p ON p.id = u.participant_id`;

export const getCodingInContext = (db: Db, id: number): CodingInContext | undefined =>
  db.get<CodingInContext>(sql`${select} WHERE c.id = ${id}`);

export const listCodingsForCodes = (db: Db, codeIds: number[]): CodingInContext[] =>
  codeIds.length === 0
    ? []
    : db.all<CodingInContext>(sql`${select} WHERE c.code_id IN (${sqlIds(codeIds)})
        ORDER BY s.position, s.id, c.start, c.end DESC, c.id`);

/** Moves the memos of one coding onto another (when two codings collapse into one). */
export const moveCodingMemos = (db: Db, fromId: number, toId: number): number =>
  db.run(sql`UPDATE memos SET target_id = ${toId} WHERE target_kind = 'coding' AND target_id = ${fromId}`).changes;

export type CodingRow = { id: number; sourceId: number; codeId: number; start: number; end: number };

export const getCodingRow = (db: Db, id: number): CodingRow | undefined =>
  db.get<CodingRow>(sql`SELECT id, source_id AS sourceId, code_id AS codeId, start, end FROM codings WHERE id = ${id}`);

/** Another coding of `codeId` at exactly this place by the same coder as `exceptId` (another coder's is theirs), other than `exceptId`. */
export const findTwin = (db: Db, at: Omit<CodingRow, 'id'>, exceptId: number): { id: number } | undefined =>
  db.get<{ id: number }>(sql`SELECT id FROM codings WHERE source_id = ${at.sourceId} AND code_id = ${at.codeId}
    AND start = ${at.start} AND end = ${at.end} AND id <> ${exceptId}
    AND coder_id = (SELECT coder_id FROM codings WHERE id = ${exceptId}) ORDER BY id LIMIT 1`);
