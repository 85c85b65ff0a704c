import type { NewUnit } from './sources.ts';
import type { Db } from '../db/database.ts';
import { sql, type SqlFragment, type SqlValue } from '../db/sql.ts';

/** Rows per INSERT: one statement per row costs more than the row itself in a big import. */
const BATCH = 64;
const COLUMNS = 10;

const statement = (rows: number): string =>
  `INSERT INTO units (source_id, kind, start, end, participant_id, speaker, is_interviewer, question_id, timestamp_ms, page) VALUES ${Array.from({ length: rows }, () => `(${Array(COLUMNS).fill('?').join(', ')})`).join(', ')}`;
/** Statement texts by number of rows, built once: at most BATCH shapes in the statement cache. */
const TEXTS = Array.from({ length: BATCH + 1 }, (_, rows) => (rows === 0 ? '' : statement(rows)));

/**
 * Inserts `count` units of a source, many rows per statement: full batches, then the rest in
 * one statement (a statement costs more than a row). `row(i, out)` pushes unit i's nine
 * values after source_id, in the statement's column order, onto out, so a big import builds no object per unit. Every value is
 * a bound parameter; the fragment is put together by hand only to avoid building thousands
 * of nested fragments.
 */
export function insertUnitRows(db: Db, sourceId: number, count: number, row: (i: number, out: SqlValue[]) => void): void {
  for (let i = 0; i < count; i += BATCH) {
    const n = Math.min(BATCH, count - i);
    const values: SqlValue[] = [];
    for (let j = i; j < i + n; j++) {
      values.push(sourceId);
      row(j, values);
    }
    const fragment: SqlFragment = { ...sql``, text: TEXTS[n]!, values };
    db.run(fragment);
  }
}

/** Inserts a source's units given as objects (documents, questionnaires). */
export function insertUnits(db: Db, sourceId: number, units: readonly NewUnit[]): void {
  insertUnitRows(db, sourceId, units.length, (i, out) => {
    const u = units[i]!;
    out.push(u.kind, u.start, u.end, u.participantId ?? null, u.speaker ?? null, u.isInterviewer ? 1 : 0, u.questionId ?? null, u.timestampMs ?? null, u.page ?? null);
  });
}
