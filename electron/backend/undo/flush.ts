import type { Db } from '../db/database.ts';
import { sql, sqlRaw } from '../db/sql.ts';
import { insertedJson, shapesOf, valueSql } from './capture.ts';
import { ident, literal, type TableShape } from './tables.ts';

/**
 * Turns the changes capture.ts noted in `undo_pending` into operation_changes rows, in the
 * order they happened. A run of inserts (consecutive rowids inserted one after the other into
 * one table) becomes one record whose `after` is `[[column, …], [[value, …], …]]`: the rows as
 * their command left them, deferred columns by their size. Any other change is one record.
 */

/** Inserted rows per record at most, so undo never parses one enormous array. */
export const RUN_ROWS = 500;

/** Noted changes other than inserts read per query, so a big command is never all in memory. */
const PAGE = 1000;

type Run = { tbl: string; seq: number; last: number; lo: number; hi: number; n: number };
type Other = { seq: number; tbl: string; kind: string; before: string | null; after: string | null };

/**
 * The runs, in order. Consecutive notes of one table with consecutive rowids share `k - seq`
 * (seq counts every note); the count check below catches two runs that share it by chance.
 */
const readRuns = (db: Db): Run[] =>
  db.all<Run>(sql`SELECT tbl, min(seq) AS seq, max(seq) AS last, min(k) AS lo, max(k) AS hi, count(*) AS n
    FROM temp.undo_pending WHERE kind = 'insert' AND k IS NOT NULL
    GROUP BY tbl, k - seq, k / ${sqlRaw(String(RUN_ROWS))} ORDER BY seq`);

/** Splits a group that is not one unbroken run (explicit rowids can make one) into runs. */
function splitGroup(db: Db, g: Run): Run[] {
  const notes = db.all<{ seq: number; k: number }>(sql`SELECT seq, k FROM temp.undo_pending
    WHERE kind = 'insert' AND tbl = ${g.tbl} AND k - seq = ${g.lo - g.seq} AND k BETWEEN ${g.lo} AND ${g.hi} ORDER BY seq`);
  const runs: Run[] = [];
  for (const { seq, k } of notes) {
    const run = runs.at(-1);
    if (run && run.last === seq - 1) Object.assign(run, { last: seq, hi: k, n: run.n + 1 });
    else runs.push({ tbl: g.tbl, seq, last: seq, lo: k, hi: k, n: 1 });
  }
  return runs;
}

/** The run's rows straight from the table. HAVING writes nothing if one is missing: a bug. */
const runFromTable = (shape: TableShape, opId: number, run: Run) =>
  sql`INSERT INTO operation_changes (operation_id, tbl, kind, before, after)
    SELECT ${opId}, ${sqlRaw(literal(shape.name))}, 'insert', NULL, ${sqlRaw(`json_array(json_array(${shape.columns.map(literal).join(', ')}),
      json_group_array(json_array(${shape.columns.map((c) => valueSql(shape, 't', c)).join(', ')})))`)}
    FROM ${sqlRaw(`main.${ident(shape.name)}`)} t WHERE t.rowid BETWEEN ${run.lo} AND ${run.hi} HAVING count(*) = ${run.n}`;

/**
 * A run some of whose rows the same command changed or deleted later: such a row's image is
 * the one noted when it was first touched, i.e. as its insert left it.
 */
function runRowByRow(db: Db, shape: TableShape, run: Run): string {
  const rows: unknown[] = [];
  for (let k = run.lo; k <= run.hi; k++) {
    const touch = db.get<{ kind: string; before: string | null; whole: string | null }>(sql`SELECT kind, before, whole
      FROM temp.undo_pending WHERE tbl = ${run.tbl} AND k = ${k} AND kind <> 'insert' AND seq > ${run.last} ORDER BY seq LIMIT 1`);
    const text = touch
      ? touch.kind === 'update' ? touch.whole : touch.before
      : db.get<{ j: string }>(sql`SELECT ${sqlRaw(insertedJson(shape, 't'))} AS j FROM ${sqlRaw(`main.${ident(shape.name)}`)} t WHERE t.rowid = ${k}`)?.j;
    if (!text) throw new Error(`undo: row ${k} of ${shape.name}, inserted by this command, is gone without a trace`);
    const row = JSON.parse(text) as Record<string, unknown>;
    rows.push(shape.columns.map((c) => row[c] ?? null));
  }
  return JSON.stringify([shape.columns, rows]);
}

function writeRun(db: Db, shape: TableShape, opId: number, run: Run): void {
  const touched = db.get(sql`SELECT 1 AS touched FROM temp.undo_pending
    WHERE tbl = ${run.tbl} AND k BETWEEN ${run.lo} AND ${run.hi} AND kind <> 'insert' AND seq > ${run.last} LIMIT 1`);
  if (touched) {
    db.run(sql`INSERT INTO operation_changes (operation_id, tbl, kind, before, after)
      VALUES (${opId}, ${run.tbl}, 'insert', NULL, ${runRowByRow(db, shape, run)})`);
  } else if (db.run(runFromTable(shape, opId, run)).changes !== 1) {
    throw new Error(`undo: rows ${run.lo}–${run.hi} of ${run.tbl}, inserted by this command, are not all there`);
  }
}

/** Writes the operation's noted changes (the caller forgets them). Returns the number of records. */
export function flushCapture(db: Db, opId: number): number {
  const shapes = shapesOf(db);
  const runs = readRuns(db).flatMap((g) => (g.n === g.last - g.seq + 1 ? [g] : splitGroup(db, g)));
  runs.sort((a, b) => a.seq - b.seq);
  let next = 0;
  let written = 0;
  const runsBefore = (seq: number) => {
    for (; next < runs.length && runs[next]!.seq < seq; next++, written++) writeRun(db, shapes.get(runs[next]!.tbl)!, opId, runs[next]!);
  };
  for (let after = 0; ; ) {
    const page = db.all<Other>(sql`SELECT seq, tbl, kind, before, after FROM temp.undo_pending
      WHERE seq > ${after} AND NOT (kind = 'insert' AND k IS NOT NULL) ORDER BY seq LIMIT ${PAGE}`);
    for (const o of page) {
      runsBefore(o.seq);
      db.run(sql`INSERT INTO operation_changes (operation_id, tbl, kind, before, after) VALUES (${opId}, ${o.tbl}, ${o.kind}, ${o.before}, ${o.after})`);
      written++;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  runsBefore(Infinity);
  return written;
}

/** Forgets the noted changes: after the flush, or of a command that failed. */
export const discardCapture = (db: Db): void => void db.run(sql`DELETE FROM temp.undo_pending`);
