import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Host } from '../electron/backend/host.ts';
import { Project } from '../electron/backend/project.ts';
import { sql } from '../electron/backend/db/sql.ts';
import { insertCoding, insertCodings, type NewCoding } from '../electron/backend/repositories/codings.ts';
import { pickApplyInputs } from './apply-inputs.ts';
import type { CorpusSpec } from './corpora.ts';
import { BENCH_CLOCK, BENCH_CODER, generateProject, type CorpusStats } from './corpus.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import { figure, percentile, type Figure } from './stats.ts';

export type StoreBenchOptions = {
  spec: CorpusSpec;
  runs: number;
  /** Timed codings.apply calls per run, after the warm-up. */
  samples: number;
  workDir: string;
  log: (message: string) => void;
};

export type StoreReport = {
  corpus: { spec: CorpusSpec; stats: CorpusStats; generationMs: number; notes: string[] };
  figures: {
    bulkInsertCodingsPerSec: Figure;
    rowByRowInsertCodingsPerSec: Figure;
    applyCodingP50Ms: Figure;
    applyCodingP95Ms: Figure;
    openProjectMs: Figure;
  };
};

const WARM_UP_CALLS = 25;

const removeProject = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};

/** A fresh copy of a generated project for one run, so no run sees another's writes. */
function copyProject(base: string, workDir: string, name: string): string {
  const path = join(workDir, `${name}.marginalia`);
  removeProject(path);
  copyFileSync(base, path);
  return path;
}

/**
 * Inserts the rows into the project at `into` in one transaction: through the bulk path the
 * imports, merges and search coding use (insertCodings: credit in one statement at the end,
 * migration 0015), or row by row through insertCoding (credit by the trigger, as one code
 * applied gets it).
 */
function bulkInsertRun(rows: readonly NewCoding[], into: string, how: 'bulk' | 'rowByRow'): number {
  const project = Project.open(into, { clock: BENCH_CLOCK, coderName: BENCH_CODER });
  try {
    const now = project.ctx.now();
    const coderId = project.ctx.coderId;
    const batch = how === 'bulk' ? rows.map((r) => ({ ...r, coderId, createdAt: now })) : [];
    const t0 = performance.now();
    project.db.transaction(() => {
      if (how === 'bulk') insertCodings(project.db, batch);
      else for (const row of rows) insertCoding(project.db, row, coderId, now);
    });
    return (rows.length / (performance.now() - t0)) * 1000;
  } finally {
    project.close();
  }
}

async function openRun(path: string, home: string): Promise<number> {
  const t0 = performance.now();
  const host = new Host({ home, coderName: BENCH_CODER });
  const opened = await host.call('project.open', { path });
  const ms = performance.now() - t0;
  host.close();
  if (!opened.ok) throw new Error(`project.open failed: ${opened.error.message}`);
  return ms;
}

async function applyRun(path: string, home: string, samples: number, run: number): Promise<number[]> {
  const host = new Host({ home, coderName: BENCH_CODER });
  try {
    const opened = await host.call('project.open', { path });
    if (!opened.ok) throw new Error(`project.open failed: ${opened.error.message}`);
    const inputs = pickApplyInputs(host.current!.db, mulberry32(deriveSeed(4711, run)), WARM_UP_CALLS + samples);
    const times: number[] = [];
    for (const [i, input] of inputs.entries()) {
      const t0 = performance.now();
      const result = await host.call('codings.apply', input);
      const ms = performance.now() - t0;
      if (!result.ok) throw new Error(`codings.apply ${JSON.stringify(input)} failed: ${result.error.message}`);
      if (i >= WARM_UP_CALLS) times.push(ms);
    }
    return times;
  } finally {
    host.close();
  }
}

