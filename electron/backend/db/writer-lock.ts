import BetterSqlite3 from 'better-sqlite3';
import type { Database as BetterDb } from 'better-sqlite3';
import { nativeBinding } from './database.ts';

/**
 * One writer per project. The lock is a tiny SQLite file whose write lock the writer holds
 * for as long as the project is open: an open IMMEDIATE transaction keeps SQLite's RESERVED
 * lock, which the operating system drops when the process ends in any way, a crash or a kill
 * included. So a lock is never "stale" in the sense of blocking anyone: a dead writer's lock
 * is simply free. What does survive a crash is the owner row the writer wrote, which tells
 * the next writer that the previous one did not close cleanly, and who it was.
 *
 * Another process (or another connection in this process: SQLite keeps locks per connection)
 * can still read the owner row while the lock is held, to say who is writing.
 */

export type LockOwner = { pid: number; host: string; since: string; app: string };

export type LockResult =
  | { held: true; lock: WriterLock; /** The owner row a writer that did not close cleanly left behind. */ previous: LockOwner | null }
  | { held: false; /** Who holds it, when that could be read. */ owner: LockOwner | null; reason: string };

const isBusy = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

function readOwner(db: BetterDb): LockOwner | null {
  try {
    const row = db.prepare('SELECT pid, host, since, app FROM owner LIMIT 1').get() as LockOwner | undefined;
    return row ?? null;
  } catch {
    return null; // no owner table yet, or the file is being written this instant
  }
}

export class WriterLock {
  private db: BetterDb | null;

  private constructor(db: BetterDb) {
    this.db = db;
  }

  /** Tries once, without waiting: either this process is now the writer, or someone else is. */
  static acquire(path: string, owner: LockOwner): LockResult {
    const binding = nativeBinding();
    let db: BetterDb;
    try {
      db = new BetterSqlite3(path, { timeout: 0, ...(binding ? { nativeBinding: binding } : {}) });
    } catch (err) {
      return { held: false, owner: null, reason: `the lock file ${path} cannot be opened for writing (${err instanceof Error ? err.message : String(err)})` };
    }
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      const heldBy = isBusy(err) ? readOwner(db) : null;
      db.close();
      return { held: false, owner: heldBy, reason: isBusy(err) ? 'another Marginalia window or process has it open for writing' : `the lock cannot be taken (${err instanceof Error ? err.message : String(err)})` };
    }
    try {
      db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL, app TEXT NOT NULL)');
      const previous = readOwner(db);
      db.exec('DELETE FROM owner');
      db.prepare('INSERT INTO owner (pid, host, since, app) VALUES (?, ?, ?, ?)').run(owner.pid, owner.host, owner.since, owner.app);
      // Committing needs readers of the owner row to finish: wait for them briefly.
      db.pragma('busy_timeout = 2000');
      db.exec('COMMIT');
      db.pragma('busy_timeout = 0');
      // Held from here on: the RESERVED lock of an open write transaction.
      db.exec('BEGIN IMMEDIATE');
      return { held: true, lock: new WriterLock(db), previous };
    } catch (err) {
      // Another process took it in the instant between commit and re-locking: it is the writer.
      if (db.inTransaction) db.exec('ROLLBACK');
      const heldBy = readOwner(db);
      db.close();
      return { held: false, owner: heldBy, reason: isBusy(err) ? 'another Marginalia window or process has it open for writing' : `the lock cannot be taken (${err instanceof Error ? err.message : String(err)})` };
    }
  }

  get held(): boolean {
    return this.db !== null;
  }

  /** A clean close: the owner row goes, so the next writer knows nothing went wrong. */
  release(): void {
    const db = this.db;
    if (!db) return;
    this.db = null;
    try {
      db.pragma('busy_timeout = 2000');
      db.exec('DELETE FROM owner');
      db.exec('COMMIT');
    } catch {
      if (db.inTransaction) db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }
}
