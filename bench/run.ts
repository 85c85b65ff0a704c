/**
 * `npm run bench [-- --only store] [--corpus large] [--runs 3] [--samples 500] [--text-scale 1] [--keep] [--compare] [--accept] [--baseline path]`
 * Prints one JSON object on stdout; progress goes to stderr. Never gates CI: the numbers
 * depend on the machine, so the budgets are reported, not enforced.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CORPORA, isCorpusName, scaleText } from './corpora.ts';
import { machine, peakRssMB, type Figure } from './stats.ts';
import { applyBaseline, DEFAULT_BASELINE } from './baseline-file.ts';
import { runStoreBench } from './store.ts';
import { runEditorBench, runEditorScaleBench } from './editor.ts';
import { runImportBench } from './import.ts';
import { runAnalysisBench } from './analysis.ts';
import { runChartBench } from './analysis-chart.ts';
import { runTeamBench } from './team.ts';

type Args = { only: string[]; corpus: string; runs: number; samples: number; textScale: number; keep: boolean; compare: boolean; accept: boolean; baseline: string; codings: number[]; clients: number; seconds: number };

const SECTIONS = ['store', 'editor', 'editorScale', 'import', 'analysis', 'chart', 'team'] as const;
const USAGE = 'usage: npm run -s bench -- [--only store,editor,editorScale] [--corpus large] [--runs 3] [--samples 500] [--text-scale 1] [--codings 1000,10000,100000] [--clients 50] [--seconds 10] [--keep] [--compare] [--accept] [--baseline bench/baseline.json]';

/** A bad command line: reported as one line with the usage, not as a stack trace. */
class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: [...SECTIONS], corpus: 'large', runs: 3, samples: 500, textScale: 1, keep: false, compare: false, accept: false, baseline: DEFAULT_BASELINE, codings: [1_000, 10_000, 100_000], clients: 50, seconds: 10 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const positive = (what: string, v: number, integer: boolean): number => {
      if (!(v > 0) || (integer && !Number.isInteger(v))) throw new UsageError(`${what} must be a positive ${integer ? 'integer' : 'number'}`);
      return v;
    };
    if (flag === '--only') args.only = value().split(',');
    else if (flag === '--corpus') args.corpus = value();
    else if (flag === '--runs') args.runs = positive('--runs', Number(value()), true);
    else if (flag === '--samples') args.samples = positive('--samples', Number(value()), true);
    else if (flag === '--text-scale') args.textScale = positive('--text-scale', Number(value()), false);
    else if (flag === '--codings') args.codings = value().split(',').map((n) => positive('--codings', Number(n), true));
    else if (flag === '--clients') args.clients = positive('--clients', Number(value()), true);
    else if (flag === '--seconds') args.seconds = positive('--seconds', Number(value()), false);
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--compare') args.compare = true;
    else if (flag === '--accept') args.accept = true;
    else if (flag === '--baseline') args.baseline = value();
    else throw new UsageError(`unknown argument ${flag}`);
  }
  const unknown = args.only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`unknown section ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  if (!isCorpusName(args.corpus)) throw new UsageError(`unknown corpus ${args.corpus}; known: ${Object.keys(CORPORA).join(', ')}`);
  if (args.runs < 3) process.stderr.write(`note: --runs ${args.runs} is below the 3 runs the figures are meant to have\n`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (message: string): void => void process.stderr.write(`${message}\n`);
  const outDir = join(process.cwd(), '.bench-out');
  const workDir = join(outDir, `run-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  const sqlite = new Database(':memory:');
  const sqliteVersion = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  sqlite.close();

  const report: Record<string, unknown> = {
    bench: 'marginalia',
    startedAt: new Date().toISOString(),
    machine: machine(sqliteVersion),
    args,
  };
  const figures: Record<string, Figure> = {};
  try {
    if (args.only.includes('store')) {
      const base = CORPORA[args.corpus as keyof typeof CORPORA];
      const spec = scaleText(base, args.textScale);
      const store = await runStoreBench({ spec, runs: args.runs, samples: args.samples, workDir, log });
      if (args.textScale !== 1) store.corpus.notes.unshift(`text scaled to ${args.textScale}× of ${base.name}; codes, codings and participants as in ${base.name}`);
      report['corpus'] = store.corpus;
      for (const [name, f] of Object.entries(store.figures)) figures[`store.${name}`] = f;
    }
    if (args.only.includes('editor')) {
      // Its own corpus (one 200k-word interview, see editor.ts): --corpus and --samples do not apply.
      const editor = await runEditorBench({ runs: args.runs, textScale: args.textScale, outDir, workDir, log });
      report['editor'] = editor.details;
      for (const [name, f] of Object.entries(editor.figures)) figures[`editor.${name}`] = f;
    }
    if (args.only.includes('editorScale')) {
      // The editor's interview at 1k, 10k and 100k codings, and at 10k with the CPU slowed 2× (see editor.ts).
      const scale = await runEditorScaleBench({ runs: args.runs, textScale: args.textScale, outDir, workDir, log, sizes: args.codings });
      report['editorScale'] = scale.details;
      for (const [name, f] of Object.entries(scale.figures)) figures[`editorScale.${name}`] = f;
    }
    if (args.only.includes('import')) {
      // Its own corpus (1,000 plain-text transcripts of 5,000 words, see import.ts); --text-scale shortens them.
      const imported = await runImportBench({ files: 1000, words: Math.max(200, Math.round(5000 * args.textScale)), runs: args.runs, workDir, log });
      report['import'] = imported.details;
      for (const [name, f] of Object.entries(imported.figures)) figures[`import.${name}`] = f;
    }
    if (args.only.includes('analysis')) {
      const spec = scaleText(CORPORA[args.corpus as keyof typeof CORPORA], args.textScale);
      const analysis = await runAnalysisBench({ spec, runs: args.runs, workDir, log });
      report['analysis'] = { corpus: spec.name };
      for (const [name, f] of Object.entries(analysis)) figures[`analysis.${name}`] = f;
    }
    if (args.only.includes('chart')) {
      // Its own corpus (large's participants and codings on 25 codes, see analysis-chart.ts); --corpus does not apply.
      const chart = await runChartBench({ runs: args.runs, textScale: args.textScale, outDir, workDir, log });
      report['chart'] = chart.details;
      for (const [name, f] of Object.entries(chart.figures)) figures[`chart.${name}`] = f;
    }
    if (args.only.includes('team')) {
      // The team server on an embedded PostgreSQL with --clients simulated members (see team.ts).
      const team = await runTeamBench({ runs: args.runs, clients: args.clients, seconds: args.seconds, batch: 10, workDir, log });
      report['team'] = team.details;
      for (const [name, f] of Object.entries(team.figures)) figures[`team.${name}`] = f;
    }
  } finally {
    if (!args.keep) {
      rmSync(workDir, { recursive: true, force: true });
      // Another bench may be running beside this one: remove the folder only when nothing else is in it.
      if (readdirSync(outDir).length === 0) rmSync(outDir, { recursive: true, force: true });
    }
  }
  const judged = Object.entries(figures).filter(([, f]) => f.pass !== null);
  report['figures'] = figures;
  report['summary'] = {
    passed: judged.filter(([, f]) => f.pass).map(([n]) => n),
    failed: judged.filter(([, f]) => !f.pass).map(([n]) => n),
    peakRssMB: peakRssMB(),
  };
  // Store and analysis figures are measured on --corpus; the other sections bring their own.
  const corpusName = scaleText(CORPORA[args.corpus as keyof typeof CORPORA], args.textScale).name;
  const corpusOf = (name: string): string | null => (name.startsWith('store.') || name.startsWith('analysis.') ? corpusName : null);
  const compared = applyBaseline(args, figures, corpusOf, report['machine'] as ReturnType<typeof machine>, log);
  if (compared) report['compare'] = compared;
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
  else process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
