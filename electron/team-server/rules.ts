import type { Change, Notice, Op, Role } from '../../shared/domain/team-sync/protocol.ts';
import { CODERS, SYNC_TABLE, keyOf, type OnDelete, type SyncTable } from '../../shared/domain/team-sync/schema.ts';

/**
 * What the team server does with a pushed op (docs/team-server.md, "What the server does with a
 * pushed op"), over an abstract state so the rules run the same in memory (unit tests) and on
 * PostgreSQL (pg-state.ts). Deterministic: the same ops in the same order give the same
 * changes, notices and state.
 */

export type Value = string | number | null;
export type Row = Record<string, Value>;

/** A row of the materialised state: live, or a tombstone keeping its last image. */
export type StoredRow = { tbl: string; key: string; data: Row; seq: number; writer: string; deleted: boolean };

/** One reference a row holds to another synced row (coders excluded: they are names). */
export type RowRef = { column: string; parentTbl: string; parentKey: string; onDelete: OnDelete };

/** A live row that refers to another, and through which column. */
export type Referrer = { row: StoredRow; ref: RowRef };

/** What the rules read. Implementations: MemoryState (memory-state.ts), PgReader (pg-state.ts). */
export interface ReadState {
  /** The row, live or tombstone; undefined when the project never had it. */
  get(tbl: string, key: string): Promise<StoredRow | undefined>;
  /** Live rows referring to (tbl, key). */
  referrers(tbl: string, key: string): Promise<Referrer[]>;
  /** Keys of live rows of `tbl` whose unique-name group and folded name is `uname` (unameOf). */
  nameOwners(tbl: string, uname: string): Promise<string[]>;
}

export const rowId = (tbl: string, key: string): string => `${tbl}\u0000${key}`;

/** SQLite's NOCASE: ASCII letters only. */
export const foldName = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The row's unique-name group and folded name, or null for a table without unique names. */
export function unameOf(table: SyncTable, data: Row): string | null {
  if (!table.unique) return null;
  const name = data[table.unique.column];
  if (typeof name !== 'string') return null;
  return JSON.stringify([...table.unique.within.map((c) => data[c] ?? null), foldName(name)]);
}

/** Memos on codes and codings go with them (the app deletes them); on sources and participants they stay, as in SQLite. */
const POLY_CASCADE = new Set(['code', 'coding']);

/** The references a row holds, per the schema (the memo's target by its kind). */
export function refsOf(table: SyncTable, data: Row): RowRef[] {
  const out: RowRef[] = [];
  for (const r of table.refs) {
    if (r.table === CODERS) continue;
    const v = data[r.column];
    if (v !== null && v !== undefined) out.push({ column: r.column, parentTbl: r.table, parentKey: String(v), onDelete: r.onDelete });
  }
  if (table.poly) {
    const kind = data[table.poly.kindColumn];
    const target = typeof kind === 'string' ? table.poly.tables[kind] : undefined;
    const v = data[table.poly.column];
    if (target && v !== null && v !== undefined) out.push({ column: table.poly.column, parentTbl: target, parentKey: String(v), onDelete: POLY_CASCADE.has(kind as string) ? 'cascade' : 'no action' });
  }
  return out;
}

/** The references `row` holds to the row (tbl, key), as referrers of it. */
export function refsTo(row: StoredRow, tbl: string, key: string): Referrer[] {
  return refsOf(SYNC_TABLE.get(row.tbl)!, row.data)
    .filter((ref) => ref.parentTbl === tbl && ref.parentKey === key)
    .map((ref) => ({ row, ref }));
}

/**
 * Writes over a ReadState, kept apart from it: an op is applied in an overlay whose rows are
 * kept only when it is accepted, so a refused op leaves nothing behind. Reads see the writes.
 */
export class Overlay implements ReadState {
  private readonly pending = new Map<string, StoredRow>();
  /** parent id → ids of pending live rows referring to it */
  private readonly childrenOf = new Map<string, Set<string>>();
  /** tbl + uname → ids of pending live rows with that name */
  private readonly named = new Map<string, Set<string>>();

  constructor(private readonly base: ReadState) {}

  async get(tbl: string, key: string): Promise<StoredRow | undefined> {
    return this.pending.get(rowId(tbl, key)) ?? (await this.base.get(tbl, key));
  }

  async referrers(tbl: string, key: string): Promise<Referrer[]> {
    const out = (await this.base.referrers(tbl, key)).filter((r) => !this.pending.has(rowId(r.row.tbl, r.row.key)));
    for (const id of this.childrenOf.get(rowId(tbl, key)) ?? []) {
      out.push(...refsTo(this.pending.get(id)!, tbl, key));
    }
    return out;
  }

