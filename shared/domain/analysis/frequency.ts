import { buildColumns, type AttributeLite, type ParticipantLite } from './columns.ts';
import { ownerSegmentsOfColumns, type OwnerSegment, type UnitColumns } from './ownership.ts';
import { forEachOverlap, unionRanges, type Range } from './ranges.ts';
import { buildRows, type CodeLite } from './rows.ts';
import type { ColumnSpec, FrequencyMatrix, MatrixColumn, MatrixRow, RowSpec } from './types.ts';

export type CodingLite = { id: number; codeId: number; sourceId: number; start: number; end: number };

/** The codebook and the people, what every matrix is laid out from. */
export type MatrixBase = { codes: CodeLite[]; participants: ParticipantLite[]; attributes: AttributeLite[] };

/** The raw rows coverage is computed from (already limited to the chosen source kinds). */
export type AnalysisData = MatrixBase & {
  /** Every unit, as columns (a project of 10M words has ~300k). */
  units: UnitColumns;
  codings: CodingLite[];
  /** Sources without any unit: all of their text is unattributed. */
  unitlessSources: { id: number; length: number }[];
};

/** Codings counted by code and credited participant: the store's coding_credit in one GROUP BY. */
export type CreditGroup = { codeId: number; participantId: number | null; n: number };

/** The codes coded in one source for one credited participant (for distinct-source counts). */
export type SourceGroup = { sourceId: number; participantId: number | null; codeIds: number[] };

export type CountInput = { measure: 'codings'; groups: readonly CreditGroup[] } | { measure: 'sources'; groups: readonly SourceGroup[]; codings: readonly CreditGroup[] };

const grid = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

type Layout = { rows: MatrixRow[]; columns: MatrixColumn[]; columnOf: (pid: number | null) => number; rowsOfCode: Map<number, number[]> };

function layout(base: MatrixBase, directlyCoded: ReadonlySet<number>, rowSpec: RowSpec, columnSpec: ColumnSpec): Layout {
  const rows = buildRows(base.codes, rowSpec, { partition: false, directlyCoded });
  const { columns, columnOf } = buildColumns(columnSpec, base.participants, base.attributes);
  const rowsOfCode = new Map<number, number[]>();
  rows.forEach((r, i) => {
    for (const id of r.codeIds) {
      const list = rowsOfCode.get(id);
      if (list) list.push(i);
      else rowsOfCode.set(id, [i]);
    }
  });
  return { rows, columns, columnOf, rowsOfCode };
}

/**
 * Categories × participants (or attribute values), counting codings or sources. Counting
 * rules, also shown in the UI:
 * - codings: a coding counts once in a row when its code is the row's code or (rolled up) a
 *   descendant; it goes to the column of the participant its start is credited to.
 * - sources: distinct sources holding such codings.
 * Totals are distinct too: a row total counts each coding (or source) once over all columns,
 * a column total once over all rows.
 */
export function countFrequency(base: MatrixBase, input: CountInput, rowSpec: RowSpec, columnSpec: ColumnSpec): FrequencyMatrix {
  const codingGroups = input.measure === 'codings' ? input.groups : input.codings;
  const { rows, columns, columnOf, rowsOfCode } = layout(base, new Set(codingGroups.map((g) => g.codeId)), rowSpec, columnSpec);
  const R = rows.length;
  const C = columns.length;
  const values = grid(R, C);
  const rowTotals = new Array<number>(R).fill(0);
  const columnTotals = new Array<number>(C).fill(0);
  let codingCount = 0;
  for (const g of codingGroups) if (rowsOfCode.has(g.codeId)) codingCount += g.n;
  let sourceCount = 0;
  if (input.measure === 'codings') {
    for (const g of input.groups) {
      const rs = rowsOfCode.get(g.codeId);
      if (!rs) continue;
      const col = columnOf(g.participantId);
      columnTotals[col]! += g.n;
      for (const r of rs) {
        values[r]![col]! += g.n;
        rowTotals[r]! += g.n;
      }
    }
  } else {
    // Distinct sources: groups come one per source and participant; a cell, a row or a
    // column counts a source once however many of its codes and participants it holds.
    const sorted = [...input.groups].sort((a, b) => a.sourceId - b.sourceId);
    const cellSeen = new Array<number>(R * C).fill(-1);
    const rowSeen = new Array<number>(R).fill(-1);
    const colSeen = new Array<number>(C).fill(-1);
    let lastSource = -1;
    for (const g of sorted) {
      const s = g.sourceId;
      const col = columnOf(g.participantId);
      for (const code of g.codeIds) {
        const rs = rowsOfCode.get(code);
        if (!rs) continue;
        if (lastSource !== s) {
          lastSource = s;
          sourceCount++;
        }
        if (colSeen[col] !== s) {
          colSeen[col] = s;
          columnTotals[col]!++;
        }
        for (const r of rs) {
          if (cellSeen[r * C + col] !== s) {
            cellSeen[r * C + col] = s;
            values[r]![col]!++;
          }
          if (rowSeen[r] !== s) {
            rowSeen[r] = s;
            rowTotals[r]!++;
          }
        }
      }
    }
  }
  const grandTotal = input.measure === 'codings' ? codingCount : sourceCount;
  return { rows, columns, measure: input.measure, values, rowTotals, columnTotals, grandTotal, columnTextLength: null, codingCount };
}

