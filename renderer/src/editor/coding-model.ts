import { assignLanes } from '../../../shared/domain/coding-layout.ts';
import type { DocPositionMap } from '../../../shared/domain/doc-blocks.ts';
import type { Code, Coding } from '../../../shared/domain/types.ts';
import type { CodingDraw } from './codings-plugin.ts';

/** A coding placed in the document: its positions, lane and look. */
export type PlacedCoding = {
  coding: Coding;
  from: number;
  to: number;
  lane: number;
  code: Code | undefined;
  color: string;
  /** The coder's colour, when the view tells coders apart (more than one coder shown). */
  coderColor: string | null;
};

export type CodingModel = {
  /** Ordered by `from`: the stripe layer looks up what is on screen by binary search. */
  placed: PlacedCoding[];
  byId: Map<number, PlacedCoding>;
  laneCount: number;
  /** Longest placed coding in positions; bounds the look-back of a range query. */
  maxLength: number;
};

/**
 * Index of the first item of `sorted` (ordered by `from`) that can still reach position `pos`:
 * the first whose start is at least `pos - maxLength`, the longest item bounding the look-back.
 * Range queries on codings (margin, decoration window) start their scan here.
 */
export function firstReaching(sorted: readonly { from: number }[], pos: number, maxLength: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.from < pos - maxLength) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FALLBACK_COLOR = '#8a867e';
const LANE_GAP = 90;

/** Places codings in the document; codings that cover only hidden text (labels) are left out. */
export function placeCodings(codings: readonly Coding[], codes: ReadonlyMap<number, Code>, map: DocPositionMap, coderColors: ReadonlyMap<number, string> | null = null): CodingModel {
  // About one line of text: codings closer than that get separate lanes.
  const { lanes, laneCount } = assignLanes(codings, LANE_GAP);
  const placed: PlacedCoding[] = [];
  let maxLength = 0;
  for (const coding of codings) {
    const range = map.toRange(coding.start, coding.end);
    if (!range) continue;
    const code = codes.get(coding.codeId);
    placed.push({ coding, from: range.from, to: range.to, lane: lanes.get(coding.id) ?? 0, code, color: code?.color ?? FALLBACK_COLOR, coderColor: coderColors?.get(coding.coderId) ?? null });
    maxLength = Math.max(maxLength, range.to - range.from);
  }
  placed.sort((a, b) => a.from - b.from || b.to - a.to || a.coding.id - b.coding.id);
  return { placed, byId: new Map(placed.map((p) => [p.coding.id, p])), laneCount, maxLength };
}

export const drawsOf = (model: CodingModel, selectedId: number | null): CodingDraw[] =>
  model.placed.map((p) => ({
    id: p.coding.id,
    from: p.from,
    to: p.to,
    color: p.color,
    lane: p.lane,
    selected: p.coding.id === selectedId,
    memo: p.coding.memoCount > 0,
  }));
