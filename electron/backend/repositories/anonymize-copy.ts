/**
 * The SQL that turns a working copy of a project into its pseudonymized copy
 * (electron/backend/anonymize/copy-writer.ts). Besides the tables it names, it reads the
 * schema to reach every text column of every table, so a table added later is rewritten too:
 * identifiers come from sqlite_schema and pragma_table_info, never from input.
 */
import type { Db } from '../db/database.ts';
import { sql, sqlJoin, sqlRaw } from '../db/sql.ts';
import type { AuditRow } from './audit.ts';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A consistent copy of the whole database in a new file (which must not exist); the source is only read. */
export function copyDatabaseTo(db: Db, path: string): void {
  db.run(sql`VACUUM INTO ${path}`);
}

/** The working copy is rewritten in place: no WAL beside it, freed pages zeroed. */
export function prepareWorkingCopy(db: Db): void {
  db.raw.pragma('journal_mode = DELETE');
  db.raw.pragma('secure_delete = ON');
}

export type TextColumn = { table: string; column: string; key: string[] };

/** Every TEXT column of every ordinary table (FTS tables and their shadows excluded), with each table's key. */
export function textColumns(db: Db): TextColumn[] {
  const tables = db.all<{ name: string; sql: string }>(
    sql`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const out: TextColumn[] = [];
  for (const t of tables) {
    if (virtual.includes(t.name) || virtual.some((v) => t.name.startsWith(`${v}_`))) continue;
    const cols = db.all<{ name: string; type: string; pk: number }>(sql`SELECT name, type, pk FROM pragma_table_info(${t.name}) ORDER BY cid`);
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const rowKey = key.length > 0 ? key : ['rowid'];
    for (const c of cols) if (/TEXT|ANY|^$/i.test(c.type)) out.push({ table: t.name, column: c.name, key: rowKey });
  }
  return out;
}

/** The non-empty text values of one column, with their row keys as JSON. */
export function textValues(db: Db, c: TextColumn): { key: string; value: string }[] {
  const keyExpr = sqlRaw(`json_array(${c.key.map(ident).join(', ')})`);
  return db.all<{ key: string; value: string }>(
    sql`SELECT ${keyExpr} AS key, ${sqlRaw(ident(c.column))} AS value FROM ${sqlRaw(ident(c.table))} WHERE typeof(${sqlRaw(ident(c.column))}) = 'text' AND ${sqlRaw(ident(c.column))} <> ''`,
  );
}

export function setTextValue(db: Db, c: TextColumn, key: string, value: string): void {
  const conditions = c.key.map((k, i) => sql`${sqlRaw(ident(k))} = json_extract(${key}, ${`$[${i}]`})`);
  db.run(sql`UPDATE ${sqlRaw(ident(c.table))} SET ${sqlRaw(ident(c.column))} = ${value} WHERE ${sqlJoin(conditions, ' AND ')}`);
}

/** Tables that may not reach a copy whole: undo history (row images of the originals), the review, GUIDs from other tools. */
export function clearTables(db: Db, tables: readonly string[]): void {
  const present = new Set(db.all<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'table'`).map((t) => t.name));
  for (const t of tables) if (present.has(t)) db.run(sql`DELETE FROM ${sqlRaw(ident(t))}`);
}

export const sourceRows = (db: Db): { id: number; text: string }[] => db.all<{ id: number; text: string }>(sql`SELECT id, text FROM sources ORDER BY id`);

export const unitSpans = (db: Db, sourceId: number): { id: number; start: number; end: number }[] =>
  db.all<{ id: number; start: number; end: number }>(sql`SELECT id, start, end FROM units WHERE source_id = ${sourceId} ORDER BY start DESC, id`);

export const codingSpans = (db: Db, sourceId: number): { id: number; start: number; end: number }[] =>
  db.all<{ id: number; start: number; end: number }>(sql`SELECT id, start, end FROM codings WHERE source_id = ${sourceId} ORDER BY id`);

export const unitTotal = (db: Db): number => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM units`)!.n;

export function setSourceText(db: Db, id: number, text: string, hash: string): void {
  db.run(sql`UPDATE sources SET text = ${text}, content_hash = ${hash} WHERE id = ${id}`);
}

export function setUnitSpan(db: Db, id: number, start: number, end: number): void {
  db.run(sql`UPDATE units SET start = ${start}, end = ${end} WHERE id = ${id}`);
}

export function setCodingSpan(db: Db, id: number, start: number, end: number, quote: string): void {
  db.run(sql`UPDATE codings SET start = ${start}, end = ${end}, quote = ${quote} WHERE id = ${id}`);
}

export const memoBodies = (db: Db): { id: number; body: string }[] => db.all<{ id: number; body: string }>(sql`SELECT id, body FROM memos ORDER BY id`);

export function setMemoText(db: Db, id: number, body: string, text: string): void {
  db.run(sql`UPDATE memos SET body = ${body}, text = ${text} WHERE id = ${id}`);
}

/** A copy keeps participants' labels only. */
export function blankParticipants(db: Db): void {
  db.run(sql`UPDATE participants SET name = '', description = ''`);
}

/** The search index built again from the rewritten texts alone, and merged into one segment. */
export function rebuildSearchIndex(db: Db): void {
  db.run(sql`INSERT INTO source_search (source_search) VALUES ('rebuild')`);
  db.run(sql`INSERT INTO source_search (source_search) VALUES ('optimize')`);
}

/** True when the search index holds a word (folded as the index folds it). */
export const searchIndexHas = (db: Db, word: string): boolean =>
  db.get(sql`SELECT 1 FROM source_search WHERE source_search MATCH ${`"${word.replace(/"/g, '""')}"`} LIMIT 1`) !== undefined;

/**
 * Writes the audit log again (its details rewritten, its chain recomputed). The log refuses
 * updates and deletes by trigger; in the working copy the triggers are set aside and put back
 * exactly as the schema had them.
 */
export function replaceAuditLog(db: Db, rows: readonly AuditRow[]): void {
  const triggers = db.all<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'`);
  for (const t of triggers) db.run(sql`DROP TRIGGER ${sqlRaw(ident(t.name))}`);
  db.run(sql`DELETE FROM audit_log`);
  for (const r of rows) {
    db.run(sql`INSERT INTO audit_log (id, at, coder_id, action, entity, entity_id, detail, prev_hash, hash)
               VALUES (${r.id}, ${r.at}, ${r.coderId}, ${r.action}, ${r.entity}, ${r.entityId}, ${r.detail}, ${r.prevHash}, ${r.hash})`);
  }
  for (const t of triggers) db.run(sqlRaw(t.sql));
}

export function insertAnonymizationReport(db: Db, at: string, coderId: number | null, report: string): void {
  db.run(sql`INSERT INTO anonymizations (at, coder_id, report) VALUES (${at}, ${coderId}, ${report})`);
}

export const latestAnonymizationReport = (db: Db): { at: string; report: string } | undefined =>
  db.get<{ at: string; report: string }>(sql`SELECT at, report FROM anonymizations ORDER BY id DESC LIMIT 1`);

/** The words of the schema's own SQL (table and column names…), which a byte scan must not mistake for a name. */
export const schemaText = (db: Db): string =>
  db.all<{ sql: string | null }>(sql`SELECT sql FROM sqlite_schema`).map((r) => r.sql ?? '').join('\n');