/** Owner segments of every source, unit-less sources as one unattributed segment. */
export function segmentsOf(data: Pick<AnalysisData, 'units' | 'unitlessSources'>): Map<number, OwnerSegment[]> {
  const segs = ownerSegmentsOfColumns(data.units);
  for (const s of data.unitlessSources) if (!segs.has(s.id) && s.length > 0) segs.set(s.id, [{ start: 0, end: s.length, unitId: 0, participantId: null }]);
  return segs;
}

/** Codings grouped by source, each source's list sorted by start. */
export function codingsBySource<C extends CodingLite>(codings: readonly C[]): Map<number, C[]> {
  const out = new Map<number, C[]>();
  for (const c of codings) {
    const list = out.get(c.sourceId);
    if (list) list.push(c);
    else out.set(c.sourceId, [c]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  return out;
}

/**
 * Coverage: the union of the row's coded ranges (overlaps counted once) within the column's
 * text, divided by the length of that text. A column's text is its participants' units
 * (position by position, the unit that owns it), wherever the coding is credited.
 */
export function coverageFrequency(data: AnalysisData, rowSpec: RowSpec, columnSpec: ColumnSpec): FrequencyMatrix {
  const { rows, columns, columnOf, rowsOfCode } = layout(data, new Set(data.codings.map((c) => c.codeId)), rowSpec, columnSpec);
  const R = rows.length;
  const C = columns.length;
  const covered = grid(R, C);
  const rowCovered = new Array<number>(R).fill(0);
  const colCovered = new Array<number>(C).fill(0);
  const textLength = new Array<number>(C).fill(0);
  const segs = segmentsOf(data);
  for (const list of segs.values()) for (const s of list) textLength[columnOf(s.participantId)]! += s.end - s.start;

  // Codings by source; their order does not matter, unionRanges sorts what it merges.
  const bySource = new Map<number, CodingLite[]>();
  for (const c of data.codings) {
    const list = bySource.get(c.sourceId);
    if (list) list.push(c);
    else bySource.set(c.sourceId, [c]);
  }
  // One list of ranges per row, emptied after each source: no map or lists per source.
  const rowRanges: Range[][] = Array.from({ length: R }, () => []);
  const touched: number[] = [];
  // The visitors are made once, not per row and source (100k of them at 100k codings).
  let row: number[] = [];
  let inRow = 0;
  const countInRow = (s: OwnerSegment, len: number): void => {
    row[columnOf(s.participantId)]! += len;
    inRow += len;
  };
  const countInColumn = (s: OwnerSegment, len: number): void => {
    colCovered[columnOf(s.participantId)]! += len;
  };
  let codingCount = 0;
  for (const [sourceId, list] of bySource) {
    const src = segs.get(sourceId) ?? [];
    const anyRanges: Range[] = [];
    for (const c of list) {
      const rs = rowsOfCode.get(c.codeId);
      if (!rs) continue;
      codingCount++;
      anyRanges.push(c);
      for (const r of rs) {
        const ranges = rowRanges[r]!;
        if (ranges.length === 0) touched.push(r);
        ranges.push(c);
      }
    }
    for (const r of touched) {
      row = covered[r]!;
      inRow = 0;
      forEachOverlap(unionRanges(rowRanges[r]!), src, countInRow);
      rowCovered[r]! += inRow;
      rowRanges[r]!.length = 0;
    }
    touched.length = 0;
    forEachOverlap(unionRanges(anyRanges), src, countInColumn);
  }
  const allText = textLength.reduce((a, b) => a + b, 0);
  const share = (n: number, d: number) => (d > 0 ? n / d : 0);
  return {
    rows,
    columns,
    measure: 'coverage',
    values: covered.map((r) => r.map((n, c) => share(n, textLength[c]!))),
    rowTotals: rowCovered.map((n) => share(n, allText)),
    columnTotals: colCovered.map((n, c) => share(n, textLength[c]!)),
    // Columns own disjoint text, so the union over all of them is the sum of their unions.
    grandTotal: share(colCovered.reduce((a, b) => a + b, 0), allText),
    columnTextLength: textLength,
    codingCount,
  };
}

