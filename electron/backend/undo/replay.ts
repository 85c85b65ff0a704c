import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Db } from '../db/database.ts';
import { sql, sqlJoin, sqlRaw, type SqlFragment, type SqlValue } from '../db/sql.ts';
import { shapesOf } from './capture.ts';
import { ident, type TableShape } from './tables.ts';

type Row = Record<string, SqlValue>;
type Change = { id: number; tbl: string; kind: 'insert' | 'update' | 'delete'; before: string | null; after: string | null };
export type Direction = 'undo' | 'redo';

const parseRow = (text: string | null, what: string): Row => {
  const value: unknown = JSON.parse(text ?? 'null');
  if (typeof value !== 'object' || value === null) throw new Error(`undo: captured ${what} is not a row`);
  for (const v of Object.values(value)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new Error(`undo: captured ${what} holds a ${typeof v}`);
  }
  return value as Row;
};

const where = (shape: TableShape, row: Row): SqlFragment =>
  sqlJoin(shape.key.map((k) => sql`${sqlRaw(ident(k))} = ${row[k] ?? null}`), ' AND ');

function currentRow(db: Db, shape: TableShape, key: Row): Row | undefined {
  const cols = sqlRaw(shape.columns.map((c) => `'${c.replace(/'/g, "''")}', ${ident(c)}`).join(', '));
  const found = db.get<{ j: string }>(sql`SELECT json_object(${cols}) AS j FROM ${sqlRaw(ident(shape.name))} WHERE ${where(shape, key)}`);
  return found ? parseRow(found.j, shape.name) : undefined;
}

/** True when the stored row still holds every value the history expects it to hold. */
const holds = (row: Row | undefined, expected: Row): boolean =>
  row !== undefined && Object.entries(expected).every(([k, v]) => row[k] === v);

const insertRow = (db: Db, shape: TableShape, row: Row): void => {
  const cols = Object.keys(row).filter((c) => shape.columns.includes(c));
  db.run(sql`INSERT INTO ${sqlRaw(ident(shape.name))} (${sqlRaw(cols.map(ident).join(', '))})
    VALUES (${sqlJoin(cols.map((c) => sql`${row[c] ?? null}`))})`);
};

const updateRow = (db: Db, shape: TableShape, at: Row, values: Row): void => {
  const sets = Object.keys(values)
    .filter((c) => shape.columns.includes(c))
    .map((c) => sql`${sqlRaw(ident(c))} = ${values[c] ?? null}`);
  db.run(sql`UPDATE ${sqlRaw(ident(shape.name))} SET ${sqlJoin(sets)} WHERE ${where(shape, at)}`);
};

/**
 * Applies one captured change backwards (undo) or forwards (redo), after checking that the
 * row is exactly as the change left it (or found it). If something else changed it since —
 * another coder, an import — the whole undo is refused rather than half-applied.
 */
function applyChange(db: Db, shape: TableShape, c: Change, direction: Direction, label: string): void {
  const conflict = () =>
    new ApiFailure(
      'conflict',
      `${direction === 'undo' ? 'Undo' : 'Redo'} of “${label}” is not possible: later changes (another coder's work or an import) touched the same ${shape.name.replace(/_/g, ' ')}.`,
    );
  const before = c.before === null ? null : parseRow(c.before, shape.name);
  const after = c.after === null ? null : parseRow(c.after, shape.name);
  // Undo turns the change around: what it inserted is deleted, what it deleted comes back.
  const from = direction === 'undo' ? after : before;
  const to = direction === 'undo' ? before : after;
  if (from === null && to !== null) {
    if (currentRow(db, shape, to) !== undefined) throw conflict();
    insertRow(db, shape, to);
  } else if (from !== null && to === null) {
    if (!holds(currentRow(db, shape, from), from)) throw conflict();
    db.run(sql`DELETE FROM ${sqlRaw(ident(shape.name))} WHERE ${where(shape, from)}`);
  } else if (from !== null && to !== null) {
    if (!holds(currentRow(db, shape, from), from)) throw conflict();
    updateRow(db, shape, from, to);
  }
}

/**
 * Replays an operation's captured changes: newest first for undo, oldest first for redo.
 * Capture is paused meanwhile; the triggers only count what the replay touched, so a cascade
 * the history does not know about (a row added outside any operation) is caught and refused.
 * Returns the tables it changed.
 */
export function replayOperation(db: Db, opId: number, direction: Direction, label: string): string[] {
  const shapes = shapesOf(db);
  const changes = db.all<Change>(sql`SELECT id, tbl, kind, before, after FROM operation_changes
    WHERE operation_id = ${opId} ORDER BY id ${sqlRaw(direction === 'undo' ? 'DESC' : 'ASC')}`);
  // Rows come back in reverse order of their creation; foreign keys are checked at commit.
  db.raw.pragma('defer_foreign_keys = ON');
  db.run(sql`UPDATE temp.undo_capture SET op_id = NULL, replaying = 1, replayed = 0`);
  const tables = new Set<string>();
  for (const c of changes) {
    const shape = shapes.get(c.tbl);
    if (!shape) throw new ApiFailure('conflict', `“${label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: table ${c.tbl} no longer exists`);
    applyChange(db, shape, c, direction, label);
    tables.add(c.tbl);
  }
  const replayed = db.get<{ n: number }>(sql`SELECT replayed AS n FROM temp.undo_capture`)!.n;
  db.run(sql`UPDATE temp.undo_capture SET replaying = 0, replayed = 0`);
  if (replayed !== changes.length) {
    throw new ApiFailure(
      'conflict',
      `${direction === 'undo' ? 'Undo' : 'Redo'} of “${label}” is not possible: it would also remove data added later outside this step.`,
    );
  }
  return [...tables].sort();
}
