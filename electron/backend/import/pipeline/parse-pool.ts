import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { parseRequest } from './parse-job.ts';
import type { ParsedSource } from '../parsers/parse-source.ts';
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
 * parsing thread has not started yet, parses it itself instead of waiting.
 */

type Pending = { request: ParseRequest; resolve: (parsed: ParsedSource) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; pending: Map<number, Pending>; claims: Int32Array };

/** undefined: not started yet; null: unavailable, parse here. */
let thread: Thread | null | undefined;
let nextId = 1;

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

function settleHere(p: Pending): void {
  try {
    p.resolve(parseRequest(p.request));
  } catch (error) {
    p.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The thread died or never started: what it had is parsed here, and so is everything after. */
function abandon(t: Thread): void {
  if (thread === t) thread = null;
  const left = [...t.pending.values()];
  t.pending.clear();
  for (const p of left) settleHere(p);
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
  const t: Thread = { worker, pending: new Map(), claims };
  worker.unref();
  worker.on('message', (reply: ParseReply) => {
    const p = t.pending.get(reply.id);
    if (!p) return;
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

/** Hands a file (by path, or its bytes) to the parsing thread, if there is one; else parses it here. */
export function parseOffThread(input: ParseInput): OffThreadParse {
  warmParseThread();
  const id = nextId++;
  let pending: Pending | undefined;
  const promise = new Promise<ParsedSource>((resolve, reject) => {
    pending = { request: { ...input, id }, resolve, reject };
  });
  const p = pending!;
  const t = thread;
  if (!t) {
    settleHere(p);
    return { promise, steal: () => false };
  }
  const slot = id % CLAIM_SLOTS;
  Atomics.store(t.claims, slot, 0);
  if (t.pending.size === 0) t.worker.ref();
  t.pending.set(id, p);
  t.worker.postMessage(p.request);
  return {
    promise,
    steal: () => {
      if (!t.pending.has(id) || Atomics.compareExchange(t.claims, slot, 0, 2) !== 0) return false;
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
  if (t) await t.worker.terminate();
}
