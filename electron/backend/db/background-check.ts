import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { nativeBinding } from './database.ts';

/**
 * SQLite's full integrity_check of a project file on a thread of its own, through a read-only
 * connection: on a large project it takes seconds, and the researcher keeps working meanwhile
 * (WAL lets the check read a consistent state while the project is written). The thread's code
 * is plain CommonJS given as text, so it needs no bundle of its own beside the app's.
 */

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) });
  const lines = db.pragma('integrity_check(10)').map((row) => row.integrity_check).filter((line) => line !== 'ok');
  parentPort.postMessage({ lines });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error), code: String(error && error.code || '') });
} finally {
  try {
    if (db) db.close();
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}`;

/**
 * How long closing a project waits for a check still running. The thread is never terminated
 * in the middle of a SQLite call: better-sqlite3 then aborts the whole process (a fatal
 * "ToLocalChecked Empty MaybeLocal" when the call returns into a stopping thread), so a close
 * waits for the check to end instead; on a small project that is milliseconds, and the check
 * runs right after opening, so a close seldom meets one at all.
 */
const STOP_WAIT_MS = 30_000;

export type CheckResult = { problems: string[] } | { failed: string };

export type BackgroundCheck = {
  /** SQLite's complaints (empty: sound), or why the check could not run. Never rejects. */
  result: Promise<CheckResult>;
  /**
   * Waits until the thread has let go of the file (the project is closing: it may be moved or
   * deleted next); its result is no longer wanted.
   */
  stop: () => void;
};

export function fullCheckOffThread(path: string): BackgroundCheck {
  let worker: Worker | null = null;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const result = new Promise<CheckResult>((resolve) => {
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_CODE, { eval: true, workerData: { module, path, binding: nativeBinding() ?? null, done: done.buffer } });
    } catch (err) {
      resolve({ failed: err instanceof Error ? err.message : String(err) });
      return;
    }
    const thread = worker;
    let settled = false;
    const settle = (r: CheckResult) => {
      if (!settled) resolve(r);
      settled = true;
    };
    thread.on('message', (m: { lines?: string[]; error?: string; code?: string }) => {
      if (m.lines) settle({ problems: m.lines });
      // A damaged file can also fail to open or to read: that is a finding, not a failed check.
      else if (m.code && /^SQLITE_(CORRUPT|NOTADB)/.test(m.code)) settle({ problems: [m.error ?? m.code] });
      else settle({ failed: m.error ?? 'the check stopped' });
    });
    thread.on('error', (err) => settle({ failed: err.message }));
    thread.on('exit', () => {
      Atomics.store(done, 0, 1);
      settle({ failed: 'the check stopped' });
    });
  });
  const stop = () => {
    if (!worker) return;
    if (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0, STOP_WAIT_MS);
    // Past this point the thread runs no SQLite call; it ends by itself and keeps nothing alive.
    worker.unref();
  };
  return { result, stop };
}
