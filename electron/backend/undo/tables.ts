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
  'exchange_guids',
  'reconciliations',
] as const;

/** Ordinary tables deliberately left out of undo, with the reason. FTS shadow tables are never tracked. */
export const UNTRACKED_TABLES: Record<string, string> = {
  project_meta: 'project identity and settings, not research data',
  coders: 'who worked on the project; an undo must not forget a coder its history points to',
  audit_log: 'append-only: undo adds entries, never removes them',
  operations: 'the undo history itself',
  operation_changes: 'the undo history itself',
  coding_credit: 'derived from codings and units by the triggers of migration 0006',
  search_index_deferred: 'a flag an import sets and clears inside its own transaction (migration 0009)',
  coding_credit_deferred: 'a flag a bulk insert of codings sets and clears inside its own transaction (migration 0015)',
  anonymize_settings: 'the anonymization review\'s lists and rules, saved as they change; not research data (migration 0013)',
  anonymize_decisions: 'anonymization review decisions, saved as they are made so a review resumes; undoing research steps must not undo them',
  anonymizations: 'the report a pseudonymized copy carries, written once when the copy is made',
  sync_state: 'a team replica\'s link to its server and its place in the log (migration 0016); an undo must not move it',
  sync_ids: 'the local id ↔ global id table of a team replica; ids stay reserved whatever an undo does',
  sync_outbox: 'a team replica\'s operations waiting for the server; undo and redo add operations to it, never remove them',
  sync_notices: 'what the team server decided, shown until dismissed; not research data',
};

/**
 * Columns too large to copy into the history each time a row is inserted: a 1,000-transcript
 * import would write every text a second time. An inserted row's history holds only the size
 * of such a value in bytes; undo reads the value back from the row before deleting it and
 * keeps it in the history for redo. Only columns written once and never rewritten in place
 * belong here: a source's canonical text is never changed, and its content_hash (captured in
 * full) vouches for it. Updates and deletes still capture these columns whole.
 */
export const DEFERRED_COLUMNS: Record<string, readonly string[]> = {
  sources: ['text'],
};

export type TableShape = {
  name: string;
  columns: string[];
  /** Primary-key columns in key order; rows are found by these during replay. */
  key: string[];
  /** DEFERRED_COLUMNS of this table: only their size is captured on insert. */
  deferred: string[];
  /** False for WITHOUT ROWID tables, whose inserts are captured row by row. */
  rowid: boolean;
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
    const columns = cols.map((c) => c.name);
    const deferred = (DEFERRED_COLUMNS[name] ?? []).filter((c) => columns.includes(c) && !key.includes(c));
    const list = db.raw.prepare(`SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?`).get(name) as { wr: number } | undefined;
    shapes.set(name, { name, columns, key, deferred, rowid: list?.wr !== 1 });
  }
  return shapes;
}

/** Quotes an identifier taken from the schema (never from input). */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A string literal for a column name taken from the schema. */
export const literal = (name: string): string => `'${name.replace(/'/g, "''")}'`;
