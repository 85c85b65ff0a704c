import { describe, expect, it } from 'vitest';
import { acceptIntoBaseline, betterOf, compareWithBaseline, comparisonLines, type Baseline } from '../../../bench/compare.ts';
import { figure, type Figure } from '../../../bench/stats.ts';

const accepted = { date: '2026-12-06', commit: 'abc1234' };
const baseline: Baseline = {
  machine: '2× AMD EPYC, linux',
  date: '2026-12-06',
  commit: 'abc1234',
  note: '',
  figures: {
    'store.bulkInsertCodingsPerSec': { median: 150_000, unit: 'rows/s', better: 'higher', corpus: 'large', runs: [150_000], accepted },
    'store.applyCodingP95Ms': { median: 2, unit: 'ms', better: 'lower', corpus: 'large', runs: [2], accepted },
    'analysis.frequencyCoverageMs': { median: 250, unit: 'ms', better: 'lower', corpus: 'huge-text', runs: [250], accepted },
    'editor.applyP95Ms': { median: 30, unit: 'ms', better: 'lower', corpus: null, runs: [30], accepted },
  },
};
const corpusOf = (corpus: string) => (name: string) => (name.startsWith('store.') || name.startsWith('analysis.') ? corpus : null);
const run = (median: number, unit: string, budget: Figure['budget'] = null): Figure => figure(unit, [median], budget, 3);

describe('bench figures against the baseline', () => {
  it('knows which way a figure gets better: from its budget, else rates up and times down', () => {
    expect(betterOf({ unit: 'ms', budget: { op: '<=', value: 16 } })).toBe('lower');
    expect(betterOf({ unit: 'rows/s', budget: { op: '>=', value: 100_000 } })).toBe('higher');
    expect(betterOf({ unit: 'MB/s', budget: null })).toBe('higher');
    expect(betterOf({ unit: 'ms', budget: null })).toBe('lower');
    expect(betterOf({ unit: 'MB', budget: null })).toBe('lower');
  });

  it('flags a rate that fell by more than 20% and a time that rose by more than 20%, not the reverse', () => {
    const c = compareWithBaseline(
      {
        'store.bulkInsertCodingsPerSec': run(110_000, 'rows/s'), // ×0.733: worse
        'store.applyCodingP95Ms': run(1, 'ms'), // ×0.5: better
        'editor.applyP95Ms': run(40, 'ms'), // ×1.333: worse
      },
      corpusOf('large'),
      baseline,
    );
    expect(c.regressions).toEqual(['store.bulkInsertCodingsPerSec', 'editor.applyP95Ms']);
    expect(c.figures['store.bulkInsertCodingsPerSec']).toEqual({ baseline: 150_000, current: 110_000, unit: 'rows/s', better: 'higher', ratio: 0.733, regression: true });
    expect(c.figures['store.applyCodingP95Ms']).toMatchObject({ ratio: 0.5, regression: false });
    expect(c.figures['editor.applyP95Ms']).toMatchObject({ ratio: 1.333, regression: true });
    // The coverage figure was accepted on huge-text, this run's analysis would be on large.
    expect(c.notRun).toEqual(['analysis.frequencyCoverageMs']);
    expect(comparisonLines(c).at(-1)).toBe('2 regression(s): store.bulkInsertCodingsPerSec, editor.applyP95Ms');
  });

  it('lets a figure move within 20% either way, judges the median of the runs, and says so', () => {
    const c = compareWithBaseline(
      {
        'store.bulkInsertCodingsPerSec': figure('rows/s', [60_000, 125_000, 200_000], null, 0), // median 125k: ×0.833
        'store.applyCodingP95Ms': run(2.38, 'ms'), // ×1.19
      },
      corpusOf('large'),
      baseline,
    );
    expect(c.regressions).toEqual([]);
    expect(c.figures['store.bulkInsertCodingsPerSec']!.ratio).toBe(0.833);
    expect(comparisonLines(c).at(-1)).toBe('no regression beyond the tolerance');
  });

  it('leaves out figures measured on another corpus than the baseline’s and lists figures the baseline lacks', () => {
    const c = compareWithBaseline(
      { 'store.bulkInsertCodingsPerSec': run(10, 'rows/s'), 'analysis.frequencyCoverageMs': run(9_000, 'ms'), 'store.openProjectMs': run(5, 'ms') },
      corpusOf('small20k'),
      baseline,
    );
    expect(c.figures).toEqual({});
    expect(c.regressions).toEqual([]);
    expect(c.otherCorpus).toEqual(['store.bulkInsertCodingsPerSec', 'analysis.frequencyCoverageMs']);
    expect(c.notInBaseline).toEqual(['store.openProjectMs']);
  });

  it('accepts a run into the baseline: its figures replace or join the file’s, the others stay', () => {
    const next = acceptIntoBaseline(baseline, { 'store.applyCodingP95Ms': run(1.5, 'ms', { op: '<=', value: 2 }), 'store.openProjectMs': run(250, 'ms') }, corpusOf('large'), {
      machine: 'm',
      date: '2026-12-07',
      commit: 'def5678',
    });
    expect(Object.keys(next.figures)).toEqual(['analysis.frequencyCoverageMs', 'editor.applyP95Ms', 'store.applyCodingP95Ms', 'store.bulkInsertCodingsPerSec', 'store.openProjectMs']);
    expect(next.figures['store.applyCodingP95Ms']).toEqual({ median: 1.5, unit: 'ms', better: 'lower', corpus: 'large', runs: [1.5], accepted: { date: '2026-12-07', commit: 'def5678' } });
    expect(next.figures['store.bulkInsertCodingsPerSec']).toEqual(baseline.figures['store.bulkInsertCodingsPerSec']);
    expect(next).toMatchObject({ machine: 'm', date: '2026-12-07', commit: 'def5678' });
  });
});
