import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { AuditEntry as StoredAuditEntry } from '../../../shared/domain/types.ts';

export type AuditEntry = { at: string; coderId: number; action: string; entity: string; entityId: number | null; detail: unknown };

/** An entry as stored, hashes included. */
export type AuditRow = StoredAuditEntry & { prevHash: string | null; hash: string | null };

/** The hash the first entry chains onto. */
export const CHAIN_START = '0'.repeat(64);

/**
 * An entry's hash: SHA-256 over the hash of the entry before it and every field of this one,
 * its id included, so an entry edited, removed or moved no longer fits the chain.
 */
export const chainHash = (prevHash: string, e: Pick<AuditRow, 'id' | 'at' | 'coderId' | 'action' | 'entity' | 'entityId' | 'detail'>): string =>
  createHash('sha256')
    .update(prevHash)
    .update(JSON.stringify([e.id, e.at, e.coderId, e.action, e.entity, e.entityId, e.detail]))
    .digest('hex');

const ROW = sql`SELECT id, at, coder_id AS coderId, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash FROM audit_log`;

/** Every entry in order (verify, the audit viewer's export). */
export const allAuditRows = (db: Db): AuditRow[] => db.all<AuditRow>(sql`${ROW} ORDER BY id`);

/**
 * The id and hash of the newest entry. Entries written before the chain existed (migration
 * 0013) have no stored hash; theirs is computed once, when the first new entry chains onto them.
 */
export function chainHead(db: Db): { id: number; hash: string } {
  const last = db.get<AuditRow>(sql`${ROW} ORDER BY id DESC LIMIT 1`);
  if (!last) return { id: 0, hash: CHAIN_START };
  if (last.hash !== null) return { id: last.id, hash: last.hash };
  let hash = CHAIN_START;
  for (const row of allAuditRows(db)) hash = row.hash ?? chainHash(hash, row);
  return { id: last.id, hash };
}

/** The audit log is append-only: entries are written here and never updated or rolled back by undo. */
export const insertAuditEntry = (db: Db, e: AuditEntry): void => {
  const head = chainHead(db);
  const row = { id: head.id + 1, at: e.at, coderId: e.coderId, action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.stringify(e.detail) };
  db.run(sql`INSERT INTO audit_log (id, at, coder_id, action, entity, entity_id, detail, prev_hash, hash)
             VALUES (${row.id}, ${row.at}, ${row.coderId}, ${row.action}, ${row.entity}, ${row.entityId}, ${row.detail}, ${head.hash}, ${chainHash(head.hash, row)})`);
};

export type AuditFilter = { action?: string | undefined; entity?: string | undefined; coder?: string | undefined; from?: string | undefined; to?: string | undefined; search?: string | undefined };

/** Entries a filter selects, with their coder's name: newest first for the viewer, oldest first for export. */
export function filterAuditEntries(db: Db, f: AuditFilter, page: { offset: number; limit: number; newestFirst: boolean }): { total: number; rows: (AuditRow & { coder: string | null })[] } {
  const like = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`WHERE (${f.action ?? null} IS NULL OR a.action = ${f.action ?? null})
      AND (${f.entity ?? null} IS NULL OR a.entity = ${f.entity ?? null})
      AND (${f.coder ?? null} IS NULL OR c.name = ${f.coder ?? null})
      AND (${f.from ?? null} IS NULL OR a.at >= ${f.from ?? null})
      AND (${f.to ?? null} IS NULL OR substr(a.at, 1, 10) <= ${f.to ?? null})
      AND (${like} IS NULL OR a.detail LIKE ${like} ESCAPE '\\' OR a.action LIKE ${like} ESCAPE '\\' OR a.entity LIKE ${like} ESCAPE '\\')`;
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log a LEFT JOIN coders c ON c.id = a.coder_id ${where}`)!.n;
  const order = page.newestFirst ? sql`ORDER BY a.id DESC` : sql`ORDER BY a.id`;
  const rows = db.all<AuditRow & { coder: string | null }>(sql`SELECT a.id, a.at, a.coder_id AS coderId, c.name AS coder, a.action, a.entity, a.entity_id AS entityId,
      a.detail, a.prev_hash AS prevHash, a.hash FROM audit_log a LEFT JOIN coders c ON c.id = a.coder_id ${where} ${order} LIMIT ${page.limit} OFFSET ${page.offset}`);
  return { total, rows };
}

/** The actions, entities and coders the log holds, for the viewer's filters. */
export const auditFacets = (db: Db): { actions: string[]; entities: string[]; coders: string[] } => ({
  actions: db.all<{ v: string }>(sql`SELECT DISTINCT action AS v FROM audit_log ORDER BY v`).map((r) => r.v),
  entities: db.all<{ v: string }>(sql`SELECT DISTINCT entity AS v FROM audit_log ORDER BY v`).map((r) => r.v),
  coders: db.all<{ v: string }>(sql`SELECT DISTINCT c.name AS v FROM audit_log a JOIN coders c ON c.id = a.coder_id ORDER BY v`).map((r) => r.v),
});
