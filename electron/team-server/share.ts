import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODERS, SYNC_TABLES, keyOf } from '../../shared/domain/team-sync/schema.ts';
import type { Row, StoredRow } from './rules.ts';

/** A row the project had when it was shared: gid `0.<id>`. */
export const baseGid = (id: number | bigint): string => `0.${id}`;

export class NotAProjectError extends Error {}

/**
 * Every row of the synced tables of a shared .marginalia file, translated as the replicas
 * translate them (docs/team-server.md "Words"): integer ids and references to `0.<id>`, coders
 * by name, keys per schema.ts keyOf. The bytes are read from a temporary copy, opened read-only.
 */
export function readSharedRows(bytes: Buffer, writer: string): StoredRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-share-'));
  const file = join(dir, 'shared.marginalia');
  writeFileSync(file, bytes);
  let db: Database.Database | undefined;
  try {
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma('schema_version');
    } catch {
      throw new NotAProjectError('The body is not a Marginalia project file (SQLite).');
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    if (!tables.has('codes') || !tables.has('coders')) throw new NotAProjectError('The body is not a Marginalia project file: it has no codebook.');
    const coders = new Map(db.prepare<[], { id: number; name: string }>('SELECT id, name FROM coders').all().map((c) => [c.id, c.name]));
    const out: StoredRow[] = [];
    for (const table of SYNC_TABLES) {
      if (!tables.has(table.name)) continue;
      for (const raw of db.prepare(`SELECT * FROM "${table.name}"`).iterate() as Iterable<Record<string, unknown>>) {
        const data: Row = {};
        for (const [k, v] of Object.entries(raw)) data[k] = typeof v === 'bigint' ? Number(v) : v === undefined || Buffer.isBuffer(v) ? null : (v as string | number | null);
        if (table.idKey) data['id'] = baseGid(raw['id'] as number);
        for (const ref of table.refs) {
          const v = data[ref.column];
          if (v === null || v === undefined) continue;
          data[ref.column] = ref.table === CODERS ? (coders.get(v as number) ?? `coder ${v}`) : baseGid(v as number);
        }
        if (table.poly) {
          const kind = data[table.poly.kindColumn];
          const v = data[table.poly.column];
          if (typeof kind === 'string' && table.poly.tables[kind] && v !== null && v !== undefined) data[table.poly.column] = baseGid(v as number);
        }
        out.push({ tbl: table.name, key: keyOf(table, data), data, seq: 0, writer, deleted: false });
      }
    }
    return out;
  } finally {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
