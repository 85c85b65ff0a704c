import type { Change } from '../../../shared/domain/team-sync/protocol.ts';
import { CODERS, REFERRERS, SYNC_TABLE, keyOf, type SyncTable } from '../../../shared/domain/team-sync/schema.ts';
import { gidOf } from '../repositories/team-sync.ts';
import { deleteRow, insertRow, readRow, referringIds, referringKeys, rowExists, updateRow, type Row } from '../repositories/team-sync-rows.ts';
import { Unresolved, type Translator } from './translate.ts';

/**
 * Applying wire changes to the local file (docs/team-server.md, "What a replica does").
 *
 * - `lenient` (others' entries from the log, and this replica's pending operations applied
 *   again on top of them): an insert whose key exists updates the columns that differ; an
 *   update or delete of a missing row does nothing; a change naming a row this replica does not
 *   have, or breaking a rule of the store (a name taken), is skipped — the server's decision
 *   comes back with the log.
 * - `exact` (rewinding pending operations): the inverse of what was applied, in reverse
 *   order; references are not checked row by row (rows come back children first), foreign keys
 *   are checked at commit.
 */
export type Mode = 'lenient' | 'exact';

/** What undoes a change. */
export const inverse = (c: Change): Change =>
  c.k === 'insert'
    ? { t: c.t, k: 'delete', key: c.key, old: c.row ?? {} }
    : c.k === 'delete'
      ? { t: c.t, k: 'insert', key: c.key, row: c.old ?? {} }
      : { t: c.t, k: 'update', key: c.key, row: c.old ?? {}, old: c.row ?? {} };

const isConstraint = (err: unknown): boolean => typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_CONSTRAINT');

/** True when every row the local row refers to is here (a row this replica deleted is not). */
function referencesHere(t: Translator, table: SyncTable, row: Row, context: Row): boolean {
  for (const ref of table.refs) {
    const v = row[ref.column];
    if (ref.table === CODERS || v === null || v === undefined) continue;
    if (!rowExists(t.db, ref.table, { id: v })) return false;
  }
  if (table.poly && row[table.poly.column] !== undefined && row[table.poly.column] !== null) {
    const kind = row[table.poly.kindColumn] ?? context[table.poly.kindColumn];
    const target = typeof kind === 'string' ? table.poly.tables[kind] : undefined;
    if (target && !rowExists(t.db, target, { id: row[table.poly.column]! })) return false;
  }
  return true;
}

/** Applies one change; false when it was skipped (nothing written). */
export function applyChange(t: Translator, c: Change, mode: Mode): boolean {
  const table = SYNC_TABLE.get(c.t);
  const shape = table && t.shapes.get(table.name);
  if (!table || !shape) return false;
  try {
    if (c.k === 'delete') {
      let key: Row;
      try {
        key = t.localKey(table, c.key);
      } catch (err) {
        if (err instanceof Unresolved) return false;
        throw err;
      }
      return deleteRow(t.db, table.name, key) > 0;
    }
    if (c.k === 'insert') {
      const wire = { ...(c.row ?? {}) };
      if (table.idKey) delete wire['id'];
      const row = t.in(table, wire);
      if (mode === 'lenient' && !referencesHere(t, table, row, row)) return false;
      const key = t.localKey(table, c.key, true);
      const whole = { ...row, ...key };
      const existing = readRow(t.db, table.name, shape.columns, key);
      if (!existing) {
        insertRow(t.db, table.name, whole);
        return true;
      }
      const differing = Object.fromEntries(Object.entries(whole).filter(([k, v]) => !table.key.includes(k) && existing[k] !== v));
      updateRow(t.db, table.name, key, differing);
      return true;
    }
    const key = t.localKey(table, c.key);
    const current = table.poly ? readRow(t.db, table.name, [table.poly.kindColumn], key) : {};
    if (current === undefined) return false;
    const values = t.in(table, c.row ?? {}, current);
    if (mode === 'lenient' && !referencesHere(t, table, values, current)) return false;
    return updateRow(t.db, table.name, key, values) > 0;
  } catch (err) {
    // A reference this replica does not know, or a rule of the store (a name taken, a code
    // still used): skipped here; the server decides and the log brings its decision.
    if (err instanceof Unresolved || isConstraint(err)) return false;
    throw err;
  }
}

/**
 * True when applying the operation's deletes here would take rows with them that the operation
 * does not delete itself (rows others added meanwhile): the server refuses such an operation
 * whole, so it is not applied again here either (its refusal comes back with the next sync).
 */
export function deletesReachOthers(t: Translator, changes: readonly Change[]): boolean {
  const deleted = new Map<string, Set<string>>();
  for (const c of changes) if (c.k === 'delete') deleted.set(c.t, (deleted.get(c.t) ?? new Set()).add(c.key));
  for (const c of changes) {
    const table = SYNC_TABLE.get(c.t);
    if (c.k !== 'delete' || !table?.idKey) continue;
    let id: number;
    try {
      id = Number(t.localKey(table, c.key)['id']);
    } catch {
      continue;
    }
    for (const { table: by, ref } of REFERRERS.get(table.name) ?? []) {
      if (ref.onDelete === 'set null' || !t.shapes.has(by.name)) continue;
      const mine = deleted.get(by.name);
      if (by.idKey) {
        for (const rid of referringIds(t.db, by.name, ref.column, id)) if (!mine?.has(gidOf(t.db, by.name, rid) ?? '')) return true;
      } else {
        for (const k of referringKeys(t.db, by.name, by.key, ref.column, id)) if (!mine?.has(keyOf(by, t.out(by, k)))) return true;
      }
    }
  }
  return false;
}
