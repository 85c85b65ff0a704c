/**
 * `node --expose-gc --import tsx bench/import.ts [--files 1000] [--words 5000] [--runs 3] [--keep]`
 * (plain `npx tsx bench/import.ts` works too; without --expose-gc the heap figure is noisier)
 * Import throughput: plain-text transcripts with speaker turns, staged by path and imported in
 * one batch through the API (as `marginalia import` does). Prints one JSON object on stdout;
 * progress goes to stderr. Budget (reported, never enforced): >= 20 MB/s of text into the store,
 * with memory flat — the heap in use late in the batch is compared with early in it.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFileOptions } from '../shared/domain/import-types.ts';
import { Host } from '../electron/backend/host.ts';
import { generateInterview } from './interview.ts';
import { mulberry32 } from './prng.ts';
import { figure, machine, peakRssMB, type Figure } from './stats.ts';
import { madeUpVocabulary } from './vocabulary.ts';

type Args = { files: number; words: number; runs: number; keep: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { files: 1000, words: 5000, runs: 3, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--keep') {
      args.keep = true;
      continue;
    }
    const n = Number(argv[++i]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number`);
    if (flag === '--files') args.files = n;
    else if (flag === '--words') args.words = n;
    else if (flag === '--runs') args.runs = n;
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

const PARTICIPANTS = 50;
/** Heap samples (after a full GC when run with --expose-gc) every this many files. */
const SAMPLE_EVERY = 50;
const label = (i: number) => `P${String((i % PARTICIPANTS) + 1).padStart(2, '0')}`;

/** Writes the corpus one file at a time (never all in memory); returns paths and total bytes. */
function writeCorpus(dir: string, args: { files: number; words: number }, log: (m: string) => void): { paths: string[]; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const rng = mulberry32(20240611);
  const madeUp = madeUpVocabulary(rng, 400);
  const paths: string[] = [];
  let bytes = 0;
  for (let i = 0; i < args.files; i++) {
    const { text } = generateInterview(rng, { label: label(i), targetWords: args.words, madeUp, madeUpShare: 0.08 });
    const path = join(dir, `transcript-${String(i + 1).padStart(4, '0')}.txt`);
    writeFileSync(path, text);
    bytes += statSync(path).size;
    paths.push(path);
    if ((i + 1) % 250 === 0) log(`corpus: ${i + 1}/${args.files} files`);
  }
  return { paths, bytes };
}

type RunResult = { seconds: number; stageSeconds: number; saveSeconds: number; heapMB: [number, number, number]; units: number };

async function oneRun(run: number, workDir: string, paths: string[], log: (m: string) => void, sampleHeap: boolean): Promise<RunResult> {
  const heap: number[] = [];
  let saveStart = 0;
  const host = new Host({
    home: join(workDir, `home-${run}`),
    coderName: 'bench',
    // Heap in use as each file is imported: flat means it does not grow with the files behind it.
    onProgress: (e) => {
      if (e.label === 'Saving to the project') saveStart = performance.now();
      if (!sampleHeap || !e.label.startsWith('Importing') || e.done % SAMPLE_EVERY !== 0) return;
      global.gc?.();
      heap.push(process.memoryUsage().heapUsed / 1048576);
    },
  });
  host.open(join(workDir, `import-${run}.marginalia`), 'five-questions');
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await host.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    global.gc?.();
    const t0 = performance.now();
    const staged = await call<{ stagedId: string; name: string }[]>('import.stage', { files: paths.map((path) => ({ path, kind: 'interview' })) });
    const t1 = performance.now();
    const files: ImportFileOptions[] = staged.map((s, i) => ({
      stagedId: s.stagedId,
      kind: 'interview',
      interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: label(i), as: 'new', label: label(i) }] },
    }));
    const report = await call<{ files: { units: number }[] }>('import.run', { files });
    const t2 = performance.now();
    const at = (share: number) => heap[Math.min(heap.length - 1, Math.floor(heap.length * share))] ?? 0;
    const result = {
      seconds: (t2 - t0) / 1000,
      stageSeconds: (t1 - t0) / 1000,
      saveSeconds: (t2 - saveStart) / 1000,
      heapMB: [at(0.1), at(0.5), at(0.9)] as [number, number, number],
      units: report.files.reduce((n, f) => n + f.units, 0),
    };
    log(`run ${run}: ${result.seconds.toFixed(2)} s (stage ${result.stageSeconds.toFixed(2)} s, save ${result.saveSeconds.toFixed(2)} s)${sampleHeap ? `, heap ${result.heapMB.map((h) => h.toFixed(0)).join(' → ')} MB` : ''}`);
    return result;
  } finally {
    host.close();
  }
}

