import type { ProgressEvent } from '../../shared/api/contract.ts';
import type { Db } from './db/database.ts';
import { insertAuditEntry } from './repositories/audit.ts';

export type Clock = () => Date;

/** What every handler gets: the open project's store, who is coding, and the clock. */
export type Ctx = {
  db: Db;
  coderId: number;
  now: () => string;
  audit: (action: string, entity: string, entityId: number | null, detail?: unknown) => void;
  /** Progress of a long job, to the one event channel (set by the Host; absent in bare contexts). */
  progress?: (event: ProgressEvent) => void;
  /**
   * For jobs (set by the dispatcher): runs `work` while every other request waits, so a job
   * may keep one transaction open across turns of the event loop without another command
   * running inside it, or a query seeing its uncommitted rows. import.cancel still gets through.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
};

export function makeCtx(db: Db, coderId: number, clock: Clock): Ctx {
  const now = () => clock().toISOString();
  return {
    db,
    coderId,
    now,
    audit: (action, entity, entityId, detail = {}) => insertAuditEntry(db, { at: now(), coderId, action, entity, entityId, detail }),
  };
}
