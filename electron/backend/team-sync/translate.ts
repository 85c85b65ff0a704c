import type { Change } from '../../../shared/domain/team-sync/protocol.ts';
import { CODERS, SYNC_TABLE, keyOf, type SyncTable } from '../../../shared/domain/team-sync/schema.ts';
import type { Db } from '../db/database.ts';
import type { SqlValue } from '../db/sql.ts';
import { ensureCoder, getCoder } from '../repositories/meta.ts';
import { freeId, gidOf, idOf, moveGid, nextGidNumber, setGid, type CapturedChange } from '../repositories/team-sync.ts';
import { readRow, type Row } from '../repositories/team-sync-rows.ts';
import { shapesOf } from '../undo/capture.ts';
import type { TableShape } from '../undo/tables.ts';

/**
 * Local rows ↔ rows on the wire (docs/team-server.md, "gid"). A row of an id-keyed table is
 * known on the wire by its gid (sync_ids); a reference to a coder by the coder's name; a memo's
 * target_id through the table its target_kind names. Any other value crosses as it is.
 */

/** A reference that cannot be translated here (the row it names is unknown to this replica). */
export class Unresolved extends Error {}

/**
 * How an inserted row of an id table gets its gid when the row's own command is captured:
 * 'new' — a command made it, so it is a new row (a freed local id SQLite gave again gets a new
 * gid; the old gid keeps a reserved id of its own); 'keep' — an undo, a redo or a sync put a
 * known row back, which keeps the gid it had (a new one only if it never had one).
 */
export type InsertMode = 'new' | 'keep';

export class Translator {
  private readonly names = new Map<number, string>();
  private readonly coderIds = new Map<string, number>();
  readonly shapes: Map<string, TableShape>;

  constructor(
    readonly db: Db,
    private readonly tag: string,
    private readonly now: () => string,
  ) {
    this.shapes = shapesOf(db);
  }

  /** A gid made here: `<tag>.<n>`. */
  private newGid(): string {
    return `${this.tag}.${nextGidNumber(this.db)}`;
  }

  /** The gid of a local row; one is made for a row that never had one. */
  gid(tbl: string, id: number): string {
    const known = gidOf(this.db, tbl, id);
    if (known !== undefined) return known;
    const gid = this.newGid();
    setGid(this.db, tbl, id, gid);
    return gid;
  }

  /** The gid of a row a command just inserted (see InsertMode). */
  insertedGid(tbl: string, id: number, mode: InsertMode): string {
    if (mode === 'keep') return this.gid(tbl, id);
    if (gidOf(this.db, tbl, id) !== undefined) moveGid(this.db, tbl, id, freeId(this.db, tbl));
    const gid = this.newGid();
    setGid(this.db, tbl, id, gid);
    return gid;
  }

  private coderName(id: number): string {
    let name = this.names.get(id);
    if (name === undefined) {
      name = getCoder(this.db, id)?.name ?? `coder ${id}`;
      this.names.set(id, name);
    }
    return name;
  }

  private coderId(name: string): number {
    let id = this.coderIds.get(name);
    if (id === undefined) {
      id = ensureCoder(this.db, name, this.now()).id;
      this.coderIds.set(name, id);
    }
    return id;
  }

  /** The table a column's values refer to: a synced table, CODERS, or undefined (a plain value). */
  private target(table: SyncTable, column: string, row: Row, context?: Row): string | undefined {
    if (table.idKey && column === 'id') return table.name;
    const ref = table.refs.find((r) => r.column === column);
    if (ref) return ref.table;
    if (table.poly?.column === column) {
      const kind = row[table.poly.kindColumn] ?? context?.[table.poly.kindColumn];
      return typeof kind === 'string' ? table.poly.tables[kind] : undefined;
    }
    return undefined;
  }

  /** A local row (or some of its columns) as it crosses the wire. `context`: the whole row, for a memo's kind. */
  out(table: SyncTable, row: Row, context?: Row): Record<string, string | number | null> {
    const wire: Record<string, string | number | null> = {};
    for (const [c, v] of Object.entries(row)) {
      const target = v === null ? undefined : this.target(table, c, row, context);
      if (target === undefined) wire[c] = typeof v === 'bigint' ? Number(v) : (v as string | number | null);
      else if (target === CODERS) wire[c] = this.coderName(Number(v));
      else wire[c] = this.gid(target, Number(v));
    }
    return wire;
  }

  /** A row from the wire in local ids. Throws Unresolved when it names a row this replica does not know. */
  in(table: SyncTable, wire: Readonly<Record<string, unknown>>, context?: Row): Row {
    const row: Row = {};
    const columns = this.shapes.get(table.name)?.columns;
    for (const [c, v] of Object.entries(wire)) {
      if (columns && !columns.includes(c)) continue;
      if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new Unresolved(`${table.name}.${c}`);
      const target = v === null || (table.idKey && c === 'id') ? undefined : this.target(table, c, wire as Row, context);
      if (target === undefined) row[c] = v;
      else if (target === CODERS) row[c] = this.coderId(String(v));
      else {
        const id = idOf(this.db, target, String(v));
        if (id === undefined) throw new Unresolved(`${table.name}.${c} → ${target} ${String(v)}`);
        row[c] = id;
      }
    }
    return row;
  }

