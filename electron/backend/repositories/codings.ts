import type { Db } from '../db/database.ts';
import { sql, sqlIds, sqlRaw, sqlText, type SqlValue } from '../db/sql.ts';
import type { Coding } from '../../../shared/domain/types.ts';

const select = sql`SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c.end, c.quote,
    c.coder_id AS coderId, k.name AS coderName, c.created_at AS createdAt,
    (SELECT u.participant_id FROM units u WHERE u.source_id = c.source_id AND u.start <= c.start AND c.start < u.end
      ORDER BY u.start DESC LIMIT 1) AS participantId,
    (SELECT count(*) FROM memos m WHERE m.target_kind = 'coding' AND m.target_id = c.id) AS memoCount
  FROM codings c JOIN coders k ON k.id = c.coder_id`;

/**
 * Every coding of a source, as the document view opens it. Participant and memo count come by
 * join (the participant from coding_credit, which holds the same rule as the one-coding
 * lookup above; memo counts grouped once), not by two lookups per coding: at 100,000 codings
 * that took the listing from ~0.9 s to a fraction. `quoteChars` cuts each quote to its first
 * characters (whole characters; the view shows a quote's start, and the text it needs it has):
 * a full listing of a dense source is tens of megabytes of quotes otherwise.
 */
export const listCodingsForSource = (db: Db, sourceId: number, quoteChars: number | null = null): Coding[] =>
  db.all<Coding>(sql`SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c.end,
      CASE WHEN ${quoteChars} IS NULL THEN c.quote ELSE substr(c.quote, 1, ${quoteChars}) END AS quote,
      c.coder_id AS coderId, k.name AS coderName, c.created_at AS createdAt,
      cr.participant_id AS participantId, coalesce(m.n, 0) AS memoCount
    FROM codings c JOIN coders k ON k.id = c.coder_id
    LEFT JOIN coding_credit cr ON cr.coding_id = c.id
    LEFT JOIN (SELECT target_id, count(*) AS n FROM memos WHERE target_kind = 'coding' GROUP BY target_id) m ON m.target_id = c.id
    WHERE c.source_id = ${sourceId} ORDER BY c.start, c.end DESC, c.id`);

export const getCoding = (db: Db, id: number): Coding | undefined => db.get<Coding>(sql`${select} WHERE c.id = ${id}`);

export type NewCoding = { sourceId: number; codeId: number; start: number; end: number; quote: string };

export function insertCoding(db: Db, c: NewCoding, coderId: number, now: string): number {
  return db.run(sql`INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote)
    VALUES (${c.sourceId}, ${c.codeId}, ${c.start}, ${c.end}, ${coderId}, ${now}, ${c.quote})`).lastInsertRowid;
}

/** A coding of a bulk insert: who coded it and when travel with each row (a merge keeps each coder's own). */
export type NewCodingRow = NewCoding & { coderId: number; createdAt: string };

/**
 * Rows per INSERT statement of a bulk insert: one statement per row spent as long starting
 * statements as writing rows. 64 rows are 448 bound values, far below SQLite's limit.
 */
const ROWS_PER_INSERT = 64;
const CODING_COLUMNS = ['source_id', 'code_id', 'start', 'end', 'coder_id', 'created_at', 'quote'] as const;

/** The INSERT of `count` codings, each row's values in CODING_COLUMNS' order (one text per count, so one cached statement). */
const insertTexts = new Map<number, string>();
function insertText(count: number): string {
  let text = insertTexts.get(count);
  if (text === undefined) {
    const row = `(${CODING_COLUMNS.map(() => '?').join(', ')})`;
    text = `INSERT INTO codings (${CODING_COLUMNS.join(', ')}) VALUES ${Array.from({ length: count }, () => row).join(', ')}`;
    insertTexts.set(count, text);
  }
  return text;
}

/** Inserts rows[from, to) in one statement. */
function insertMany(db: Db, rows: readonly NewCodingRow[], from: number, to: number): void {
  const values: SqlValue[] = [];
  for (let i = from; i < to; i++) {
    const c = rows[i]!;
    values.push(c.sourceId, c.codeId, c.start, c.end, c.coderId, c.createdAt, c.quote);
  }
  db.run(sqlText(insertText(to - from), values));
}

/**
 * From this many rows a bulk insert takes the credit trigger off for the batch (below: holds it
 * off with the flag of migration 0015, whose test the trigger still runs for every row).
 */
export const BULK_WITHOUT_TRIGGER = 1_000;
const CREDIT_TRIGGER = 'coding_credit_after_coding_insert';

/**
 * Inserts many codings (an import, a merge, a search coded in one go) and returns their ids in
 * the rows' order. Same rows as insertCoding one by one, and the same credit: the per-row
 * credit trigger is held off and the batch is credited in one set-based statement with the
 * trigger's own rule, which at 100k codings costs a third of what the trigger did. A small
 * batch holds it off with the flag of migration 0015; a large one drops the trigger and creates
 * it again from its own text in sqlite_master, inside the same transaction, as even the test of
 * the flag cost a few hundred milliseconds per 100k rows. Runs in the caller's transaction as a
 * savepoint (or in its own): an error anywhere takes the batch back with the flag or the
 * trigger as they were, so neither change is ever committed.
 *
 * The ids are known without reading them back (RETURNING cost an eighth of the insert): an
 * INTEGER PRIMARY KEY without AUTOINCREMENT gives each new row the id after the largest one,
 * so the batch's ids are the run after the table's largest id before it (nothing else writes
 * in between: one write transaction), which the largest id after it confirms. Given ids would
 * cost more: SQLite looks each up instead of appending.
 */
