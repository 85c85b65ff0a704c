import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Db } from '../db/database.ts';
import { sql, sqlJoin, sqlRaw, type SqlFragment, type SqlValue } from '../db/sql.ts';
import { shapesOf } from './capture.ts';
import { ident, type TableShape } from './tables.ts';

type Row = Record<string, SqlValue>;
/** What an inserted row's history holds for a deferred column (tables.ts): its size in UTF-8 bytes. */
type Deferred = { octets: number | null };
/** A row as the history holds it. */
type Image = Record<string, SqlValue | Deferred>;
type Change = { id: number; tbl: string; kind: 'insert' | 'update' | 'delete'; before: string | null; after: string | null };
export type Direction = 'undo' | 'redo';

const isDeferred = (v: unknown): v is Deferred =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'octets' in v;

const checkImage = (value: unknown, what: string): Image => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`undo: captured ${what} is not a row`);
  for (const v of Object.values(value)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && !isDeferred(v)) throw new Error(`undo: captured ${what} holds a ${typeof v}`);
  }
  return value as Image;
};

type Images = { rows: Image[]; columns: string[] | null };

/**
 * The rows a record holds: one row object, or a run of inserts written by flush.ts as
 * `[[column, …], [[value, …], …]]`.
 */
const parseImages = (text: string | null, what: string): Images => {
  const value: unknown = JSON.parse(text ?? 'null');
  if (!Array.isArray(value)) return { rows: [checkImage(value, what)], columns: null };
  const [columns, rows] = value as unknown[];
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string') || !Array.isArray(rows)) throw new Error(`undo: captured ${what} rows are malformed`);
  return {
    columns,
    rows: rows.map((r) => {
      if (!Array.isArray(r) || r.length !== columns.length) throw new Error(`undo: captured ${what} row is malformed`);
      return checkImage(Object.fromEntries(columns.map((c, i) => [c, r[i] as unknown])), what);
    }),
  };
};

/** A record's rows written back in the record's own form. */
const imagesJson = (images: Images, rows: Row[]): string =>
  JSON.stringify(images.columns ? [images.columns, rows.map((r) => images.columns!.map((c) => r[c] ?? null))] : rows[0]);

const where = (shape: TableShape, row: Image): SqlFragment =>
  sqlJoin(shape.key.map((k) => sql`${sqlRaw(ident(k))} = ${stored(row[k])}`), ' AND ');

/** A value to write; a deferred marker never is one (insertRow refuses it first). */
const stored = (v: SqlValue | Deferred | undefined): SqlValue => (v === undefined || isDeferred(v) ? null : v);

function currentRow(db: Db, shape: TableShape, key: Image): Row | undefined {
  const cols = sqlRaw(shape.columns.map((c) => `'${c.replace(/'/g, "''")}', ${ident(c)}`).join(', '));
  const found = db.get<{ j: string }>(sql`SELECT json_object(${cols}) AS j FROM ${sqlRaw(ident(shape.name))} WHERE ${where(shape, key)}`);
  // A stored value is never a deferred marker: json_object writes a text column as a string.
  return found ? (checkImage(JSON.parse(found.j), shape.name) as Row) : undefined;
}

/** The size SQLite's octet_length gives a stored text; anything else cannot match one. */
const octets = (v: SqlValue | undefined): number | null => (v === null ? null : typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : -1);

/**
 * True when the stored row still holds every value the history expects it to hold. A deferred
 * column is checked by its size; the columns beside it (a source's content_hash) are exact.
 */
const holds = (row: Row | undefined, expected: Image): row is Row =>
  row !== undefined && Object.entries(expected).every(([k, v]) => (isDeferred(v) ? octets(row[k]) === v.octets : row[k] === v));

const insertRow = (db: Db, shape: TableShape, row: Image): void => {
  const cols = Object.keys(row).filter((c) => shape.columns.includes(c));
  const values = cols.map((c) => row[c]);
  // Undo keeps a deferred value before it deletes the row; a record without it cannot redo.
  if (values.some(isDeferred)) throw new Error(`undo: the history of ${shape.name} lacks a value to bring back`);
  db.run(sql`INSERT INTO ${sqlRaw(ident(shape.name))} (${sqlRaw(cols.map(ident).join(', '))})
    VALUES (${sqlJoin(values.map((v) => sql`${stored(v)}`))})`);
};

