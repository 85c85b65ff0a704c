import { describe, expect, it } from 'vitest';
import { chartData } from '../../../shared/domain/analysis/chart-data.ts';
import { toCsv, fileNameFor } from '../../../shared/domain/analysis/csv.ts';
import { heat } from '../../../shared/domain/analysis/heat.ts';
import { contrastRatio } from '../../../shared/domain/palette.ts';
import { kwic } from '../../../shared/domain/analysis/kwic.ts';
import { ownerSegments, ownerSegmentsBySource, ownerSegmentsOfColumns, segmentAt, type UnitLite } from '../../../shared/domain/analysis/ownership.ts';
import { unionRanges } from '../../../shared/domain/analysis/ranges.ts';
import { frequencyTable } from '../../../shared/domain/analysis/tables.ts';
import type { FrequencyMatrix } from '../../../shared/domain/analysis/types.ts';
import { wordFrequency } from '../../../shared/domain/analysis/word-frequency.ts';

describe('ownership of text positions', () => {
  it('gives a position to the containing unit that starts last, and nothing to gaps', () => {
    const segs = ownerSegments([
      { id: 1, sourceId: 1, start: 0, end: 100, participantId: null }, // a page
      { id: 2, sourceId: 1, start: 10, end: 20, participantId: 7 },
      { id: 3, sourceId: 1, start: 30, end: 40, participantId: 8 },
      { id: 4, sourceId: 1, start: 120, end: 130, participantId: 9 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.unitId])).toEqual([[0, 10, 1], [10, 20, 2], [20, 30, 1], [30, 40, 3], [40, 100, 1], [120, 130, 4]]);
    expect(segmentAt(segs, 115)).toBeUndefined();
    expect(segmentAt(segs, 35)?.participantId).toBe(8);
  });

  it('cuts units read as columns as it cuts unit objects: in order, nested, stored out of order, empty', () => {
    const units: UnitLite[] = [
      { id: 1, sourceId: 1, start: 0, end: 10, participantId: 7 }, // source 1: one after another
      { id: 2, sourceId: 1, start: 12, end: 30, participantId: null },
      { id: 3, sourceId: 2, start: 0, end: 100, participantId: null }, // source 2: a page holding turns
      { id: 9, sourceId: 1, start: 30, end: 40, participantId: 8 },
      { id: 4, sourceId: 2, start: 10, end: 20, participantId: 7 },
      { id: 5, sourceId: 3, start: 50, end: 60, participantId: 8 }, // source 3: stored out of order
      { id: 6, sourceId: 3, start: 0, end: 20, participantId: 7 },
      { id: 7, sourceId: 4, start: 5, end: 5, participantId: 7 }, // source 4: an empty unit, then one after it
      { id: 8, sourceId: 4, start: 5, end: 9, participantId: 8 },
    ];
    const columns = {
      id: units.map((u) => u.id),
      sourceId: units.map((u) => u.sourceId),
      start: units.map((u) => u.start),
      end: units.map((u) => u.end),
      participantId: units.map((u) => u.participantId),
    };
    const byColumns = ownerSegmentsOfColumns(columns);
    expect(byColumns).toEqual(ownerSegmentsBySource(units));
    expect(byColumns.get(2)!.map((s) => [s.start, s.end, s.unitId])).toEqual([[0, 10, 3], [10, 20, 4], [20, 100, 3]]);
    expect(byColumns.get(3)!.map((s) => s.unitId)).toEqual([6, 5]);
    expect(byColumns.get(4)!.map((s) => [s.start, s.end, s.unitId])).toEqual([[5, 9, 8]]);
  });

  it('merges overlapping and touching ranges', () => {
    expect(unionRanges([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 6 }, { start: 20, end: 20 }])).toEqual([{ start: 0, end: 9 }]);
  });
});