/** The store figures: bulk insert of codings, apply one coding through the dispatcher, open project. */
export async function runStoreBench(o: StoreBenchOptions): Promise<StoreReport> {
  const { spec, runs, workDir, log } = o;
  mkdirSync(workDir, { recursive: true });
  const home = join(workDir, 'home');
  const notes: string[] = [];

  const coded = join(workDir, `${spec.name}.marginalia`);
  const textOnly = join(workDir, `${spec.name}-no-codings.marginalia`);
  removeProject(coded);
  removeProject(textOnly);
  log(`generating ${spec.name} (${spec.sources} sources, ~${spec.words} words, ${spec.codings} codings)`);
  const g0 = performance.now();
  const stats = generateProject(coded, spec, (p) => log(`  ${spec.name}: ${p.done}/${p.total} sources`));
  const generationMs = performance.now() - g0;
  // Same seed, same text: the text streams do not depend on the number of codings.
  generateProject(textOnly, { ...spec, codings: 0 });

  log('store: bulk insert of codings');
  const rows = readCodings(coded);
  const bulk: number[] = [];
  const rowByRow: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const [how, out] of [['bulk', bulk], ['rowByRow', rowByRow]] as const) {
      const into = copyProject(textOnly, workDir, `${how}-${r}`);
      out.push(bulkInsertRun(rows, into, how));
      removeProject(into);
    }
    log(`  run ${r + 1}/${runs}: ${Math.round(bulk[r]!)} rows/s (row by row through the trigger: ${Math.round(rowByRow[r]!)})`);
  }
  const bulkInsert = figure('rows/s', bulk, { op: '>=', value: 100_000 }, 0, `${rows.length} codings in one transaction through insertCodings (credit set-based), commit included`);
  const rowByRowInsert = figure('rows/s', rowByRow, null, 0, `${rows.length} codings in one transaction through insertCoding one by one (credit by the trigger), commit included`);

  log('store: open project');
  const opens: number[] = [];
  // The first open in a process also pays for loading and compiling the backend's code; a
  // running app has paid that already, so it is reported as a note, not as a run.
  const firstOpenMs = await openRun(coded, home);
  notes.push(`first open in a fresh process (module loading and JIT included): ${firstOpenMs.toFixed(1)} ms`);
  for (let r = 0; r < runs; r++) opens.push(await openRun(coded, home));
  const open = figure('ms', opens, { op: '<=', value: 300 }, 2, 'new Host + project.open through the dispatcher; the file is in the OS page cache (warm)');

  log(`store: codings.apply, ${o.samples} calls per run`);
  const p50: number[] = [];
  const p95: number[] = [];
  for (let r = 0; r < runs; r++) {
    const path = copyProject(coded, workDir, `apply-${r}`);
    const times = await applyRun(path, home, o.samples, r);
    removeProject(path);
    p50.push(percentile(times, 50));
    p95.push(percentile(times, 95));
    log(`  run ${r + 1}/${runs}: p50 ${p50[r]!.toFixed(3)} ms, p95 ${p95[r]!.toFixed(3)} ms`);
  }
  const applyNote = `${o.samples} calls per run after ${WARM_UP_CALLS} warm-up calls, on a project with ${stats.codings} codings`;
  const applyP50 = figure('ms', p50, null, 3, applyNote);
  const applyP95 = figure('ms', p95, { op: '<=', value: 2 }, 3, applyNote);

  removeProject(coded);
  removeProject(textOnly);
  return {
    corpus: { spec, stats, generationMs: Math.round(generationMs), notes },
    figures: { bulkInsertCodingsPerSec: bulkInsert, rowByRowInsertCodingsPerSec: rowByRowInsert, applyCodingP50Ms: applyP50, applyCodingP95Ms: applyP95, openProjectMs: open },
  };
}

function readCodings(path: string): NewCoding[] {
  const project = Project.open(path, { clock: BENCH_CLOCK, coderName: BENCH_CODER });
  try {
    return project.db.all<NewCoding>(sql`SELECT source_id AS sourceId, code_id AS codeId, start, end, quote FROM codings ORDER BY id`);
  } finally {
    project.close();
  }
}