  async nameOwners(tbl: string, uname: string): Promise<string[]> {
    const out = (await this.base.nameOwners(tbl, uname)).filter((k) => !this.pending.has(rowId(tbl, k)));
    for (const id of this.named.get(rowId(tbl, uname)) ?? []) out.push(this.pending.get(id)!.key);
    return out;
  }

  put(row: StoredRow): void {
    const id = rowId(row.tbl, row.key);
    const before = this.pending.get(id);
    if (before) this.unindex(id, before);
    this.pending.set(id, row);
    if (row.deleted) return;
    const table = SYNC_TABLE.get(row.tbl)!;
    for (const ref of refsOf(table, row.data)) {
      const p = rowId(ref.parentTbl, ref.parentKey);
      if (!this.childrenOf.has(p)) this.childrenOf.set(p, new Set());
      this.childrenOf.get(p)!.add(id);
    }
    const uname = unameOf(table, row.data);
    if (uname !== null) {
      const n = rowId(row.tbl, uname);
      if (!this.named.has(n)) this.named.set(n, new Set());
      this.named.get(n)!.add(id);
    }
  }

  private unindex(id: string, row: StoredRow): void {
    if (row.deleted) return;
    const table = SYNC_TABLE.get(row.tbl)!;
    for (const ref of refsOf(table, row.data)) this.childrenOf.get(rowId(ref.parentTbl, ref.parentKey))?.delete(id);
    const uname = unameOf(table, row.data);
    if (uname !== null) this.named.get(rowId(row.tbl, uname))?.delete(id);
  }

  /** The written rows, in the order they were first written. */
  rows(): IterableIterator<StoredRow> {
    return this.pending.values();
  }

  get size(): number {
    return this.pending.size;
  }
}

export type OpContext = {
  user: string;
  role: Role;
  /** The last seq the pushing replica had applied (PushRequest.base). */
  base: number;
  /** The seq this op gets if accepted. */
  seq: number;
};

export type OpOutcome = { ok: true; changes: Change[]; notices: Notice[] } | { ok: false; refused: string };

class Refusal extends Error {}

const NOUNS: Record<string, string> = {
  participants: 'participant',
  attributes: 'attribute',
  sources: 'source',
  codes: 'code',
  questions: 'question',
  units: 'unit',
  frameworks: 'framework',
  framework_elements: 'framework element',
  codings: 'coding',
  memos: 'memo',
  questionnaire_families: 'questionnaire family',
  reconciliations: 'reconciliation',
};
const noun = (tbl: string): string => NOUNS[tbl] ?? tbl.replace(/_/g, ' ').replace(/s$/, '');
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** How a person recognises a row: its name, label or title in quotes, else nothing. */
function named(row: { tbl: string; data: Row }): string {
  const n = row.data['name'] ?? row.data['label'] ?? row.data['title'];
  return typeof n === 'string' && n !== '' ? `${noun(row.tbl)} ‘${n}’` : noun(row.tbl);
}

/** "coded 3 passages with it", "wrote 1 memo on it", "added 2 codes under it" … */
function usedHow(tbl: string, count: number): string {
  const s = count === 1 ? '' : 's';
  if (tbl === 'codings') return `coded ${count} passage${s} with it`;
  if (tbl === 'memos') return `wrote ${count} memo${s} on it`;
  if (tbl === 'codes') return `added ${count} code${s} under it`;
  return `added ${count} ${noun(tbl)}${s} that use${count === 1 ? 's' : ''} it`;
}

const sameName = (a: unknown, b: string): boolean => typeof a === 'string' && foldName(a) === foldName(b);

/** Checks the op's shape against the schema and the pusher's role, before any rule runs. */
function permission(op: Op, ctx: OpContext): string | null {
  if (ctx.role === 'reviewer') return `${ctx.user} is a reviewer: reviewers read the project and change nothing (“${op.label || op.method}” was not applied).`;
  for (const c of op.changes) {
    const table = SYNC_TABLE.get(c.t);
    if (!table) return `Malformed op: no synced table “${c.t}”.`;
    if ((c.k === 'insert' || c.k === 'update') && !c.row) return `Malformed op: a ${c.k} of ${c.t} without its row.`;
    if (c.k === 'delete' && !c.old) return `Malformed op: a delete of ${c.t} without its old row.`;
    if (ctx.role !== 'coder') continue;
    if (table.coderColumn) {
      const col = table.coderColumn;
      for (const image of [c.row, c.old]) if (image && col in image && !sameName(image[col], ctx.user)) return `${ctx.user} is a coder and cannot write as ${String(image[col])}: coders change only their own ${noun(c.t)}s.`;
    } else if (c.t === 'codes' && c.k === 'insert') {
      const by = c.row?.['created_by'];
      if (by !== null && by !== undefined && !sameName(by, ctx.user)) return `${ctx.user} is a coder and cannot add a code as ${String(by)}.`;
    } else {
      return `${ctx.user} is a coder: coders add codings, memos and new codes, and change only their own; “${op.label || op.method}” changes ${c.t} (an owner’s work).`;
    }
  }
  return null;
}

