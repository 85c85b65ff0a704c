import type { NewUnit } from '../repositories/sources.ts';
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
 * Inserts a source's units, many rows per statement: full batches, then the rest in one
 * statement (a statement costs more than a row). Every value is a bound parameter; the
 * fragment is put together by hand only to avoid building thousands of nested fragments.
 */
export function insertUnits(db: Db, sourceId: number, units: readonly NewUnit[]): void {
  const run = (text: string, rows: readonly NewUnit[]) => {
    const values: SqlValue[] = [];
    for (const u of rows) {
      values.push(sourceId, u.kind, u.start, u.end, u.participantId ?? null, u.speaker ?? null, u.isInterviewer ? 1 : 0, u.questionId ?? null, u.timestampMs ?? null, u.page ?? null);
    }
    const fragment: SqlFragment = { ...sql``, text, values };
    db.run(fragment);
  };
  for (let i = 0; i < units.length; i += BATCH) {
    const rows = units.slice(i, i + BATCH);
    run(TEXTS[rows.length]!, rows);
  }
}
