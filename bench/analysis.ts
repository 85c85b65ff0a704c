/**
 * Analysis figures on a generated corpus: the frequency matrix, co-occurrence, the
 * codes-by-participant excerpt retrieval and the first page of a full-text search, each
 * through the real dispatcher. Run alone:
 *   npx tsx bench/analysis.ts [--corpus huge-text] [--runs 3]
 * Prints one JSON object; budgets are reported, not enforced.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Host } from '../electron/backend/host.ts';
import { corpusSpec, isCorpusName, type CorpusSpec } from './corpora.ts';
import { generateProject } from './corpus.ts';
import { figure, type Figure } from './stats.ts';

export type AnalysisBenchOptions = { spec: CorpusSpec; runs: number; workDir: string; log: (m: string) => void };

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: statement cache and JIT
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function runAnalysisBench(o: AnalysisBenchOptions): Promise<Record<string, Figure>> {
  const path = join(o.workDir, `${o.spec.name}-analysis.marginalia`);
  o.log(`analysis: generating ${o.spec.name}`);
  generateProject(path, o.spec);
  const host = new Host({ home: join(o.workDir, 'home'), coderName: 'bench' });
  host.open(path, false);
  const call = async (method: string, input: unknown) => {
    const r = await host.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  try {
    const codes = (await call('codes.list', {})) as { id: number; parentId: number | null }[];
    const leaf = codes.find((c) => c.parentId !== null)!;
    o.log('analysis: timing');
    // Latency-sensitive figures first, before the bulk loads below fill the heap.
    return {
      ftsFirstPageMs: figure('ms', await timed(o.runs, () => call('search.run', { query: 'learning', limit: 100 })), { op: '<=', value: 100 }),
      ftsBooleanFirstPageMs: figure('ms', await timed(o.runs, () => call('search.run', { query: 'employer* AND (course OR badge) NOT webinar', limit: 100 })), { op: '<=', value: 100 }),
      frequencyMatrixMs: figure('ms', await timed(o.runs, () => call('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' } })), { op: '<=', value: 100 }),
      frequencyByRoleMs: figure('ms', await timed(o.runs, () => call('analysis.frequency', { rows: { kind: 'sections' }, columns: { kind: 'attribute', attributeId: 1 } })), { op: '<=', value: 100 }),
      frequencySourcesMs: figure('ms', await timed(o.runs, () => call('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'sources' })), null),
      cooccurrenceMs: figure('ms', await timed(o.runs, () => call('analysis.cooccurrence', { rows: { kind: 'codes' }, mode: 'overlap' })), { op: '<=', value: 500 }),
      cooccurrenceUnitMs: figure('ms', await timed(o.runs, () => call('analysis.cooccurrence', { rows: { kind: 'codes' }, mode: 'unit' })), null),
      excerptsFirstPageMs: figure('ms', await timed(o.runs, () => call('analysis.excerpts', { codeIds: [leaf.id], limit: 100 })), null),
      frequencyCoverageMs: figure('ms', await timed(o.runs, () => call('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'coverage' })), null),
    };
  } finally {
    host.close();
  }
}

const isMain = process.argv[1] !== undefined && /bench[\\/]analysis\.ts$/.test(process.argv[1]);
if (isMain) {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
  };
  const corpus = arg('corpus', 'large');
  if (!isCorpusName(corpus)) throw new Error(`unknown corpus ${corpus}`);
  const workDir = join(process.cwd(), '.bench-out', `analysis-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  runAnalysisBench({ spec: corpusSpec(corpus), runs: Number(arg('runs', '3')), workDir, log: (m) => process.stderr.write(`${m}\n`) })
    .then((figures) => process.stdout.write(`${JSON.stringify({ corpus, analysis: figures }, null, 2)}\n`))
    .finally(() => rmSync(workDir, { recursive: true, force: true }));
}
