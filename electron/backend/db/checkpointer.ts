import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sqliteForWorker } from './database.ts';

/**
 * Copies the project's write-ahead log back into the file on a thread of its own.
 *
 * SQLite's own automatic checkpoint runs inside the COMMIT that pushes the log past 1,000
 * pages: the command that happens to commit then also copies every page written since the last
 * one (a bulk insert of 100,000 codings spent 90 of its ~600 ms there, and any coding applied
 * could meet one). Here the writer's connection has it off, and once the log has grown past
 * that size, a second connection on another thread does it (PASSIVE: it never blocks the
 * writer or a reader; a writer appends while it copies), nudged after each commit and at most
 * every 250 ms. Should no thread be had (or one stop), the checkpoints go back to SQLite's own.
 *
 * The thread's code is plain CommonJS given as text (as the integrity check's is), so it needs
 * no bundle of its own. It is never terminated in the middle of a SQLite call (better-sqlite3
 * then aborts the process): closing asks it to stop and waits until it has let go of the file,
 * so the writer's close, as the last connection, empties the log into the file as before.
 */

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
let db = null;
let timer = null;
let last = 0;
const finish = () => {
  clearTimeout(timer);
  try {
    if (db) db.close();
  } catch {}
  db = null;
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
  parentPort.close();
};
const checkpoint = () => {
  timer = null;
  if (!db) return;
  last = Date.now();
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
};
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, { fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
  finish();
}
parentPort.on('message', (m) => {
  if (m === 'stop') finish();
  else if (db && timer === null) timer = setTimeout(checkpoint, Math.max(0, last + workerData.spacingMs - Date.now()));
});`;

/** How long closing waits for a checkpoint under way (one is seconds at most, even on a large project). */
const STOP_WAIT_MS = 30_000;

export type CheckpointerOptions = {
  /** The SQLite file (its log is `${path}-wal`). */
  path: string;
  /** better-sqlite3's build for this runtime, as the writer's connection loads it. */
  binding: string | undefined;
  /** The log's size, in bytes, from which checkpoints start (SQLite's own: 1,000 pages). */
  thresholdBytes: number;
  /** Gives the checkpoints back to the writer's connection (SQLite's automatic one): no thread can do them. */
  giveBack: () => void;
  /** Least time between two checkpoints of the thread. */
  spacingMs?: number;
};

export type CheckpointEvent = { log: number; checkpointed: number } | { error: string };

export class Checkpointer {
  private readonly options: CheckpointerOptions;
  private worker: Worker | null = null;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  /** The thread could not be started or stopped by itself: the checkpoints went back to SQLite. */
  private failed = false;
  private stopped = false;
  private readonly listeners = new Set<(e: CheckpointEvent) => void>();

  constructor(options: CheckpointerOptions) {
    this.options = options;
  }

  /** Whether checkpoints run on the thread (false before the log first grew, and after it failed). */
  get threaded(): boolean {
    return this.worker !== null && !this.failed;
  }

  /** Called after each commit of the writer: starts the thread once the log is large, then nudges it. */
  afterCommit(): void {
    if (this.stopped || this.failed) return;
    if (this.worker) this.worker.postMessage('nudge');
    else if (this.walBytes() >= this.options.thresholdBytes && this.start()) this.worker!.postMessage('nudge');
  }

  private fail(): void {
    if (this.failed || this.stopped) return;
    this.failed = true;
    this.options.giveBack();
  }

  /** Each checkpoint the thread made (or its error), for tests and diagnostics. */
  onCheckpoint(listener: (e: CheckpointEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits until the thread has let go of the file; nothing more is checkpointed after it. */
  stop(): void {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    if (Atomics.load(this.done, 0) === 0) {
      worker.postMessage('stop');
      Atomics.wait(this.done, 0, 0, STOP_WAIT_MS);
    }
    worker.unref();
  }

  private walBytes(): number {
    try {
      return statSync(`${this.options.path}-wal`).size;
    } catch {
      return 0;
    }
  }

  private start(): boolean {
    try {
      const worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: { ...sqliteForWorker(this.options.binding), path: this.options.path, done: this.done.buffer, spacingMs: this.options.spacingMs ?? 250 },
      });
      worker.unref();
      worker.on('message', (m: { ready?: true } & Partial<{ log: number; checkpointed: number; error: string }>) => {
        if (m.ready) return;
        const event: CheckpointEvent = m.error !== undefined ? { error: m.error } : { log: m.log ?? 0, checkpointed: m.checkpointed ?? 0 };
        for (const listener of this.listeners) listener(event);
      });
      // A thread that cannot open the file, or ends for any reason but stop(), hands back.
      worker.on('error', () => this.fail());
      worker.on('exit', () => {
        Atomics.store(this.done, 0, 1);
        this.fail();
      });
      this.worker = worker;
      return true;
    } catch {
      this.fail();
      return false;
    }
  }
}
