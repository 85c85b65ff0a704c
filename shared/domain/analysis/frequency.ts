import { buildColumns, type AttributeLite, type ParticipantLite } from './columns.ts';
import { ownerSegmentsBySource, segmentAt, type OwnerSegment, type UnitLite } from './ownership.ts';
import { forEachOverlap, unionRanges, type Range } from './ranges.ts';
import { buildRows, type CodeLite } from './rows.ts';
import type { ColumnSpec, FrequencyMatrix, Measure, RowSpec } from './types.ts';

export type CodingLite = { id: number; codeId: number; sourceId: number; start: number; end: number };

/** The raw rows a matrix is computed from (already limited to the chosen source kinds). */
export type AnalysisData = {
  codes: CodeLite[];
  participants: ParticipantLite[];
  attributes: AttributeLite[];
  units: UnitLite[];
  codings: CodingLite[];
  /** Sources without any unit: all of their text is unattributed. */
  unitlessSources: { id: number; length: number }[];
};

const grid = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/** Owner segments of every source, unit-less sources as one unattributed segment. */
export function segmentsOf(data: Pick<AnalysisData, 'units' | 'unitlessSources'>): Map<number, OwnerSegment[]> {
  const segs = ownerSegmentsBySource(data.units);
  for (const s of data.unitlessSources) if (!segs.has(s.id) && s.length > 0) segs.set(s.id, [{ start: 0, end: s.length, unitId: 0, participantId: null }]);
  return segs;
}

/** Codings grouped by source, each source's list sorted by start. */
export function codingsBySource<C extends CodingLite>(codings: readonly C[]): Map<number, C[]> {
  const out = new Map<number, C[]>();
  for (const c of codings) {
    const list = out.get(c.sourceId) ?? [];
    list.push(c);
    out.set(c.sourceId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  return out;
}

/**
 * Categories × participants (or attribute values). Counting rules, also shown in the UI:
 * - codings: a coding counts once in a row when its code is the row's code or (rolled up) a
 *   descendant; it goes to the column of the participant its start is credited to.
 * - sources: distinct sources holding such codings.
 * - coverage: the union of the row's coded ranges (overlaps counted once) within the column's
 *   text, divided by the length of that text. Text is the participant's units, wherever the
 *   coding is credited.
 */
export function computeFrequency(data: AnalysisData, rowSpec: RowSpec, columnSpec: ColumnSpec): FrequencyMatrix {
  const directlyCoded = new Set(data.codings.map((c) => c.codeId));
  const rows = buildRows(data.codes, rowSpec, { partition: false, directlyCoded });
  const { columns, columnOf } = buildColumns(columnSpec, data.participants, data.attributes);
  const R = rows.length;
  const C = columns.length;
  const rowsOfCode = new Map<number, number[]>();
  rows.forEach((r, i) => r.codeIds.forEach((id) => rowsOfCode.set(id, [...(rowsOfCode.get(id) ?? []), i])));

  const codings = grid(R, C);
  const sources = grid(R, C);
  const covered = grid(R, C);
  const rowCodings = new Array<number>(R).fill(0);
  const rowSources = new Array<number>(R).fill(0);
  const rowCovered = new Array<number>(R).fill(0);
  const colCodings = new Array<number>(C).fill(0);
  const colSources = new Array<number>(C).fill(0);
  const colCovered = new Array<number>(C).fill(0);
  const textLength = new Array<number>(C).fill(0);

  const segs = segmentsOf(data);
  for (const list of segs.values()) for (const s of list) textLength[columnOf(s.participantId)]! += s.end - s.start;

  let seen = 0;
  for (const [sourceId, list] of codingsBySource(data.codings)) {
    const src = segs.get(sourceId) ?? [];
    const rowRanges = new Map<number, Range[]>();
    const anyRanges: Range[] = [];
    const cellHere = new Set<number>();
    const rowHere = new Set<number>();
    const colHere = new Set<number>();
    for (const c of list) {
      const rs = rowsOfCode.get(c.codeId);
      if (!rs) continue;
      seen++;
      const col = columnOf(segmentAt(src, c.start)?.participantId ?? null);
      colCodings[col]!++;
      colHere.add(col);
      anyRanges.push(c);
      for (const r of rs) {
        codings[r]![col]!++;
        rowCodings[r]!++;
        cellHere.add(r * C + col);
        rowHere.add(r);
        const ranges = rowRanges.get(r) ?? [];
        ranges.push(c);
        rowRanges.set(r, ranges);
      }
    }
    for (const cell of cellHere) sources[Math.floor(cell / C)]![cell % C]!++;
    for (const r of rowHere) rowSources[r]!++;
    for (const col of colHere) colSources[col]!++;
    for (const [r, ranges] of rowRanges) {
      forEachOverlap(unionRanges(ranges), src, (s, len) => {
        covered[r]![columnOf(s.participantId)]! += len;
        rowCovered[r]! += len;
      });
    }
    forEachOverlap(unionRanges(anyRanges), src, (s, len) => {
      colCovered[columnOf(s.participantId)]! += len;
    });
  }

  const allText = textLength.reduce((a, b) => a + b, 0);
  const share = (n: number, d: number) => (d > 0 ? n / d : 0);
  const values: Record<Measure, number[][]> = {
    codings,
    sources,
    coverage: covered.map((r) => r.map((n, c) => share(n, textLength[c]!))),
  };
  return {
    rows,
    columns,
    values,
    rowTotals: { codings: rowCodings, sources: rowSources, coverage: rowCovered.map((n) => share(n, allText)) },
    columnTotals: { codings: colCodings, sources: colSources, coverage: colCovered.map((n, c) => share(n, textLength[c]!)) },
    columnTextLength: textLength,
    codingCount: seen,
  };
}
