import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { formatOfName } from '../parsers/detect.ts';
import { describeDuration, ImportError } from '../parsers/errors.ts';
import { ASYNC_FORMATS, type ParsedSource } from '../parsers/parse-source.ts';
import { PDF_LIMITS, type PdfLimits } from '../parsers/pdf.ts';
import { parseRequest } from './parse-job.ts';
import { CLAIM_SLOTS, fromWire, type ParseInput, type ParseReply, type ParseRequest } from './parse-wire.ts';

/**
 * Parses files for an import on a second thread, so that reading and parsing the next files
 * overlaps with writing the current one into the store (the store is written from one thread
 * only). One thread, started on first use and kept; it holds the process open only while it
 * has work. Where no thread can be started (no worker bundle beside this one), or the thread
 * dies, files are parsed on this thread instead: slower, the same result.
 *
 * Work stealing: each request has a claim slot in memory shared with the thread. Whichever
 * side claims it first parses the file, so the importing thread, when it needs a file the
 * parsing thread has not started yet, parses it itself instead of waiting. PDF and XLSX are
 * never taken over: hostile ones are the reason to parse off the backend's main thread.
 *
 * Time limit: a file the thread has been parsing for longer than the limit is refused with an
 * ImportError naming it, and the thread is stopped (a parser stuck in a loop cannot be
 * interrupted any other way); the files it held go to a fresh thread.
 */

type Pending = { request: ParseRequest; resolve: (parsed: ParsedSource) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; pending: Map<number, Pending>; claims: Int32Array; timers: Map<number, NodeJS.Timeout> };

/** undefined: not started yet; null: unavailable, parse here. */
let thread: Thread | null | undefined;
let nextId = 1;

/** How much of a PDF is read, and how long any file may take on the thread. */
let limits: PdfLimits = PDF_LIMITS;

/** Changes the limits (tests); returns the function that puts the previous ones back. */
export function setParseLimits(next: Partial<PdfLimits>): () => void {
  const before = limits;
  limits = { ...limits, ...next };
  return () => void (limits = before);
}

/** Formats that stay on the parsing thread (asynchronous parsers: PDF, XLSX). */
function staysOnThread(name: string): boolean {
  try {
    return ASYNC_FORMATS.has(formatOfName(name));
  } catch {
    return false;
  }
}

/**
 * How to start the worker: the bundle beside this one, or in development and tests (this
 * module is TypeScript run through tsx or vitest) the TypeScript entry, with tsx registered
 * in the new thread first (loader flags given to a worker do not reach it on Node 20).
 */
function workerTarget(): { entry: URL | string; options: WorkerOptions } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // tsx's ESM entry (its CommonJS one cannot register hooks from an eval'd worker).
    const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
    const tsx = typeof resolve === 'function' ? resolve('tsx/esm/api') : 'tsx/esm/api';
    const entry = new URL('./parse-worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
    return { entry: boot, options: { eval: true } };
  }
  const url = new URL('./import-parse-worker.mjs', here);
  if (url.protocol !== 'file:') return null;
  const path = fileURLToPath(url);
  if (!existsSync(path)) return null;
  // Packaged, the worker stays inside app.asar, under the archive's integrity check. Only
  // Electron's patched loader reads the archive, so the thread imports it from code rather
  // than by path; where that fails the thread dies at once and files are parsed here.
  if (/[\\/]app\.asar[\\/]/.test(path)) return { entry: `import(${JSON.stringify(pathToFileURL(path).href)})`, options: { eval: true } };
  return { entry: pathToFileURL(path), options: {} };
}

/** Parses a file on this thread: a synchronous format at once, within this call. */
function settleHere(p: Pending): void {
  parseRequest(p.request).then(p.resolve, (error: unknown) => p.reject(error instanceof Error ? error : new Error(String(error))));
}

function clearTimers(t: Thread): void {
  for (const timer of t.timers.values()) clearTimeout(timer);
  t.timers.clear();
}

