import type { Db } from '../db/database.ts';

/**
 * The domain tables whose row changes are captured for undo. A table listed here that the
 * schema lacks is skipped, so a table can be listed before its migration lands.
 *
 * Adding a table in a migration? Put it here or in UNTRACKED_TABLES (a test fails until you
 * do). Track tables that hold what researchers make; do not track tables that triggers keep
 * in step with other tables (replay would apply such changes twice).
 */
export const TRACKED_TABLES = [
  'participants',
  'attributes',
  'participant_attributes',
  'sources',
  'units',
  'questions',
  'codes',
  'codings',
  'memos',
  'frameworks',
  'framework_elements',
  'code_element_links',
  'question_element_links',
  'questionnaire_families',
  'questionnaire_family_sources',
  'questionnaire_columns',
  'questionnaire_respondents',
] as const;

/** Ordinary tables deliberately left out of undo, with the reason. FTS shadow tables are never tracked. */
export const UNTRACKED_TABLES: Record<string, string> = {
  project_meta: 'project identity and settings, not research data',
  coders: 'who worked on the project; an undo must not forget a coder its history points to',
  audit_log: 'append-only: undo adds entries, never removes them',
  operations: 'the undo history itself',
  operation_changes: 'the undo history itself',
  coding_credit: 'derived from codings and units by the triggers of migration 0006',
};

export type TableShape = {
  name: string;
  columns: string[];
  /** Primary-key columns in key order; rows are found by these during replay. */
  key: string[];
};

type ColumnInfo = { name: string; pk: number };

/** Reads the columns and primary key of each tracked table that exists in this file. */
export function readShapes(db: Db): Map<string, TableShape> {
  const shapes = new Map<string, TableShape>();
  for (const name of TRACKED_TABLES) {
    const cols = db.raw.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as ColumnInfo[];
    if (cols.length === 0) continue;
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    // Replay finds rows by primary key; a table without one cannot be replayed safely.
    if (key.length === 0) throw new Error(`undo: table ${name} has no primary key`);
    shapes.set(name, { name, columns: cols.map((c) => c.name), key });
  }
  return shapes;
}

/** Quotes an identifier taken from the schema (never from input). */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A string literal for a column name taken from the schema. */
export const literal = (name: string): string => `'${name.replace(/'/g, "''")}'`;
