import type { Db } from '../db/database.ts';
import { sql, sqlJoin, sqlRaw, type SqlFragment, type SqlValue } from '../db/sql.ts';
import { ident, literal } from '../undo/tables.ts';

/**
 * Rows of the synced tables (shared/domain/team-sync/schema.ts) read and written by table
 * name, as a team sync applies others' changes and rewinds its own: SQL over the schema, like
 * undo/replay.ts. Table and column names always come from the schema description or PRAGMA
 * table_info, never from the wire; values are bound.
 */

export type Row = Record<string, SqlValue>;

const table = (name: string) => sqlRaw(`main.${ident(name)}`);

const where = (key: Row): SqlFragment =>
  sqlJoin(Object.entries(key).map(([k, v]) => (v === null ? sql`${sqlRaw(ident(k))} IS NULL` : sql`${sqlRaw(ident(k))} = ${v}`)), ' AND ');

/** The whole row found by its key values, or undefined. */
export function readRow(db: Db, tbl: string, columns: readonly string[], key: Row): Row | undefined {
  const cols = sqlRaw(columns.map((c) => `${literal(c)}, ${ident(c)}`).join(', '));
  const found = db.get<{ j: string }>(sql`SELECT json_object(${cols}) AS j FROM ${table(tbl)} WHERE ${where(key)}`);
  return found ? (JSON.parse(found.j) as Row) : undefined;
}

export const rowExists = (db: Db, tbl: string, key: Row): boolean => db.get(sql`SELECT 1 AS x FROM ${table(tbl)} WHERE ${where(key)}`) !== undefined;

export function insertRow(db: Db, tbl: string, row: Row): void {
  const cols = Object.keys(row);
  db.run(sql`INSERT INTO ${table(tbl)} (${sqlRaw(cols.map(ident).join(', '))}) VALUES (${sqlJoin(cols.map((c) => sql`${row[c] ?? null}`))})`);
}

export function updateRow(db: Db, tbl: string, key: Row, values: Row): number {
  const cols = Object.keys(values);
  if (cols.length === 0) return 0;
  return db.run(sql`UPDATE ${table(tbl)} SET ${sqlJoin(cols.map((c) => sql`${sqlRaw(ident(c))} = ${values[c] ?? null}`))} WHERE ${where(key)}`).changes;
}

export const deleteRow = (db: Db, tbl: string, key: Row): number => db.run(sql`DELETE FROM ${table(tbl)} WHERE ${where(key)}`).changes;

/** Ids of the rows of `tbl` whose `column` holds `id` (the rows a delete of that row would reach). */
export const referringIds = (db: Db, tbl: string, column: string, id: SqlValue): number[] =>
  db.all<{ id: number }>(sql`SELECT rowid AS id FROM ${table(tbl)} WHERE ${sqlRaw(ident(column))} = ${id}`).map((r) => r.id);

/** Key columns of rows of `tbl` whose `column` holds `id`, for tables keyed otherwise than by id. */
export const referringKeys = (db: Db, tbl: string, keyColumns: readonly string[], column: string, id: SqlValue): Row[] =>
  db.all<Row>(sql`SELECT ${sqlRaw(keyColumns.map(ident).join(', '))} FROM ${table(tbl)} WHERE ${sqlRaw(ident(column))} = ${id}`);

/** Defers foreign-key checks to the end of the transaction (rows come back in any order). */
export const deferForeignKeys = (db: Db): void => void db.raw.pragma('defer_foreign_keys = ON');

/** Every row of a table as JSON objects, ordered by its key (content hashing, tests). */
export function allRows(db: Db, tbl: string, columns: readonly string[]): Row[] {
  const cols = sqlRaw(columns.map((c) => `${literal(c)}, ${ident(c)}`).join(', '));
  return db.all<{ j: string }>(sql`SELECT json_object(${cols}) AS j FROM ${table(tbl)}`).map((r) => JSON.parse(r.j) as Row);
}
