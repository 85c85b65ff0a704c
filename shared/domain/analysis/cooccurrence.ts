import { codingsBySource, segmentsOf, type AnalysisData, type CodingLite } from './frequency.ts';
import { segmentAt } from './ownership.ts';
import { buildRows } from './rows.ts';
import type { CooccurrenceMatrix, CooccurrenceMode, RowSpec } from './types.ts';

export type CodingPair<C extends CodingLite = CodingLite> = { a: C; b: C; unitId: number | null };

/**
 * Every pair of codings that co-occur, each pair once. 'overlap': same source and their
 * ranges share at least one character (touching ends do not count). 'unit': their starts
 * are credited to the same unit. Sweep-line per source, so the cost grows with the number
 * of pairs, not with codings².
 */
export function forEachPair<C extends CodingLite>(
  codings: readonly C[],
  mode: CooccurrenceMode,
  data: Pick<AnalysisData, 'units' | 'unitlessSources'>,
  visit: (pair: CodingPair<C>) => void,
): void {
  const bySource = codingsBySource(codings);
  if (mode === 'overlap') {
    for (const list of bySource.values()) {
      let active: C[] = [];
      for (const c of list) {
        active = active.filter((x) => x.end > c.start);
        for (const x of active) visit({ a: x, b: c, unitId: null });
        active.push(c);
      }
    }
    return;
  }
  const segs = segmentsOf(data);
  for (const [sourceId, list] of bySource) {
    const src = segs.get(sourceId) ?? [];
    const byUnit = new Map<number, C[]>();
    for (const c of list) {
      const seg = segmentAt(src, c.start);
      if (!seg || seg.unitId === 0) continue;
      const members = byUnit.get(seg.unitId);
      if (members) members.push(c);
      else byUnit.set(seg.unitId, [c]);
    }
    for (const [unitId, members] of byUnit) {
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) visit({ a: members[i]!, b: members[j]!, unitId });
    }
  }
}

/**
 * Codes × codes. Rows never share a coding (each coding belongs to one row), so a pair of
 * codings counts once in the cell of its two rows; pairs inside one row are not counted.
 * The diagonal holds the number of codings in the row.
 */
export function computeCooccurrence(data: AnalysisData, rowSpec: RowSpec, mode: CooccurrenceMode): CooccurrenceMatrix {
  const directlyCoded = new Set(data.codings.map((c) => c.codeId));
  const rows = buildRows(data.codes, rowSpec, { partition: true, directlyCoded });
  const rowOfCode = new Map<number, number>();
  rows.forEach((r, i) => r.codeIds.forEach((id) => rowOfCode.set(id, i)));
  const counts = rows.map(() => new Array<number>(rows.length).fill(0));
  const inRows = data.codings.filter((c) => rowOfCode.has(c.codeId));
  for (const c of inRows) counts[rowOfCode.get(c.codeId)!]![rowOfCode.get(c.codeId)!]!++;
  forEachPair(inRows, mode, data, ({ a, b }) => {
    const i = rowOfCode.get(a.codeId)!;
    const j = rowOfCode.get(b.codeId)!;
    if (i === j) return;
    counts[i]![j]!++;
    counts[j]![i]!++;
  });
  return { rows, counts, mode };
}