const updateRow = (db: Db, shape: TableShape, at: Image, values: Image): void => {
  const sets = Object.keys(values)
    .filter((c) => shape.columns.includes(c))
    .map((c) => sql`${sqlRaw(ident(c))} = ${stored(values[c])}`);
  db.run(sql`UPDATE ${sqlRaw(ident(shape.name))} SET ${sqlJoin(sets)} WHERE ${where(shape, at)}`);
};

/**
 * Applies one captured change backwards (undo) or forwards (redo), after checking that each
 * row is exactly as the change left it (or found it). If something else changed it since —
 * another coder, an import — the whole undo is refused rather than half-applied. Returns the
 * number of rows it wrote, each of which the capture triggers count.
 */
function applyChange(db: Db, shape: TableShape, c: Change, direction: Direction, label: string): number {
  const conflict = () =>
    new ApiFailure(
      'conflict',
      `${direction === 'undo' ? 'Undo' : 'Redo'} of “${label}” is not possible: later changes (another coder's work or an import) touched the same ${shape.name.replace(/_/g, ' ')}.`,
    );
  if (c.kind === 'update') {
    const before = parseImages(c.before, shape.name).rows[0]!;
    const after = parseImages(c.after, shape.name).rows[0]!;
    const [from, to] = direction === 'undo' ? [after, before] : [before, after];
    if (!holds(currentRow(db, shape, from), from)) throw conflict();
    updateRow(db, shape, from, to);
    return 1;
  }
  // Inserts and deletes hold whole rows. Undo turns them around: what was inserted is
  // deleted, what was deleted comes back; a run of inserts is walked backwards.
  const images = parseImages(c.kind === 'insert' ? c.after : c.before, shape.name);
  const { rows } = images;
  const ordered = direction === 'undo' ? [...rows].reverse() : rows;
  if ((c.kind === 'insert') !== (direction === 'undo')) {
    for (const row of ordered) {
      if (currentRow(db, shape, row) !== undefined) throw conflict();
      insertRow(db, shape, row);
    }
    return rows.length;
  }
  const removed: Row[] = [];
  for (const expected of ordered) {
    const row = currentRow(db, shape, expected);
    if (!holds(row, expected)) throw conflict();
    db.run(sql`DELETE FROM ${sqlRaw(ident(shape.name))} WHERE ${where(shape, expected)}`);
    removed.push(row);
  }
  // An insert's history left its deferred values out; redo needs them, so keep them now.
  if (c.kind === 'insert' && rows.some((r) => Object.values(r).some(isDeferred))) {
    removed.reverse();
    db.run(sql`UPDATE operation_changes SET after = ${imagesJson(images, removed)} WHERE id = ${c.id}`);
  }
  return rows.length;
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
  let written = 0;
  for (const c of changes) {
    const shape = shapes.get(c.tbl);
    if (!shape) throw new ApiFailure('conflict', `“${label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: table ${c.tbl} no longer exists`);
    written += applyChange(db, shape, c, direction, label);
    tables.add(c.tbl);
  }
  // Updates and deletes count in undo_capture.replayed; inserts leave a 'replayed' note (capture.ts).
  const replayed =
    db.get<{ n: number }>(sql`SELECT replayed AS n FROM temp.undo_capture`)!.n +
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM temp.undo_pending WHERE kind = 'replayed'`)!.n;
  db.run(sql`DELETE FROM temp.undo_pending WHERE kind = 'replayed'`);
  db.run(sql`UPDATE temp.undo_capture SET replaying = 0, replayed = 0`);
  if (replayed !== written) {
    throw new ApiFailure(
      'conflict',
      `${direction === 'undo' ? 'Undo' : 'Redo'} of “${label}” is not possible: it would also remove data added later outside this step.`,
    );
  }
  return [...tables].sort();
}