describe('tables and charts', () => {
  const m: FrequencyMatrix = {
    rows: [
      { key: 'code:1', codeId: 1, label: 'Why', path: ['Why'], color: '#000000', depth: 0, codeIds: [1, 2], leaf: false },
      { key: 'code:2', codeId: 2, label: 'Value, added', path: ['Why', 'Value, added'], color: '#000000', depth: 1, codeIds: [2], leaf: true },
    ],
    columns: [
      { key: 'p:1', label: 'PA', participantIds: [1], filter: { kind: 'participant', participantId: 1 } },
      { key: 'none', label: 'Unattributed', participantIds: [], filter: { kind: 'unattributed' } },
    ],
    measure: 'codings',
    values: [[3, 1], [2, 0]],
    rowTotals: [4, 2],
    columnTotals: [3, 1],
    grandTotal: 4,
    columnTextLength: null,
    codingCount: 4,
  };

  it('writes CSV that spreadsheets read safely', () => {
    const csv = toCsv(frequencyTable(m, 'F', false));
    // The "All rows" line counts each coding once (4), not the rows' sum (6), as the table does.
    expect(csv).toBe('Code,PA,Total\r\nWhy,3,4\r\n"Why / Value, added",2,2\r\nAll rows,3,4\r\n');
    expect(toCsv({ columns: ['a'], rows: [['=HYPERLINK("x")'], ['line\nbreak'], [null]] })).toBe('a\r\n"\'=HYPERLINK(""x"")"\r\n"line\nbreak"\r\n\r\n');
    const coverage: FrequencyMatrix = { ...m, measure: 'coverage', values: [[0.1234, 0.5], [0.05, 0]], rowTotals: [0.2, 0.04], columnTotals: [0.2, 0.5], grandTotal: 0.25, columnTextLength: [100, 10] };
    expect(toCsv(frequencyTable(coverage, 'F', true)).split('\r\n')[1]).toBe('Why,12.3,50,20');
    expect(fileNameFor('Frequency — by rôle', 'csv')).toBe('frequency-by-role.csv');
  });

  it('names the coders counted in the export notes, and none when the project has one coder', () => {
    expect(frequencyTable(m, 'F', false).notes).toEqual(['Measure: Codings']);
    expect(frequencyTable(m, 'F', false, ['Ana Ruiz']).notes).toEqual(['Measure: Codings', 'Coders: Ana Ruiz']);
    expect(fileNameFor('Codings by participant — Ana Ruiz', 'csv')).toBe('codings-by-participant-ana-ruiz.csv');
  });

  it('charts leaf rows only, one series per shown column', () => {
    const { data, series } = chartData(m, false);
    expect(series.map((s) => s.label)).toEqual(['PA']);
    expect(data).toEqual([{ rowKey: 'code:2', row: 1, label: 'Value, added', s0: 2 }]);
  });

  it('shades cells from white to the accent, with readable text', () => {
    expect(heat(0, 10)).toEqual({ background: '#ffffff', color: '#23221f' });
    expect(heat(5, 0).background).toBe('#ffffff');
    // Deeper with the value, and every shade keeps its text at WCAG AA contrast.
    const shades = Array.from({ length: 101 }, (_, v) => heat(v, 100));
    const depth = shades.map((s) => contrastRatio(s.background, '#ffffff'));
    expect(depth.every((d, v) => v === 0 || d > depth[v - 1]!)).toBe(true);
    expect(depth[100]).toBeGreaterThan(3);
    for (const s of shades) expect(contrastRatio(s.color, s.background), s.background).toBeGreaterThanOrEqual(4.5);
  });
});

describe('keyword in context and word counts', () => {
  it('cuts context at word breaks inside the unit', () => {
    const text = 'alpha beta gamma delta epsilon KEY zeta eta theta iota kappa';
    const start = text.indexOf('KEY');
    const line = kwic(text, { start, end: start + 3 }, { start: 0, end: text.length }, 12);
    expect(line.match).toBe('KEY');
    expect(line.before.startsWith('…')).toBe(true);
    expect(line.before.endsWith('epsilon ')).toBe(true);
    expect(line.after).toMatch(/^ zeta eta/);
  });

  it('leaves out English and Spanish stop words and counts sources', () => {
    const w = wordFrequency(
      [{ sourceId: 1, text: 'The badge and the badge. El crédito de la universidad.' }, { sourceId: 2, text: "Badge isn't 2024 crédito" }],
      { languages: ['en', 'es'], minLength: 1, limit: 10 },
    );
    expect(w.words).toEqual([
      { word: 'badge', count: 3, sources: 2 },
      { word: 'crédito', count: 2, sources: 2 },
      { word: 'universidad', count: 1, sources: 1 },
    ]);
    expect(w.totalWords).toBe(6);
  });
});
