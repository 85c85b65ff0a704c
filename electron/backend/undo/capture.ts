import type { Database as BetterDb } from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import { ident, literal, readShapes, type TableShape } from './tables.ts';

/**
 * Row-change capture. Per connection, a TEMP table `undo_capture` holds the operation being
 * recorded (op_id) and a replay counter, and TEMP triggers on every tracked table write each
 * INSERT/UPDATE/DELETE into operation_changes while op_id is set. TEMP objects live only in
 * this connection, so the project file carries no triggers that another program (or an older
 * Marginalia) would run.
 */
const installed = new WeakMap<BetterDb, Map<string, TableShape>>();

const json = (shape: TableShape, row: 'NEW' | 'OLD'): string =>
  `json_object(${shape.columns.map((c) => `${literal(c)}, ${row}.${ident(c)}`).join(', ')})`;

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
  const name = (suffix: string) => ident(`undo_capture_${shape.name}_${suffix}`);
  const record = (kind: string, before: string, after: string) => `
    INSERT INTO operation_changes (operation_id, tbl, kind, before, after)
      SELECT op_id, ${literal(shape.name)}, '${kind}', ${before}, ${after} FROM undo_capture WHERE op_id IS NOT NULL AND replaying = 0;
    UPDATE undo_capture SET replayed = replayed + 1 WHERE replaying = 1;`;
  const changed = shape.columns.map((c) => `OLD.${ident(c)} IS NOT NEW.${ident(c)}`).join(' OR ');
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${t} BEGIN ${record('insert', 'NULL', json(shape, 'NEW'))} END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON main.${t} WHEN ${changed}
       BEGIN ${record('update', changedJson(shape, 'OLD'), changedJson(shape, 'NEW'))} END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON main.${t} BEGIN ${record('delete', json(shape, 'OLD'), 'NULL')} END`,
  ];
}

/**
 * Installs the capture table and triggers on this connection once. Call it outside a
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
  for (const shape of shapes.values()) for (const stmt of triggerSql(shape)) db.raw.exec(stmt);
  installed.set(db.raw, shapes);
  return shapes;
}

/** The shapes of the tracked tables on an installed connection. */
export const shapesOf = (db: Db): Map<string, TableShape> => ensureCapture(db);