export function insertCodings(db: Db, rows: readonly NewCodingRow[]): number[] {
  if (rows.length === 0) return [];
  return db.transaction(() => {
    const trigger = rows.length >= BULK_WITHOUT_TRIGGER ? db.get<{ sql: string }>(sql`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ${CREDIT_TRIGGER}`) : undefined;
    if (trigger) db.run(sqlRaw(`DROP TRIGGER ${CREDIT_TRIGGER}`));
    else db.run(sql`INSERT INTO coding_credit_deferred (id) VALUES (1)`);
    const first = topCodingId(db) + 1;
    if (first + rows.length - 1 > Number.MAX_SAFE_INTEGER) throw new Error(`bulk insert: ${rows.length} more codings would take ids beyond ${Number.MAX_SAFE_INTEGER}, the largest the app can hold`);
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) insertMany(db, rows, i, Math.min(i + ROWS_PER_INSERT, rows.length));
    const last = first + rows.length - 1;
    // Each row took the id after the largest one (SQLite picks at random only once the largest
    // possible id, far above the check before, is taken); the batch must end at `last`.
    if (topCodingId(db) !== last) throw new Error(`bulk insert: the new codings' ids are not ${first}..${last}; the table's ids have run out`);
    creditCodings(db, first, last);
    if (trigger) db.run(sqlRaw(trigger.sql));
    else db.run(sql`DELETE FROM coding_credit_deferred`);
    return Array.from({ length: rows.length }, (_, i) => first + i);
  });
}

const topCodingId = (db: Db): number => db.get<{ top: number }>(sql`SELECT coalesce(max(id), 0) AS top FROM codings`)!.top;

/**
 * Computes the credit of the codings first..last (all new) as the insert trigger of migration
 * 0006 does: the unit that contains the coding's start, the one that starts last when units
 * nest (ties: the later unit), or none.
 */
function creditCodings(db: Db, first: number, last: number): void {
  db.run(sql`INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
    SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
    FROM codings c LEFT JOIN units u ON u.id = (
      SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
      ORDER BY x.start DESC, x.id DESC LIMIT 1)
    WHERE c.id BETWEEN ${first} AND ${last} ORDER BY c.id`);
}

/**
 * The coder's own coding of exactly this passage with this code, if any: applying it again
 * gives that one back. Another coder's identical coding is theirs — each coder's work is kept
 * apart (agreement compares them), so it never stands in for this coder's.
 */
export const findSameCoding = (db: Db, c: Omit<NewCoding, 'quote'>, coderId: number): { id: number } | undefined =>
  db.get<{ id: number }>(sql`SELECT id FROM codings WHERE source_id = ${c.sourceId} AND code_id = ${c.codeId}
    AND start = ${c.start} AND end = ${c.end} AND coder_id = ${coderId} ORDER BY id LIMIT 1`);

export const deleteCoding = (db: Db, id: number): number => db.run(sql`DELETE FROM codings WHERE id = ${id}`).changes;

export const setCodingCode = (db: Db, id: number, codeId: number): void => {
  db.run(sql`UPDATE codings SET code_id = ${codeId} WHERE id = ${id}`);
};

/** Moves codings to another code; returns how many moved. */
export const moveCodingsToCode = (db: Db, ids: readonly number[], codeId: number): number =>
  db.run(sql`UPDATE codings SET code_id = ${codeId} WHERE id IN (${sqlIds(ids)})`).changes;

export const setCodingSpan = (db: Db, id: number, start: number, end: number, quote: string): void => {
  db.run(sql`UPDATE codings SET start = ${start}, end = ${end}, quote = ${quote}
      WHERE id = ${id}`);
};

/** Each of these codings' code, by coding id (codings that do not exist are missing). */
export const codesOfCodings = (db: Db, ids: readonly number[]): Map<number, number> =>
  new Map(db.all<{ id: number; codeId: number }>(sql`SELECT id, code_id AS codeId FROM codings WHERE id IN (${sqlIds(ids)})`).map((r) => [r.id, r.codeId]));

export type CodingSpan = { id: number; sourceId: number; start: number; end: number; coderId: number };

/** Codings of the codes, oldest first. */
export const codingSpansOfCodes = (db: Db, codeIds: readonly number[]): CodingSpan[] =>
  db.all<CodingSpan>(sql`SELECT id, source_id AS sourceId,
    start, end, coder_id AS coderId FROM codings WHERE code_id IN (${sqlIds(codeIds)}) ORDER BY id`);

export type CodingGone = CodingSpan & { codeId: number; quote: string };

/** Codings of the codes, with what the audit keeps of them when they are deleted. */
export const listCodingsOfCodes = (db: Db, codeIds: readonly number[]): CodingGone[] =>
  db.all<CodingGone>(sql`SELECT id, code_id AS codeId, source_id AS sourceId, start, end, quote FROM codings WHERE code_id IN (${sqlIds(codeIds)})`);

export const deleteCodingsOfCodes = (db: Db, codeIds: readonly number[]): void => {
  db.run(sql`DELETE FROM codings WHERE code_id IN (${sqlIds(codeIds)})`);
};