export type ImportBenchOptions = { files: number; words: number; runs: number; workDir: string; log: (message: string) => void };

/** The import section: writes its corpus into workDir, imports it `runs` times, plus one run for memory. */
export async function runImportBench(options: ImportBenchOptions): Promise<{ details: Record<string, unknown>; figures: Record<string, Figure> }> {
  const { workDir, log } = options;
  const { paths, bytes } = writeCorpus(join(workDir, 'import-corpus'), options, log);
  const runs: RunResult[] = [];
  for (let r = 1; r <= options.runs; r++) runs.push(await oneRun(r, workDir, paths, log, false));
  // Memory is measured in a run of its own: the full GCs it needs would slow the timed runs.
  const memory = await oneRun(options.runs + 1, workDir, paths, log, true);
  const mb = bytes / 1048576;
  const figures: Record<string, Figure> = {
    textMBps: figure('MB/s', runs.map((r) => mb / r.seconds), { op: '>=', value: 20 }, 2, 'stage (reads every file) + parse + one transaction, undo capture and search index included'),
    seconds: figure('s', runs.map((r) => r.seconds), null, 2),
    stageSeconds: figure('s', runs.map((r) => r.stageSeconds), null, 2, 'import.stage: every file checked (type, size, binary content)'),
    saveSeconds: figure('s', runs.map((r) => r.saveSeconds), null, 2, 'after the last file is written: the undo record of the batch and the commit'),
    heapGrowthMB: figure('MB', [memory.heapMB[2] - memory.heapMB[1]], { op: '<=', value: 16 }, 1,
      `heap in use after a full GC at 90% of the files imported minus at 50%; at 10/50/90%: ${memory.heapMB.map((h) => h.toFixed(0)).join(' / ')} MB. Files stream into the transaction: a few are parsed ahead of the one being written (at most 4 files / 16 MB), none are kept after`),
  };
  return { details: { files: options.files, wordsPerFile: options.words, megabytes: Number(mb.toFixed(1)), units: runs[0]?.units ?? 0 }, figures };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (message: string): void => void process.stderr.write(`${message}\n`);
  const workDir = join(process.cwd(), '.bench-out', `import-${process.pid}`);
  const sqlite = new Database(':memory:');
  const sqliteVersion = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  sqlite.close();
  try {
    const result = await runImportBench({ ...args, workDir, log });
    const figures = Object.fromEntries(Object.entries(result.figures).map(([name, f]) => [`import.${name}`, f]));
    const judged = Object.entries(figures).filter(([, f]) => f.pass !== null);
    const report = {
      bench: 'marginalia-import',
      startedAt: new Date().toISOString(),
      machine: machine(sqliteVersion),
      args,
      corpus: result.details,
      figures,
      summary: { passed: judged.filter(([, f]) => f.pass).map(([n]) => n), failed: judged.filter(([, f]) => !f.pass).map(([n]) => n), peakRssMB: peakRssMB() },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (!args.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

// Also a section of `npm run bench` (run.ts imports runImportBench); standalone when run directly.
if (process.argv[1] !== undefined && /bench[\\/]import\.ts$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
