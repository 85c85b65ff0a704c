import type pg from 'pg';
import { SYNC_TABLE } from '../../shared/domain/team-sync/schema.ts';
import { refsOf, refsTo, rowId, unameOf, type ReadState, type Referrer, type Row, type StoredRow } from './rules.ts';

type DbRow = { tbl: string; key: string; data: Row; seq: string; writer: string; deleted: boolean };
const stored = (r: DbRow): StoredRow => ({ tbl: r.tbl, key: r.key, data: r.data, seq: Number(r.seq), writer: r.writer, deleted: r.deleted });

/**
 * The materialised state of one project in PostgreSQL, read inside the push's transaction
 * (the project row is locked, so nothing else writes it meanwhile). Rows read are cached;
 * `prefetch` reads many in one statement. Writes are not made here: the push collects them in
 * an Overlay and `writeRows` stores them in a few batched statements.
 */
export class PgReader implements ReadState {
  private readonly cache = new Map<string, StoredRow | null>();

  constructor(
    private readonly client: pg.ClientBase,
    private readonly project: string,
  ) {}

  /** Reads the rows (tbl, key) not cached yet in one statement; missing ones are cached as missing. */
  async prefetch(ids: Iterable<readonly [string, string]>): Promise<void> {
    const tbls: string[] = [];
    const keys: string[] = [];
    for (const [t, k] of ids) {
      const id = rowId(t, k);
      if (this.cache.has(id)) continue;
      this.cache.set(id, null);
      tbls.push(t);
      keys.push(k);
    }
    for (let i = 0; i < tbls.length; i += 20_000) {
      const r = await this.client.query<DbRow>(
        `SELECT r.tbl, r.key, r.data, r.seq, r.writer, r.deleted FROM rows r
           JOIN unnest($2::text[], $3::text[]) AS w(tbl, key) ON r.tbl = w.tbl AND r.key = w.key
          WHERE r.project = $1`,
        [this.project, tbls.slice(i, i + 20_000), keys.slice(i, i + 20_000)],
      );
      for (const row of r.rows) this.cache.set(rowId(row.tbl, row.key), stored(row));
    }
  }

  /** True when the row (live or a tombstone) was in the database when read: its references may need replacing. */
  stored(tbl: string, key: string): boolean {
    return (this.cache.get(rowId(tbl, key)) ?? null) !== null;
  }

  async get(tbl: string, key: string): Promise<StoredRow | undefined> {
    const id = rowId(tbl, key);
    if (!this.cache.has(id)) await this.prefetch([[tbl, key]]);
    return this.cache.get(id) ?? undefined;
  }

  async referrers(tbl: string, key: string): Promise<Referrer[]> {
    const r = await this.client.query<DbRow>(
      `SELECT r.tbl, r.key, r.data, r.seq, r.writer, r.deleted FROM refs f
         JOIN rows r ON r.project = f.project AND r.tbl = f.child_tbl AND r.key = f.child_key
        WHERE f.project = $1 AND f.parent_tbl = $2 AND f.parent_key = $3 AND NOT r.deleted`,
      [this.project, tbl, key],
    );
    const out: Referrer[] = [];
    const seen = new Set<string>();
    for (const dbRow of r.rows) {
      const row = stored(dbRow);
      const id = rowId(row.tbl, row.key);
      if (seen.has(id)) continue;
      seen.add(id);
      this.cache.set(id, row);
      out.push(...refsTo(row, tbl, key));
    }
    return out;
  }

  async nameOwners(tbl: string, uname: string): Promise<string[]> {
    const r = await this.client.query<{ key: string }>('SELECT key FROM rows WHERE project = $1 AND tbl = $2 AND uname = $3 AND NOT deleted', [this.project, tbl, uname]);
    return r.rows.map((x) => x.key);
  }
}

const BATCH = 5_000;

/**
 * Stores rows (live or tombstones) and their references, replacing what was there: batched
 * statements. `stored` says which rows were in the database before (only theirs have references
 * to remove; a push is mostly new codings, which have none).
 */
export async function writeRows(client: pg.ClientBase, project: string, rows: readonly StoredRow[], stored: (row: StoredRow) => boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const col = <T>(f: (r: StoredRow) => T) => part.map(f);
    await client.query(
      `INSERT INTO rows (project, tbl, key, data, seq, writer, deleted, uname)
       SELECT $1, u.tbl, u.key, u.data::jsonb, u.seq, u.writer, u.deleted, u.uname
         FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::boolean[], $8::text[]) AS u(tbl, key, data, seq, writer, deleted, uname)
       ON CONFLICT (project, tbl, key) DO UPDATE
         SET data = excluded.data, seq = excluded.seq, writer = excluded.writer, deleted = excluded.deleted, uname = excluded.uname`,
      [
        project,
        col((r) => r.tbl),
        col((r) => r.key),
        col((r) => JSON.stringify(r.data)),
        col((r) => r.seq),
        col((r) => r.writer),
        col((r) => r.deleted),
        col((r) => (r.deleted ? null : unameOf(SYNC_TABLE.get(r.tbl)!, r.data))),
      ],
    );
    const old = part.filter(stored);
    if (old.length > 0) {
      await client.query('DELETE FROM refs WHERE project = $1 AND (child_tbl, child_key) IN (SELECT * FROM unnest($2::text[], $3::text[]))', [project, old.map((r) => r.tbl), old.map((r) => r.key)]);
    }
    const refs: [string, string, string, string, string][] = [];
    for (const r of part) if (!r.deleted) for (const ref of refsOf(SYNC_TABLE.get(r.tbl)!, r.data)) refs.push([r.tbl, r.key, ref.column, ref.parentTbl, ref.parentKey]);
    if (refs.length > 0) {
      await client.query(
        `INSERT INTO refs (project, child_tbl, child_key, col, parent_tbl, parent_key)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING`,
        [project, ...[0, 1, 2, 3, 4].map((j) => refs.map((x) => x[j]!))],
      );
    }
  }
}