  /** The local key columns of a wire key; for an id table the id (allocated when `allocate` and unknown). */
  localKey(table: SyncTable, key: string, allocate = false): Row {
    if (table.idKey) {
      let id = idOf(this.db, table.name, key);
      if (id === undefined) {
        if (!allocate) throw new Unresolved(`${table.name} ${key}`);
        id = freeId(this.db, table.name);
        setGid(this.db, table.name, id, key);
      }
      return { id };
    }
    const values = JSON.parse(key) as unknown;
    if (!Array.isArray(values) || values.length !== table.key.length) throw new Unresolved(`${table.name} key ${key}`);
    return this.in(table, Object.fromEntries(table.key.map((k, i) => [k, values[i] as unknown])));
  }

  /** A local row's wire key. */
  wireKey(table: SyncTable, row: Row): string {
    return keyOf(table, this.out(table, Object.fromEntries(table.key.map((k) => [k, row[k] ?? null]))));
  }
}

type Image = Record<string, SqlValue | { octets: number | null }>;

const isDeferred = (v: unknown): v is { octets: number | null } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'octets' in v;

/** The rows a captured record holds: one object, or an insert run `[[column…], [[value…]…]]` (undo/flush.ts). */
export function images(text: string | null): Image[] {
  const value: unknown = JSON.parse(text ?? 'null');
  if (value === null) return [];
  if (!Array.isArray(value)) return [value as Image];
  const [columns, rows] = value as [string[], unknown[][]];
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] as SqlValue])));
}

/** A record as a change in local terms; undo turns records around before they are translated. */
export type LocalChange = { tbl: string; kind: 'insert' | 'update' | 'delete'; before: Image[]; after: Image[] };

export const localChanges = (records: readonly CapturedChange[]): LocalChange[] =>
  records.map((r) => ({ tbl: r.tbl, kind: r.kind, before: images(r.before), after: images(r.after) }));

/** Undo's view of an operation: newest first, each record inverted. */
export const inverted = (changes: readonly LocalChange[]): LocalChange[] =>
  [...changes].reverse().map((c) =>
    c.kind === 'update'
      ? { ...c, before: c.after, after: c.before }
      : c.kind === 'insert'
        ? { tbl: c.tbl, kind: 'delete', before: [...c.after].reverse(), after: [] }
        : { tbl: c.tbl, kind: 'insert', before: [], after: [...c.before].reverse() },
  );

/** A deferred value (a source's text, kept by size only) read from the row itself. */
function filled(t: Translator, table: SyncTable, image: Image): Row {
  const deferred = Object.entries(image).filter(([, v]) => isDeferred(v));
  const row = Object.fromEntries(Object.entries(image).map(([k, v]) => [k, isDeferred(v) ? null : v])) as Row;
  if (deferred.length === 0) return row;
  const key = Object.fromEntries(table.key.map((k) => [k, row[k] ?? null]));
  const current = readRow(t.db, table.name, deferred.map(([c]) => c), key);
  for (const [c] of deferred) row[c] = current?.[c] ?? '';
  return row;
}

/** Local captured changes as wire changes, in order; rows of an insert run become one change each. */
export function toWire(t: Translator, changes: readonly LocalChange[], mode: InsertMode): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    const table = SYNC_TABLE.get(c.tbl);
    if (!table) continue;
    if (c.kind === 'insert') {
      for (const image of c.after) {
        const row = filled(t, table, image);
        if (table.idKey) t.insertedGid(table.name, Number(row['id']), mode);
        const wire = t.out(table, row);
        out.push({ t: table.name, k: 'insert', key: keyOf(table, wire), row: wire });
      }
    } else if (c.kind === 'delete') {
      for (const image of c.before) {
        const wire = t.out(table, image as Row);
        out.push({ t: table.name, k: 'delete', key: keyOf(table, wire), old: wire });
      }
    } else {
      const before = c.before[0] as Row;
      const after = c.after[0] as Row;
      const key = t.wireKey(table, before);
      // Key columns are always in both images; only those that changed belong to the change.
      const changed = (r: Row) => Object.fromEntries(Object.entries(r).filter(([k]) => !table.key.includes(k) || before[k] !== after[k]));
      const poly = table.poly;
      const kindKnown = !poly || poly.kindColumn in before || poly.kindColumn in after;
      const stored = kindKnown ? undefined : readRow(t.db, table.name, [poly!.kindColumn], Object.fromEntries(table.key.map((k) => [k, before[k] ?? null])));
      const context = { ...stored, ...before, ...after };
      out.push({ t: table.name, k: 'update', key, row: t.out(table, changed(after), context), old: t.out(table, changed(before), { ...stored, ...after, ...before }) });
    }
  }
  return out;
}
