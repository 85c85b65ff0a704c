import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { sqliteForWorker } from './database.ts';

/**
 * SQLite work on a project file on a thread of its own, through a read-only connection, so the
 * researcher keeps working meanwhile (WAL lets the thread read a consistent state while the
 * project is written):
 * - the full integrity_check, seconds on a large project;
 * - a copy for a snapshot: `VACUUM INTO` a new file, then SQLite's quick_check of the copy
 *   (a few hundred milliseconds on a 75 MB project, which opening and the activity snapshot
 *   used to spend on the backend's own thread).
 * The thread's code is plain CommonJS given as text, so it needs no bundle of its own beside
 * the app's. Its answer comes on a port of its own, so a caller that must wait (a project
 * closing) can take it synchronously.
 */

const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
const port = workerData.port;
const dbs = [];
try {
  const Database = require(workerData.module);
  const open = (path) => {
    const db = new Database(path, { readonly: true, fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) });
    dbs.push(db);
    return db;
  };
  const problems = (db, pragma) => db.pragma(pragma + '(10)').map((row) => row[pragma]).filter((line) => line !== 'ok');
  const project = open(workerData.path);
  if (workerData.copyTo) {
    project.prepare('VACUUM INTO ?').run(workerData.copyTo);
    project.close();
    port.postMessage({ lines: problems(open(workerData.copyTo), 'quick_check') });
  } else {
    port.postMessage({ lines: problems(project, 'integrity_check') });
  }
} catch (error) {
  port.postMessage({ error: String((error && error.message) || error), code: String((error && error.code) || '') });
} finally {
  for (const db of dbs) {
    try {
      if (db.open) db.close();
    } catch {}
  }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
  port.close();
}`;

/**
 * How long closing a project waits for work still running. The thread is never terminated
 * in the middle of a SQLite call: better-sqlite3 then aborts the whole process (a fatal
 * "ToLocalChecked Empty MaybeLocal" when the call returns into a stopping thread), so a close
 * waits for it to end instead; on a small project that is milliseconds, and the work runs
 * right after opening or a change, so a close seldom meets it at all.
 */
const STOP_WAIT_MS = 30_000;

/** SQLite's complaints (empty: sound), or why the work could not run (with SQLite's or the system's code). */
export type CheckResult = { problems: string[] } | { failed: string; code: string };

export type BackgroundCheck = {
  /** The outcome. Never rejects. */
  result: Promise<CheckResult>;
  /**
   * Waits until the thread has let go of the files (the project is closing: it may be moved or
   * deleted next) and returns the outcome when there is one by then.
   */
  stop: () => CheckResult | null;
};

type Message = { lines?: string[]; error?: string; code?: string };

function offThread(path: string, copyTo: string | null, readAs: (m: Message) => CheckResult): BackgroundCheck {
  let worker: Worker | null = null;
  let port: MessagePort | null = null;
  let outcome: CheckResult | null = null;
  const done = new Int32Array(new SharedArrayBuffer(4));
  let settle: (r: CheckResult) => void = () => {};
  const result = new Promise<CheckResult>((resolve) => {
    settle = (r) => {
      if (outcome) return;
      outcome = r;
      resolve(r);
    };
  });
  try {
    const channel = new MessageChannel();
    port = channel.port1;
    worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { ...sqliteForWorker(), path, copyTo, done: done.buffer, port: channel.port2 },
      transferList: [channel.port2],
    });
  } catch (err) {
    settle({ failed: err instanceof Error ? err.message : String(err), code: 'ERR_WORKER' });
    return { result, stop: () => outcome };
  }
  port.on('message', (m: Message) => settle(readAs(m)));
  worker.on('error', (err) => settle({ failed: err.message, code: 'ERR_WORKER' }));
  worker.on('exit', () => {
    Atomics.store(done, 0, 1);
    // The answer is posted before the thread ends; read it if the event loop has not yet.
    const left = port && receiveMessageOnPort(port);
    settle(left ? readAs(left.message as Message) : { failed: 'the thread stopped', code: 'ERR_WORKER' });
  });
  const thread = worker;
  const stop = (): CheckResult | null => {
    if (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0, STOP_WAIT_MS);
    const left = port && receiveMessageOnPort(port);
    if (left) settle(readAs(left.message as Message));
    // Past this point the thread runs no SQLite call; it ends by itself and keeps nothing alive.
    thread.unref();
    port?.unref();
    return outcome;
  };
  return { result, stop };
}

/** SQLite's full integrity_check of a project file. */
export function fullCheckOffThread(path: string): BackgroundCheck {
  return offThread(path, null, (m) => {
    if (m.lines) return { problems: m.lines };
    // A damaged file can also fail to open or to read: that is a finding, not a failed check.
    if (m.code && /^SQLITE_(CORRUPT|NOTADB)/.test(m.code)) return { problems: [m.error ?? m.code] };
    return { failed: m.error ?? 'the check stopped', code: m.code ?? '' };
  });
}

/**
 * A consistent copy of the project written to `copyTo` (which must not exist) and SQLite's
 * quick_check of that copy: `problems` are the copy's, `failed` says why no copy was made.
 */
export function copyOffThread(path: string, copyTo: string): BackgroundCheck {
  return offThread(path, copyTo, (m) => (m.lines ? { problems: m.lines } : { failed: m.error ?? 'the copy stopped', code: m.code ?? '' }));
}
