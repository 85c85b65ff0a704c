/**
 * The tables a team project keeps in step between replicas and the team server, and how
 * their rows refer to each other. Both sides work from this one description: the client
 * translates its local integer ids to global ids (gids) and back, the server checks pushed
 * changes, expands deletes into the rows they cascade to, and finds the rows a delete would
 * take with it. `test/unit/team-sync/schema.test.ts` compares it with the SQLite schema the
 * migrations build, so a migration that adds a table or a reference fails until it is here.
 *
 * Identity of a row in a change:
 * - a table with an integer `id` primary key: the row's gid (a string: `<replica>.<n>`, or
 *   `0.<id>` for a row the project already had when it was shared);
 * - coders: the coder's name (coders are matched by name, as in a merge of coded copies);
 * - any other table: its primary-key columns, each translated (a reference → the gid it points
 *   to), joined as a JSON array (`keyOf`).
 */

export type OnDelete = 'cascade' | 'set null' | 'restrict' | 'no action';

export type SyncRef = { column: string; table: string; onDelete: OnDelete };

export type SyncTable = {
  name: string;
  /** Primary-key columns in key order. */
  key: readonly string[];
  /** True when the key is one integer `id` column whose values are translated to gids. */
  idKey: boolean;
  /** Columns holding another row's id. */
  refs: readonly SyncRef[];
  /**
   * A column whose target table is named by another column's value (memos: target_kind +
   * target_id). The id is translated through the table the kind names; no cascade.
   */
  poly?: { column: string; kindColumn: string; tables: Readonly<Record<string, string>> };
  /** Who made the row, for the server's "a coder writes only as themselves" rule. */
  coderColumn?: string;
  /**
   * Names SQLite keeps unique within a group (case-insensitively): `column` among rows with the
   * same values in `within`. The server renames a later clash `Name (2)` (docs/team-server.md).
   */
  unique?: { column: string; within: readonly string[] };
};

/** Coders are not a synced table (matched by name); references to them are translated to the name. */
export const CODERS = 'coders';

const cascade = (column: string, table: string): SyncRef => ({ column, table, onDelete: 'cascade' });
const coder = (column: string): SyncRef => ({ column, table: CODERS, onDelete: 'no action' });

/** In parent-before-child order: applying inserts in this order never meets a missing parent. */
export const SYNC_TABLES: readonly SyncTable[] = [
  { name: 'participants', key: ['id'], idKey: true, refs: [], unique: { column: 'label', within: [] } },
  { name: 'attributes', key: ['id'], idKey: true, refs: [], unique: { column: 'name', within: [] } },
  { name: 'participant_attributes', key: ['participant_id', 'attribute_id'], idKey: false, refs: [cascade('participant_id', 'participants'), cascade('attribute_id', 'attributes')] },
  { name: 'sources', key: ['id'], idKey: true, refs: [] },
  { name: 'codes', key: ['id'], idKey: true, refs: [{ column: 'parent_id', table: 'codes', onDelete: 'restrict' }, coder('created_by')], unique: { column: 'name', within: ['parent_id'] } },
  { name: 'questions', key: ['id'], idKey: true, refs: [cascade('source_id', 'sources'), { column: 'section_code_id', table: 'codes', onDelete: 'set null' }] },
  {
    name: 'units',
    key: ['id'],
    idKey: true,
    refs: [cascade('source_id', 'sources'), { column: 'participant_id', table: 'participants', onDelete: 'set null' }, cascade('question_id', 'questions')],
  },
  { name: 'frameworks', key: ['id'], idKey: true, refs: [], unique: { column: 'name', within: [] } },
  { name: 'framework_elements', key: ['id'], idKey: true, refs: [cascade('framework_id', 'frameworks')], unique: { column: 'name', within: ['framework_id'] } },
  { name: 'code_element_links', key: ['code_id', 'element_id'], idKey: false, refs: [cascade('code_id', 'codes'), cascade('element_id', 'framework_elements')] },
  { name: 'question_element_links', key: ['question_id', 'element_id'], idKey: false, refs: [cascade('question_id', 'questions'), cascade('element_id', 'framework_elements')] },
  { name: 'codings', key: ['id'], idKey: true, refs: [cascade('source_id', 'sources'), cascade('code_id', 'codes'), coder('coder_id')], coderColumn: 'coder_id' },
  {
    name: 'memos',
    key: ['id'],
    idKey: true,
    refs: [coder('coder_id')],
    poly: { column: 'target_id', kindColumn: 'target_kind', tables: { source: 'sources', code: 'codes', participant: 'participants', coding: 'codings' } },
    coderColumn: 'coder_id',
  },
  { name: 'questionnaire_families', key: ['id'], idKey: true, refs: [] },
  { name: 'questionnaire_family_sources', key: ['source_id'], idKey: false, refs: [cascade('source_id', 'sources'), cascade('family_id', 'questionnaire_families')] },
  { name: 'questionnaire_columns', key: ['family_id', 'header'], idKey: false, refs: [cascade('family_id', 'questionnaire_families'), cascade('question_id', 'questions')] },
  { name: 'questionnaire_respondents', key: ['family_id', 'respondent'], idKey: false, refs: [cascade('family_id', 'questionnaire_families'), cascade('participant_id', 'participants')] },
  {
    name: 'exchange_guids',
    key: ['guid'],
    idKey: false,
    refs: [coder('coder_id'), cascade('code_id', 'codes'), cascade('source_id', 'sources'), cascade('participant_id', 'participants'), cascade('attribute_id', 'attributes'), cascade('memo_id', 'memos')],
  },
  {
    name: 'reconciliations',
    key: ['id'],
    idKey: true,
    refs: [cascade('source_id', 'sources'), cascade('code_id', 'codes'), coder('first_coder_id'), coder('second_coder_id'), coder('consensus_id'), coder('decided_by')],
    coderColumn: 'decided_by',
  },
];

export const SYNC_TABLE = new Map(SYNC_TABLES.map((t) => [t.name, t]));

/** The rows that refer to `table` with each reference, for cascading deletes. */
export const REFERRERS: ReadonlyMap<string, readonly { table: SyncTable; ref: SyncRef }[]> = (() => {
  const m = new Map<string, { table: SyncTable; ref: SyncRef }[]>();
  for (const t of SYNC_TABLES) for (const ref of t.refs) if (ref.table !== CODERS) m.set(ref.table, [...(m.get(ref.table) ?? []), { table: t, ref }]);
  return m;
})();

/** A translated key's string form: the gid itself for an id table, else the key values as a JSON array. */
export const keyOf = (table: SyncTable, row: Readonly<Record<string, unknown>>): string =>
  table.idKey ? String(row.id) : JSON.stringify(table.key.map((k) => row[k] ?? null));

/** Every synced table name in parent-before-child order, for sorting changes. */
export const TABLE_ORDER: ReadonlyMap<string, number> = new Map(SYNC_TABLES.map((t, i) => [t.name, i]));
