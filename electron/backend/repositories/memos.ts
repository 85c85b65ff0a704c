import type { Db } from '../db/database.ts';
import { sql, sqlIds, sqlRaw } from '../db/sql.ts';
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

export function updateMemo(db: Db, id: number, m: { title: string; body: string; text: string }, now: string): void {
  db.run(sql`UPDATE memos SET title = ${m.title}, body = ${m.body}, text = ${m.text},
      updated_at = ${now} WHERE id = ${id}`);
}

export const deleteMemo = (db: Db, id: number): number => db.run(sql`DELETE FROM memos WHERE id = ${id}`).changes;

const TARGET_TABLE: Record<Exclude<MemoTargetKind, 'project'>, string> = {
  source: 'sources',
  code: 'codes',
  participant: 'participants',
  coding: 'codings',
};

export const memoTargetExists = (db: Db, kind: Exclude<MemoTargetKind, 'project'>, id: number): boolean =>
  db.get(sql`SELECT 1 FROM ${sqlRaw(TARGET_TABLE[kind])} WHERE id = ${id}`) !== undefined;

/** The oldest memo on a code (an inductive code's "why this category"). */
export function firstCodeMemo(db: Db, codeId: number): Memo | undefined {
  const row = db.get<{ id: number }>(sql`SELECT id FROM memos WHERE target_kind = 'code' AND target_id = ${codeId}
    ORDER BY created_at, id LIMIT 1`);
  return row ? getMemo(db, row.id) : undefined;
}

export type MemoGone = { id: number; title: string; text: string };

export const listCodingMemos = (db: Db, codingId: number): MemoGone[] =>
  db.all<MemoGone>(sql`SELECT id, title, text FROM memos WHERE target_kind = 'coding' AND target_id = ${codingId}`);

export const deleteCodingMemos = (db: Db, codingId: number): void => {
  db.run(sql`DELETE FROM memos WHERE target_kind = 'coding' AND target_id = ${codingId}`);
};

/** Memos on the codes or on their codings. */
const onCodes = (codeIds: readonly number[]) => {
  const ids = sqlIds(codeIds);
  return sql`(target_kind = 'code' AND target_id IN (${ids}))
      OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN (${ids})))`;
};

export const listMemosOnCodes = (db: Db, codeIds: readonly number[]): (MemoGone & { targetKind: string; targetId: number })[] =>
  db.all<MemoGone & { targetKind: string; targetId: number }>(
    sql`SELECT id, target_kind AS targetKind, target_id AS targetId, title, text FROM memos WHERE ${onCodes(codeIds)}`,
  );

export const deleteMemosOnCodes = (db: Db, codeIds: readonly number[]): void => {
  db.run(sql`DELETE FROM memos WHERE ${onCodes(codeIds)}`);
};

/** Memos on the `fromIds` codes move to `toId`. */
export const moveCodeMemos = (db: Db, fromIds: readonly number[], toId: number): void => {
  db.run(sql`UPDATE memos SET target_id = ${toId} WHERE target_kind = 'code' AND target_id IN (${sqlIds(fromIds)})`);
};
