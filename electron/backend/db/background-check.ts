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
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) });
  const lines = db.pragma('integrity_check(10)').map((row) => row.integrity_check).filter((line) => line !== 'ok');
  parentPort.postMessage({ lines });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error), code: String(error && error.code || '') });
} finally {
  if (db) db.close();
}`;

export type CheckResult = { problems: string[] } | { failed: string };

export type BackgroundCheck = {
  /** SQLite's complaints (empty: sound), or why the check could not run. Never rejects. */
  result: Promise<CheckResult>;
  /** Stops the thread (the project is closing: it must not touch the file any more). */
  stop: () => void;
};

export function fullCheckOffThread(path: string): BackgroundCheck {
  let worker: Worker | null = null;
  const result = new Promise<CheckResult>((resolve) => {
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_CODE, { eval: true, workerData: { module, path, binding: nativeBinding() ?? null } });
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
    thread.on('exit', () => settle({ failed: 'the check stopped' }));
  });
  return { result, stop: () => void worker?.terminate() };
}