/** The thread died or never started: what it had is parsed here, and so is everything after. */
function abandon(t: Thread): void {
  if (thread === t) thread = null;
  clearTimers(t);
  const left = [...t.pending.values()];
  t.pending.clear();
  for (const p of left) settleHere(p);
}

/** A file outlived the time limit: refused, the thread stopped, its other files sent to a new one. */
function timedOut(t: Thread, id: number, timeMs: number): void {
  const p = t.pending.get(id);
  if (!p) return;
  t.pending.delete(id);
  if (thread === t) thread = undefined;
  clearTimers(t);
  const left = [...t.pending.values()];
  t.pending.clear();
  void t.worker.terminate();
  p.reject(new ImportError(p.request.name, `took longer than ${describeDuration(timeMs)} to read and was stopped; if it is very large, split it and import the parts`));
  for (const other of left) dispatch(other);
}

function start(): Thread | null {
  let worker: Worker;
  const claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_SLOTS));
  try {
    const target = workerTarget();
    if (!target) return null;
    worker = new Worker(target.entry, { ...target.options, workerData: { claims } });
  } catch {
    return null;
  }
  const t: Thread = { worker, pending: new Map(), claims, timers: new Map() };
  worker.unref();
  worker.on('message', (reply: ParseReply) => {
    const p = t.pending.get(reply.id);
    if (!p) return;
    if ('started' in reply) {
      const timeMs = p.request.limits.timeMs;
      const timer = setTimeout(() => timedOut(t, reply.id, timeMs), timeMs);
      timer.unref();
      t.timers.set(reply.id, timer);
      return;
    }
    clearTimeout(t.timers.get(reply.id));
    t.timers.delete(reply.id);
    t.pending.delete(reply.id);
    if (t.pending.size === 0) worker.unref();
    if ('parsed' in reply) p.resolve(reply.parsed);
    else if ('error' in reply) p.reject(fromWire(reply.error));
    // 'stolen': the importing thread parsed it and settled it already.
  });
  worker.on('error', () => abandon(t));
  worker.on('exit', () => abandon(t));
  return t;
}

/** Starts the parsing thread ahead of need (when files are staged): it takes a moment to load. */
export function warmParseThread(): void {
  if (thread === undefined) thread = start();
}

/** A parse handed to the parsing thread. */
export type OffThreadParse = {
  promise: Promise<ParsedSource>;
  /** Parses the file on this thread instead, if the parsing thread has not started it: true if it did. */
  steal: () => boolean;
};

/** Sends a file to the parsing thread (or parses it here where there is none); the thread it went to. */
function dispatch(p: Pending): Thread | null {
  warmParseThread();
  const t = thread;
  if (!t) {
    settleHere(p);
    return null;
  }
  Atomics.store(t.claims, p.request.id % CLAIM_SLOTS, 0);
  if (t.pending.size === 0) t.worker.ref();
  t.pending.set(p.request.id, p);
  t.worker.postMessage(p.request);
  return t;
}

/** Hands a file (by path, or its bytes) to the parsing thread, if there is one; else parses it here. */
export function parseOffThread(input: ParseInput): OffThreadParse {
  const id = nextId++;
  let pending: Pending | undefined;
  const promise = new Promise<ParsedSource>((resolve, reject) => {
    pending = { request: { ...input, id, limits }, resolve, reject };
  });
  const p = pending!;
  const t = dispatch(p);
  if (!t || staysOnThread(input.name)) return { promise, steal: () => false };
  return {
    promise,
    steal: () => {
      if (!t.pending.has(id) || Atomics.compareExchange(t.claims, id % CLAIM_SLOTS, 0, 2) !== 0) return false;
      settleHere(p);
      return true;
    },
  };
}

/** Whether files are parsed on the thread (tests check the thread really works). */
export const parseThreadState = (): 'not started' | 'running' | 'unavailable' =>
  thread === undefined ? 'not started' : thread === null ? 'unavailable' : 'running';

/** Stops the parsing thread (tests, shutdown); the next parse starts a new one. */
export async function stopParseThread(): Promise<void> {
  const t = thread;
  thread = undefined;
  if (t) {
    clearTimers(t);
    await t.worker.terminate();
  }
}
