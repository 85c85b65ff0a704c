import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Coding } from '../../../shared/domain/types.ts';

const select = sql`SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c.end, c.quote,
    c.coder_id AS coderId, k.name AS coderName, c.created_at AS createdAt,
    (SELECT u.participant_id FROM units u WHERE u.source_id = c.source_id AND u.start <= c.start AND c.start < u.end
      ORDER BY u.start DESC LIMIT 1) AS participantId,
    (SELECT count(*) FROM memos m WHERE m.target_kind = 'coding' AND m.target_id = c.id) AS memoCount
  FROM codings c JOIN coders k ON k.id = c.coder_id`;

export const listCodingsForSource = (db: Db, sourceId: number): Coding[] =>
  db.all<Coding>(sql`${select} WHERE c.source_id = ${sourceId} ORDER BY c.start, c.end DESC, c.id`);

export const getCoding = (db: Db, id: number): Coding | undefined => db.get<Coding>(sql`${select} WHERE c.id = ${id}`);

export type NewCoding = { sourceId: number; codeId: number; start: number; end: number; quote: string };

export function insertCoding(db: Db, c: NewCoding, coderId: number, now: string): number {
  return db.run(sql`INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote)
    VALUES (${c.sourceId}, ${c.codeId}, ${c.start}, ${c.end}, ${coderId}, ${now}, ${c.quote})`).lastInsertRowid;
}

export const findSameCoding = (db: Db, c: Omit<NewCoding, 'quote'>): { id: number } | undefined =>
  db.get<{ id: number }>(sql`SELECT id FROM codings WHERE source_id = ${c.sourceId} AND code_id = ${c.codeId}
    AND start = ${c.start} AND end = ${c.end}`);

export const deleteCoding = (db: Db, id: number): number => db.run(sql`DELETE FROM codings WHERE id = ${id}`).changes;