/** Applies one op to `state` (through an overlay returned for commit) under the rules. */
export async function applyOp(state: ReadState, op: Op, ctx: OpContext): Promise<{ outcome: OpOutcome; writes: Overlay }> {
  const view = new Overlay(state);
  const denied = permission(op, ctx);
  if (denied) return { outcome: { ok: false, refused: denied }, writes: view };
  const out: Change[] = [];
  const notices: Notice[] = [];
  const deleting = new Set(op.changes.filter((c) => c.k === 'delete').map((c) => rowId(c.t, c.key)));
  const write = (tbl: string, key: string, data: Row, deleted: boolean) => view.put({ tbl, key, data, deleted, seq: ctx.seq, writer: ctx.user });
  const malformed = (why: string): never => {
    throw new Refusal(`Malformed op: ${why}.`);
  };
  const ownedByOther = (table: SyncTable, row: StoredRow): boolean => ctx.role === 'coder' && (!table.coderColumn || !sameName(row.data[table.coderColumn], ctx.user));

  /** A unique name taken by a sibling: the later one becomes `Name (2)`, `Name (3)` … */
  const uniqueName = async (table: SyncTable, key: string, data: Row): Promise<Row> => {
    const uname = unameOf(table, data);
    if (uname === null || !table.unique) return data;
    const taken = async (d: Row) => (await view.nameOwners(table.name, unameOf(table, d)!)).some((k) => k !== key);
    if (!(await taken(data))) return data;
    const name = data[table.unique.column] as string;
    for (let n = 2; ; n++) {
      const next = { ...data, [table.unique.column]: `${name} (${n})` };
      if (!(await taken(next))) {
        notices.push({ kind: 'renamed', message: `${capital(noun(table.name))} ‘${name}’ from ${ctx.user} was renamed ‘${name} (${n})’: another already had that name.` });
        return next;
      }
    }
  };

  /** Every reference of `data` (or only `columns`) must name a row the server has; deleted ones are brought back. */
  const ensureRefs = async (table: SyncTable, key: string, data: Row, usedBy: string, columns?: ReadonlySet<string>): Promise<void> => {
    for (const ref of refsOf(table, data)) {
      if (columns && !columns.has(ref.column)) continue;
      const parent = await view.get(ref.parentTbl, ref.parentKey);
      if (!parent) malformed(`${table.name} ${key} refers to ${ref.parentTbl} ${ref.parentKey}, which this project never had`);
      else if (parent.deleted) await bringBack(parent, usedBy);
    }
  };

  /** Use wins over delete: the tombstone (and what it needs in turn) comes back from its last image. */
  const bringBack = async (row: StoredRow, usedBy: string): Promise<void> => {
    const table = SYNC_TABLE.get(row.tbl)!;
    if (ctx.role === 'coder' && row.tbl !== 'codes' && !table.coderColumn) malformed(`${usedBy} needs ${named(row)}, which was deleted, and a coder cannot restore it`);
    await ensureRefs(table, row.key, row.data, usedBy);
    const data = await uniqueName(table, row.key, row.data);
    write(row.tbl, row.key, data, false);
    out.push({ t: row.tbl, k: 'insert', key: row.key, row: data });
    notices.push({ kind: 'kept-for-use', message: `${capital(named(row))}, deleted by ${row.writer}, was kept: ${ctx.user} ${usedBy} at the same time.` });
  };

  const useVerb = (tbl: string): string => (tbl === 'codings' ? 'coded with it' : tbl === 'memos' ? 'wrote a memo on it' : `used it (${noun(tbl)})`);

  const insert = async (table: SyncTable, c: Change): Promise<void> => {
    const row = c.row!;
    if (keyOf(table, row) !== c.key) malformed(`the key ${c.key} of a ${table.name} insert does not match its row`);
    await ensureRefs(table, c.key, row, useVerb(table.name));
    const existing = await view.get(table.name, c.key);
    if (existing && !existing.deleted) {
      if (ctx.role === 'coder' && ownedByOther(table, existing)) throw new Refusal(`${ctx.user} is a coder and cannot change ${named(existing)}, which is not theirs.`);
      await update(table, c.key, existing, row);
      return;
    }
    const data = await uniqueName(table, c.key, row);
    write(table.name, c.key, data, false);
    out.push({ t: table.name, k: 'insert', key: c.key, row: data });
  };

  /** Sets the columns of `changes` that differ; the change as applied names old and new values. */
  const update = async (table: SyncTable, key: string, existing: StoredRow, changes: Row): Promise<void> => {
    const changedRefs = new Set(Object.keys(changes).filter((k) => changes[k] !== existing.data[k]));
    await ensureRefs(table, key, { ...existing.data, ...changes }, useVerb(table.name), changedRefs);
    const now = await view.get(table.name, key);
    const merged = await uniqueName(table, key, { ...now!.data, ...changes });
    const row: Row = {};
    const old: Row = {};
    for (const [k, v] of Object.entries(merged)) {
      if (v === now!.data[k]) continue;
      row[k] = v;
      old[k] = now!.data[k] ?? null;
    }
    if (Object.keys(row).length === 0) return;
    write(table.name, key, merged, false);
    out.push({ t: table.name, k: 'update', key, row, old });
  };

  const remove = async (table: SyncTable, c: Change): Promise<void> => {
    const target = await view.get(table.name, c.key);
    if (!target || target.deleted) return; // gone already: nothing to do
    if (ownedByOther(table, target)) throw new Refusal(`${ctx.user} is a coder and cannot change ${named(target)}, which is not theirs.`);
    const closure: StoredRow[] = [];
    const inClosure = new Set<string>();
    const nulls: { row: StoredRow; column: string }[] = [];
    const conflicts = new Map<string, { writer: string; tbl: string; count: number; of: StoredRow }>();
    const visit = async (row: StoredRow): Promise<void> => {
      inClosure.add(rowId(row.tbl, row.key));
      for (const { row: child, ref } of await view.referrers(row.tbl, row.key)) {
        const id = rowId(child.tbl, child.key);
        if (inClosure.has(id)) continue;
        const alsoDeleted = deleting.has(id);
        if (ref.onDelete === 'restrict' && !alsoDeleted) {
          throw new Refusal(`Deleting ${named(row)} was not done: ${named(child)} is under it${child.writer !== ctx.user ? ` (${child.writer})` : ''}. Move or delete it first.`);
        }
        if (ref.onDelete === 'restrict' || ref.onDelete === 'cascade') {
          if (!alsoDeleted && child.seq > ctx.base && !sameName(child.writer, ctx.user)) {
            const k = `${child.writer}\u0000${child.tbl}\u0000${rowId(row.tbl, row.key)}`;
            const seen = conflicts.get(k) ?? { writer: child.writer, tbl: child.tbl, count: 0, of: row };
            seen.count++;
            conflicts.set(k, seen);
            continue;
          }
          await visit(child);
        } else if (ref.onDelete === 'set null' && !alsoDeleted) {
          nulls.push({ row: child, column: ref.column });
        }
      }
      closure.push(row);
    };
    await visit(target);
    if (conflicts.size > 0) {
      const what = [...conflicts.values()].map((x) => `${x.writer} ${usedHow(x.tbl, x.count)}${x.of === target ? '' : ` (${named(x.of)})`}`);
      throw new Refusal(`Deleting ${named(target)} was not done: ${what.join('; ')} meanwhile. Delete it again to remove them too.`);
    }
    for (const row of [...closure, ...nulls.map((n) => n.row)]) {
      const t = SYNC_TABLE.get(row.tbl)!;
      if (ownedByOther(t, row)) throw new Refusal(`${ctx.user} is a coder: deleting ${named(target)} would change ${named(row)}, which is not theirs.`);
    }
    for (const n of nulls) {
      if (inClosure.has(rowId(n.row.tbl, n.row.key))) continue;
      const now = (await view.get(n.row.tbl, n.row.key))!;
      write(n.row.tbl, n.row.key, { ...now.data, [n.column]: null }, false);
      out.push({ t: n.row.tbl, k: 'update', key: n.row.key, row: { [n.column]: null }, old: { [n.column]: now.data[n.column] ?? null } });
    }
    for (const row of closure) {
      write(row.tbl, row.key, row.data, true);
      out.push({ t: row.tbl, k: 'delete', key: row.key, old: row.data });
    }
  };

  try {
    for (const c of op.changes) {
      const table = SYNC_TABLE.get(c.t)!;
      if (c.k === 'insert') await insert(table, c);
      else if (c.k === 'delete') await remove(table, c);
      else {
        const existing = await view.get(table.name, c.key);
        if (!existing) malformed(`an update of ${table.name} ${c.key}, which this project never had`);
        else if (existing.deleted) notices.push({ kind: 'change-lost', message: `${capital(named(existing))} was deleted by ${existing.writer}: ${ctx.user}’s change to it was lost.` });
        else {
          if (ownedByOther(table, existing)) throw new Refusal(`${ctx.user} is a coder and cannot change ${named(existing)}, which is not theirs.`);
          await update(table, c.key, existing, c.row!);
        }
      }
    }
  } catch (err) {
    if (err instanceof Refusal) return { outcome: { ok: false, refused: err.message }, writes: new Overlay(state) };
    throw err;
  }
  return { outcome: { ok: true, changes: out, notices }, writes: view };
}
