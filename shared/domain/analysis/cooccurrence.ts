import { codingsBySource, type CodingLite, type MatrixBase } from './frequency.ts';
import { buildRows } from './rows.ts';
import type { CooccurrenceMatrix, CooccurrenceMode, RowSpec } from './types.ts';

/** A coding with the unit its start is credited to (null: outside every unit). */
export type CreditedCoding = CodingLite & { unitId: number | null; participantId: number | null };

export type CodingPair<C extends CreditedCoding = CreditedCoding> = { a: C; b: C; unitId: number | null };

/**
 * Every pair of codings that co-occur, each pair once. 'overlap': same source and their
 * ranges share at least one character (touching ends do not count). 'unit': their starts
 * are credited to the same unit. Sweep-line per source, so the cost grows with the number
 * of pairs, not with codings².
 */
export function forEachPair<C extends CreditedCoding>(codings: readonly C[], mode: CooccurrenceMode, visit: (pair: CodingPair<C>) => void): void {
  if (mode === 'overlap') {
    for (const list of codingsBySource(codings).values()) {
      let active: C[] = [];
      for (const c of list) {
        active = active.filter((x) => x.end > c.start);
        for (const x of active) visit({ a: x, b: c, unitId: null });
        active.push(c);
      }
    }
    return;
  }
  const byUnit = new Map<number, C[]>();
  for (const c of codings) {
    if (c.unitId === null) continue;
    const members = byUnit.get(c.unitId);
    if (members) members.push(c);
    else byUnit.set(c.unitId, [c]);
  }
  for (const [unitId, members] of byUnit) {
    members.sort((x, y) => x.start - y.start || x.id - y.id);
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) visit({ a: members[i]!, b: members[j]!, unitId });
  }
}

/**
 * Codes × codes. Rows never share a coding (each coding belongs to one row), so a pair of
 * codings counts once in the cell of its two rows; pairs inside one row are not counted.
 * The diagonal holds the number of codings in the row.
 */
export function computeCooccurrence(base: Pick<MatrixBase, 'codes'>, codings: readonly CreditedCoding[], rowSpec: RowSpec, mode: CooccurrenceMode): CooccurrenceMatrix {
  const directlyCoded = new Set(codings.map((c) => c.codeId));
  const rows = buildRows(base.codes, rowSpec, { partition: true, directlyCoded });
  const rowOfCode = new Map<number, number>();
  rows.forEach((r, i) => r.codeIds.forEach((id) => rowOfCode.set(id, i)));
  const counts = rows.map(() => new Array<number>(rows.length).fill(0));
  const inRows = codings.filter((c) => rowOfCode.has(c.codeId));
  for (const c of inRows) counts[rowOfCode.get(c.codeId)!]![rowOfCode.get(c.codeId)!]!++;
  forEachPair(inRows, mode, ({ a, b }) => {
    const i = rowOfCode.get(a.codeId)!;
    const j = rowOfCode.get(b.codeId)!;
    if (i === j) return;
    counts[i]![j]!++;
    counts[j]![i]!++;
  });
  return { rows, counts, mode };
}
