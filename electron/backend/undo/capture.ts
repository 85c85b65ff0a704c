import type { Database as BetterDb } from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import { ident, literal, readShapes, type TableShape } from './tables.ts';

/**
 * Row-change capture. Per connection, a TEMP table `undo_capture` holds the operation being
 * recorded (op_id) and a replay counter, and TEMP triggers on every tracked table note each
 * INSERT/UPDATE/DELETE in the TEMP table `undo_pending` while op_id is set; when the command
 * ends, flush.ts turns the notes into the operation's rows of operation_changes. TEMP objects
 * live only in this connection, so the project file carries no triggers that another program
 * (or an older Marginalia) would run.
 *
 * Inserts are where the cost was: an import adds ~150,000 units and 1,000 transcripts, and
 * writing each row's image into the history cost more than writing the row. So an insert into
 * a rowid table notes only its rowid; the flush groups consecutive inserts into one table into
 * runs and reads each run's rows back from the table in one statement.
 * Updates and deletes are noted with their images as they happen, since they are needed to
 * undo them and to know what an inserted row looked like before its own command changed it.
 */
const installed = new WeakMap<BetterDb, Map<string, TableShape>>();

/** The whole row as JSON. */
export const rowJson = (shape: TableShape, row: string): string =>
  `json_object(${shape.columns.map((c) => `${literal(c)}, ${row}.${ident(c)}`).join(', ')})`;

/**
 * A deferred column (tables.ts DEFERRED_COLUMNS) as an inserted row's history holds it: its
 * size, e.g. {"octets": 31245}. octet_length reads a stored text's size without its bytes.
 */
export const valueSql = (shape: TableShape, row: string, column: string): string =>
  shape.deferred.includes(column) ? `json_object('octets', octet_length(${row}.${ident(column)}))` : `${row}.${ident(column)}`;

/** The row as an insert's history holds it: deferred columns by their size. */
export const insertedJson = (shape: TableShape, row: string): string =>
  `json_object(${shape.columns.map((c) => `${literal(c)}, ${valueSql(shape, row, c)}`).join(', ')})`;

/** Key columns plus only the columns this UPDATE changed: a rename does not copy a whole transcript. */
const changedJson = (shape: TableShape, row: 'NEW' | 'OLD'): string => {
  const parts = shape.columns.map((c) =>
    shape.key.includes(c)
      ? `SELECT ${literal(c)} AS k, ${row}.${ident(c)} AS v`
      : `SELECT ${literal(c)}, ${row}.${ident(c)} WHERE OLD.${ident(c)} IS NOT NEW.${ident(c)}`,
  );
  return `(SELECT json_group_object(k, v) FROM (${parts.join(' UNION ALL ')}))`;
};

function triggerSql(shape: TableShape): string[] {
  const t = ident(shape.name);
  const tbl = literal(shape.name);
  const name = (suffix: string) => ident(`undo_capture_${shape.name}_${suffix}`);
  // Trigger bodies may not qualify table names; unqualified names find the TEMP tables first.
  const capturing = `FROM undo_capture WHERE op_id IS NOT NULL AND replaying = 0`;
  const count = `UPDATE undo_capture SET replayed = replayed + 1 WHERE replaying = 1;`;
  // One statement per inserted row, and no JSON: the flush reads the rows back per run. The
  // same statement counts a replayed insert (a 'replayed' note, counted and dropped by replay.ts)
  // rather than a second statement on every row of a big import.
  const insert = shape.rowid
    ? `INSERT INTO undo_pending (tbl, kind, k) SELECT ${tbl}, CASE replaying WHEN 1 THEN 'replayed' ELSE 'insert' END, NEW.rowid
        FROM undo_capture WHERE replaying = 1 OR op_id IS NOT NULL;`
    : `INSERT INTO undo_pending (tbl, kind, after) SELECT ${tbl}, 'insert', ${insertedJson(shape, 'NEW')} ${capturing}; ${count}`;
  const k = shape.rowid ? 'OLD.rowid' : 'NULL';
  // `whole`: the row before this update, in case it was inserted earlier in the same command.
  const update = `INSERT INTO undo_pending (tbl, kind, k, before, after, whole)
    SELECT ${tbl}, 'update', ${k}, ${changedJson(shape, 'OLD')}, ${changedJson(shape, 'NEW')}, ${shape.rowid ? insertedJson(shape, 'OLD') : 'NULL'} ${capturing};`;
  const del = `INSERT INTO undo_pending (tbl, kind, k, before) SELECT ${tbl}, 'delete', ${k}, ${rowJson(shape, 'OLD')} ${capturing};`;
  const changed = shape.columns.map((c) => `OLD.${ident(c)} IS NOT NEW.${ident(c)}`).join(' OR ');
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${t} BEGIN ${insert} END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON main.${t} WHEN ${changed} BEGIN ${update} ${count} END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON main.${t} BEGIN ${del} ${count} END`,
  ];
}

/**
 * Installs the capture tables and triggers on this connection once. Call it outside a
 * transaction: TEMP objects created inside one vanish if it rolls back.
 */
export function ensureCapture(db: Db): Map<string, TableShape> {
  const done = installed.get(db.raw);
  if (done) return done;
  const shapes = readShapes(db);
  // Rows that INSERT OR REPLACE deletes fire delete triggers only with recursive triggers on;
  // without it such a delete would escape the history and undo could not bring the row back.
  db.raw.pragma('recursive_triggers = ON');
  db.raw.exec(`CREATE TEMP TABLE IF NOT EXISTS undo_capture (
      op_id INTEGER, replaying INTEGER NOT NULL DEFAULT 0, replayed INTEGER NOT NULL DEFAULT 0)`);
  db.raw.exec(`INSERT INTO temp.undo_capture (op_id) SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM temp.undo_capture)`);
  // k: the rowid of the row changed (NULL in WITHOUT ROWID tables); before/after as stored.
  db.raw.exec(`CREATE TEMP TABLE IF NOT EXISTS undo_pending (
      seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, kind TEXT NOT NULL, k INTEGER, before TEXT, after TEXT, whole TEXT)`);
  // Finds later changes to a row inserted earlier in the command; inserts stay out of it (cost).
  db.raw.exec(`CREATE INDEX IF NOT EXISTS temp.undo_pending_touches ON undo_pending (tbl, k) WHERE kind <> 'insert'`);
  for (const shape of shapes.values()) for (const stmt of triggerSql(shape)) db.raw.exec(stmt);
  installed.set(db.raw, shapes);
  return shapes;
}

/** The shapes of the tracked tables on an installed connection. */
export const shapesOf = (db: Db): Map<string, TableShape> => ensureCapture(db);
