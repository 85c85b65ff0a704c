import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Memo, MemoTargetKind } from '../../../shared/domain/types.ts';

const select = sql`SELECT id, target_kind AS targetKind, target_id AS targetId, title, body, text,
  coder_id AS coderId, created_at AS createdAt, updated_at AS updatedAt FROM memos`;

export function listMemos(db: Db, f: { targetKind?: MemoTargetKind; targetId?: number; search?: string }): Memo[] {
  const where = sql`WHERE ${f.targetKind ? sql`target_kind = ${f.targetKind}` : sql`1 = 1`}
    AND ${f.targetId !== undefined ? sql`target_id = ${f.targetId}` : sql`1 = 1`}
    AND ${f.search ? sql`(instr(lower(title), lower(${f.search})) > 0 OR instr(lower(text), lower(${f.search})) > 0)` : sql`1 = 1`}`;
  return db.all<Memo>(sql`${select} ${where} ORDER BY updated_at DESC, id DESC`);
}

export const getMemo = (db: Db, id: number): Memo | undefined => db.get<Memo>(sql`${select} WHERE id = ${id}`);

export function insertMemo(
  db: Db,
  m: { targetKind: MemoTargetKind; targetId: number | null; title: string; body: string; text: string },
  coderId: number,
  now: string,
): number {
  return db.run(sql`INSERT INTO memos (target_kind, target_id, title, body, text, coder_id, created_at, updated_at)
    VALUES (${m.targetKind}, ${m.targetId}, ${m.title}, ${m.body}, ${m.text}, ${coderId}, ${now}, ${now})`).lastInsertRowid;
}
