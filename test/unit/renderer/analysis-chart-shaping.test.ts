import { describe, expect, it } from 'vitest';
import { chartData } from '../../../shared/domain/analysis/chart-data.ts';
import type { FrequencyMatrix } from '../../../shared/domain/analysis/types.ts';
import { barRows, groupedBars, isBarRow, rowExtent, stackedBars, wrapWords } from '../../../renderer/src/features/analysis/chart-shaping.ts';

describe('frequency chart rows', () => {
  const m: FrequencyMatrix = {
    rows: [
      { key: 'code:1', codeId: 1, label: 'Why', path: ['Why'], color: '#000000', depth: 0, codeIds: [1, 2, 3], leaf: false },
      { key: 'code:2', codeId: 2, label: 'Value added', path: ['Why', 'Value added'], color: '#000000', depth: 1, codeIds: [2], leaf: true },
      { key: 'code:3', codeId: 3, label: 'Strategy', path: ['Why', 'Strategy'], color: '#000000', depth: 1, codeIds: [3], leaf: true },
    ],
    columns: [
      { key: 'p:1', label: 'PA', participantIds: [1], filter: { kind: 'participant', participantId: 1 } },
      { key: 'p:2', label: 'PB', participantIds: [2], filter: { kind: 'participant', participantId: 2 } },
      { key: 'none', label: 'Unattributed', participantIds: [], filter: { kind: 'unattributed' } },
    ],
    measure: 'codings',
    values: [[5, 4, 1], [3, 0, 1], [2, 4, 0]],
    rowTotals: [10, 4, 6],
    columnTotals: [5, 4, 1],
    grandTotal: 10,
    columnTextLength: null,
    codingCount: 10,
  };

  it('keeps one row per category with its values in series order and how far its bars reach', () => {
    const { data, series } = chartData(m, true);
    const rows = barRows(data, series, false);
    expect(rows.map(({ rowKey, row, label, values, stacked, extent }) => ({ rowKey, row, label, values, stacked, extent }))).toEqual([
      { rowKey: 'code:2', row: 1, label: 'Value added', values: [3, 0, 1], stacked: false, extent: 3 },
      { rowKey: 'code:3', row: 2, label: 'Strategy', values: [2, 4, 0], stacked: false, extent: 4 },
    ]);
    // Each row carries the series its values belong to, so a bar is never drawn against another set of columns.
    expect(rows.every((r) => r.series === series)).toBe(true);
    expect(rows.every(isBarRow)).toBe(true);
    expect(isBarRow({ label: 'x' })).toBe(false);
  });

  it('reaches as far as the total when stacked', () => {
    const { data, series } = chartData(m, true);
    expect(barRows(data, series, true).map(rowExtent)).toEqual([4, 6]);
  });

  it('follows the shown columns when Unattributed is hidden', () => {
    const { data, series } = chartData(m, false);
    expect(barRows(data, series, false).map((r) => [r.values, r.series.map((s) => s.label)])).toEqual([[[3, 0], ['PA', 'PB']], [[2, 4], ['PA', 'PB']]]);
  });
});

describe('bars inside a category group', () => {
  const row = { values: [3, 0, 6] };

  it('puts grouped bars one under the other, 4 px apart, sized in whole pixels, lengths scaled to the longest', () => {
    // A 36 px box for 3 series: (36 - 2 × 4) / 3 = 9.33, drawn 9 px thick at 0, 13 and 26.
    const bars = groupedBars({ x: 100, y: 50, width: 300, height: 36 }, row.values);
    expect(bars).toEqual([
      { x: 100, y: 50, width: 150, height: 9 },
      { x: 100, y: 63, width: 0, height: 9 },
      { x: 100, y: 76, width: 300, height: 9 },
    ]);
  });

  it('drops the gap when the bars would not fit, and keeps sub-pixel bars unrounded', () => {
    // 6 px for 4 bars leaves no room for gaps: 1.5 px each, rounded to 2 as recharts does.
    expect(groupedBars({ x: 0, y: 0, width: 10, height: 6 }, [1, 1, 1, 1]).map((b) => [b.y, b.height])).toEqual([[0, 2], [2, 2], [4, 2], [6, 2]]);
    expect(groupedBars({ x: 0, y: 0, width: 10, height: 3 }, [1, 1, 1, 1]).map((b) => [b.y, b.height])).toEqual([[0, 0.75], [0.75, 0.75], [1.5, 0.75], [2.25, 0.75]]);
    expect(groupedBars({ x: 0, y: 0, width: 10, height: 10 }, [0, 0]).map((b) => b.width)).toEqual([0, 0]);
  });

  it('lays stacked bars end to end in series order across the box of the total', () => {
    expect(stackedBars({ x: 100, y: 5, width: 90, height: 20 }, row.values)).toEqual([
      { x: 100, y: 5, width: 30, height: 20 },
      { x: 130, y: 5, width: 0, height: 20 },
      { x: 130, y: 5, width: 60, height: 20 },
    ]);
    expect(stackedBars({ x: 100, y: 5, width: 0, height: 20 }, [0, 0]).map((b) => [b.x, b.width])).toEqual([[100, 0], [100, 0]]);
  });
});

describe('axis label wrapping', () => {
  const words = (...ws: [string, number][]) => ws.map(([word, width]) => ({ word, width }));

  it('packs words into lines narrower than the width', () => {
    expect(wrapWords(words(['Evaluation', 70], ['and', 24], ['assignment', 76], ['process', 50]), 4, 170)).toEqual(['Evaluation and', 'assignment process']);
    expect(wrapWords(words(['Accreditation', 80]), 4, 170)).toEqual(['Accreditation']);
  });

  it('breaks when the line would reach the width exactly, and never splits a long word', () => {
    expect(wrapWords(words(['ab', 50], ['cd', 46]), 4, 100)).toEqual(['ab', 'cd']);
    expect(wrapWords(words(['ab', 50], ['cd', 45]), 4, 100)).toEqual(['ab cd']);
    expect(wrapWords(words(['Supercalifragilistic', 300], ['x', 5]), 4, 170)).toEqual(['Supercalifragilistic', 'x']);
  });
});
