/**
 * The accepted figures (bench/baseline.json) and a run compared with them. Pure functions: run.ts
 * reads and writes the file and prints; test/unit/bench/compare.test.ts checks the rules.
 */
import type { Figure } from './stats.ts';

/** Which way a figure gets better: a rate up, a time or a size down. */
export type Better = 'higher' | 'lower';

export type BaselineFigure = {
  median: number;
  unit: string;
  better: Better;
  /** The corpus the figure was measured on; null for sections with a corpus of their own (editor, import, chart). */
  corpus: string | null;
  runs: number[];
  /** When and at which commit this figure was accepted. */
  accepted: { date: string; commit: string };
};

export type Baseline = {
  /** The machine the figures were measured on: they belong to it. */
  machine: string;
  /** The last time figures were accepted into the file (each figure says its own). */
  date: string;
  commit: string;
  note: string;
  figures: Record<string, BaselineFigure>;
};

export type FigureComparison = {
  baseline: number;
  current: number;
  unit: string;
  better: Better;
  /** current / baseline median. */
  ratio: number;
  /** Worse than the baseline by more than the tolerance, in the figure's own direction. */
  regression: boolean;
};

export type Comparison = {
  baseline: { machine: string; date: string; commit: string };
  tolerance: number;
  figures: Record<string, FigureComparison>;
  regressions: string[];
  /** In the baseline but measured on another corpus in this run: not compared. */
  otherCorpus: string[];
  /** In the baseline, not in this run (a section not run), and the other way round. */
  notRun: string[];
  notInBaseline: string[];
};

export const REGRESSION_TOLERANCE = 0.2;

/**
 * A figure's direction: from its budget when it has one (≥ means higher is better), else from
 * its unit (per second is a rate; anything else, ms, s, MB, is a cost).
 */
export function betterOf(f: Pick<Figure, 'unit' | 'budget'>): Better {
  if (f.budget) return f.budget.op === '>=' ? 'higher' : 'lower';
  return /\/s$/.test(f.unit) ? 'higher' : 'lower';
}

/**
 * Each figure of the run that the baseline holds, judged on medians. A higher-is-better figure
 * regresses when it falls below (1 − tolerance) × its baseline, a lower-is-better one when it
 * rises above (1 + tolerance) × its baseline. Figures measured on another corpus than the
 * baseline's are left out (their numbers do not compare).
 */
export function compareWithBaseline(
  current: Record<string, Pick<Figure, 'median' | 'unit' | 'budget'>>,
  corpusOf: (name: string) => string | null,
  baseline: Baseline,
  tolerance = REGRESSION_TOLERANCE,
): Comparison {
  const figures: Record<string, FigureComparison> = {};
  const otherCorpus: string[] = [];
  for (const [name, f] of Object.entries(current)) {
    const base = baseline.figures[name];
    if (!base) continue;
    if (base.corpus !== corpusOf(name)) {
      otherCorpus.push(name);
      continue;
    }
    const ratio = base.median === 0 ? (f.median === 0 ? 1 : Infinity) : f.median / base.median;
    const regression = base.better === 'higher' ? ratio < 1 - tolerance : ratio > 1 + tolerance;
    figures[name] = { baseline: base.median, current: f.median, unit: f.unit, better: base.better, ratio: Number(ratio.toFixed(3)), regression };
  }
  return {
    baseline: { machine: baseline.machine, date: baseline.date, commit: baseline.commit },
    tolerance,
    figures,
    regressions: Object.keys(figures).filter((n) => figures[n]!.regression),
    otherCorpus,
    notRun: Object.keys(baseline.figures).filter((n) => !(n in current)),
    notInBaseline: Object.keys(current).filter((n) => !(n in baseline.figures)),
  };
}

/** One line per compared figure for stderr, regressions marked. */
export function comparisonLines(c: Comparison): string[] {
  const lines = Object.entries(c.figures).map(([name, f]) => {
    const mark = f.regression ? `REGRESSION (${f.better} is better, beyond ${Math.round(c.tolerance * 100)}%)` : 'ok';
    return `${name}: ${f.current} ${f.unit} vs baseline ${f.baseline} → ×${f.ratio} ${mark}`;
  });
  if (c.otherCorpus.length > 0) lines.push(`not compared (baseline measured on another corpus): ${c.otherCorpus.join(', ')}`);
  lines.push(c.regressions.length === 0 ? 'no regression beyond the tolerance' : `${c.regressions.length} regression(s): ${c.regressions.join(', ')}`);
  return lines;
}

/**
 * The baseline with this run's figures accepted: figures of the run replace or join those of
 * the file, the others stay (sections can be accepted one at a time).
 */
export function acceptIntoBaseline(
  previous: Baseline | null,
  current: Record<string, Figure>,
  corpusOf: (name: string) => string | null,
  about: { machine: string; date: string; commit: string },
): Baseline {
  const figures: Record<string, BaselineFigure> = { ...(previous?.figures ?? {}) };
  for (const [name, f] of Object.entries(current)) {
    figures[name] = { median: f.median, unit: f.unit, better: betterOf(f), corpus: corpusOf(name), runs: f.runs, accepted: { date: about.date, commit: about.commit } };
  }
  const sorted = Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
  return { ...about, note: previous?.note ?? '', figures: sorted };
}
