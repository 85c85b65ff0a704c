import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';

export type AuditEntry = { at: string; coderId: number; action: string; entity: string; entityId: number | null; detail: unknown };

/** The audit log is append-only: entries are written here and never updated or rolled back by undo. */
export const insertAuditEntry = (db: Db, e: AuditEntry): void => {
  db.run(sql`INSERT INTO audit_log (at, coder_id, action, entity, entity_id, detail)
             VALUES (${e.at}, ${e.coderId}, ${e.action}, ${e.entity}, ${e.entityId}, ${JSON.stringify(e.detail)})`);
};
