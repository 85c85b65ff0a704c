import BetterSqlite3 from 'better-sqlite3';
import type { Database as BetterDb, Statement } from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { SqlFragment } from './sql.ts';
import { Checkpointer } from './checkpointer.ts';

export type OpenOptions = {
  /** Create the file when it does not exist. */
  create: boolean;
  readonly?: boolean;
};

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Electron needs a better-sqlite3 build for its own ABI; it is kept apart from the Node build
 * (which `npm test` uses) and handed over through this variable.
 */
export const nativeBinding = (): string | undefined => process.env['MARGINALIA_SQLITE_BINDING'] || undefined;

/** What a worker thread needs to open SQLite as this process does: better-sqlite3's entry and its native build (null: the default one). */
export const sqliteForWorker = (binding = nativeBinding()): { module: string; binding: string | null } => ({
  module: createRequire(import.meta.url).resolve('better-sqlite3'),
  binding: binding ?? null,
});

/** Refuses anything that is not an SQLite file before SQLite gets a chance to touch it. */
export function assertLooksLikeSqlite(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ApiFailure('not_found', `No project file at ${path}`, 'path');
  }
  if (st.isDirectory()) throw new ApiFailure('not_a_project', `${path} is a folder, not a Marginalia project file`, 'path');
  if (st.size < 100) {
    throw new ApiFailure('not_a_project', `${path} is not a Marginalia project: it is too short to be an SQLite database (${st.size} bytes)`, 'path');
  }
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== SQLITE_HEADER) {
      throw new ApiFailure('not_a_project', `${path} is not a Marginalia project: it is not an SQLite database`, 'path');
    }
  } finally {
    closeSync(fd);
  }
}

/** A better-sqlite3 connection with a prepared-statement cache keyed by SQL text. */
export class Db {
  readonly raw: BetterDb;
  readonly path: string;
  private readonly cache = new Map<string, Statement>();
  private checkpointer: Checkpointer | null = null;

  constructor(path: string, options: OpenOptions) {
    if (!options.create || existsSync(path)) assertLooksLikeSqlite(path);
    this.path = path;
    const binding = nativeBinding();
    try {
      this.raw = new BetterSqlite3(path, {
        readonly: options.readonly ?? false,
        fileMustExist: !options.create,
        ...(binding ? { nativeBinding: binding } : {}),
      });
      // WAL is switched on by enableWal() only once the file is known to be ours: setting it
      // rewrites the header of whatever file this is.
      this.raw.pragma('foreign_keys = ON');
      this.raw.pragma('synchronous = NORMAL');
      this.raw.pragma('busy_timeout = 5000');
      // TEMP tables (undo capture notes) in memory: a big import notes ~150k rows there.
      // Must be set before any TEMP object exists: changing it drops them.
      this.raw.pragma('temp_store = MEMORY');
    } catch (err) {
      if (err instanceof ApiFailure) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw new ApiFailure('not_a_project', `${path} could not be opened as a project: ${message}`, 'path');
    }
  }

  /**
   * Write-ahead logging, for the project's writer: its checkpoints run on a thread of their own
   * (checkpointer.ts), not inside whichever commit pushes the log past SQLite's 1,000 pages.
   */
  enableWal(): void {
    this.raw.pragma('journal_mode = WAL');
    if (this.raw.readonly || this.checkpointer) return;
    const pages = this.raw.pragma('wal_autocheckpoint', { simple: true }) as number;
    const pageSize = this.raw.pragma('page_size', { simple: true }) as number;
    this.raw.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new Checkpointer({
      path: this.path,
      binding: nativeBinding(),
      thresholdBytes: pages * pageSize,
      giveBack: () => {
        if (!this.raw.open) return;
        this.raw.pragma(`wal_autocheckpoint = ${pages}`);
        if (!this.raw.inTransaction) this.raw.pragma('wal_checkpoint(PASSIVE)');
      },
    });
  }

  /** The thread that checkpoints this writer's log (null: not a WAL writer). */
  get walCheckpointer(): Checkpointer | null {
    return this.checkpointer;
  }

  private committed(): void {
    if (this.checkpointer && !this.raw.inTransaction) this.checkpointer.afterCommit();
  }

  /** Writes the WAL back into the file and empties it, so the file alone holds everything. */
  checkpoint(): void {
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  private stmt(q: SqlFragment): Statement {
    let s = this.cache.get(q.text);
    if (!s) {
      s = this.raw.prepare(q.text);
      this.cache.set(q.text, s);
    }
    return s;
  }

  all<T>(q: SqlFragment): T[] {
    return this.stmt(q).all(...q.values) as T[];
  }
  get<T>(q: SqlFragment): T | undefined {
    return this.stmt(q).get(...q.values) as T | undefined;
  }
  run(q: SqlFragment): { changes: number; lastInsertRowid: number } {
    const r = this.stmt(q).run(...q.values);
    this.committed();
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }
  /** Runs fn in one IMMEDIATE transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    const result = this.raw.transaction(fn).immediate();
    this.committed();
    return result;
  }

  /**
   * An IMMEDIATE transaction held open across turns of the event loop, which transaction()
   * cannot do (an import job yields between files). The caller must commit() or rollback().
   */
  begin(): void {
    this.raw.exec('BEGIN IMMEDIATE');
  }
  commit(): void {
    this.raw.exec('COMMIT');
    this.committed();
  }
  /** Rolls back the open transaction, if SQLite has not already (some errors end it themselves). */
  rollback(): void {
    if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
  }
  close(): void {
    // The thread lets go of the file first: the last connection to close empties the log.
    this.checkpointer?.stop();
    this.checkpointer = null;
    this.cache.clear();
    if (this.raw.open) this.raw.close();
  }
}
