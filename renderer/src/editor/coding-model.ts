import { assignLanes } from '../../../shared/domain/coding-layout.ts';
import type { DocPositionMap } from '../../../shared/domain/doc-blocks.ts';
import type { Code, Coding } from '../../../shared/domain/types.ts';
import type { CodingDraw } from './codings-plugin.ts';

/** A coding placed in the document: its positions, lane and look (drawn as it is by the decorations). */
export type PlacedCoding = CodingDraw & {
  coding: Coding;
  code: Code | undefined;
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

/** What changed in the list of codings since the one a model was made from. */
export type CodingsChange = { added: readonly Coding[]; removed: readonly number[] };

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
/** About one line of text, in characters: codings closer than that get separate lanes. */
export const LANE_GAP = 90;

const before = (a: PlacedCoding, b: PlacedCoding) => a.from - b.from || b.to - a.to || a.id - b.id;

function place(coding: Coding, codes: ReadonlyMap<number, Code>, map: DocPositionMap, lane: number, coderColors: ReadonlyMap<number, string> | null): PlacedCoding | null {
  const range = map.toRange(coding.start, coding.end);
  if (!range) return null;
  const code = codes.get(coding.codeId);
  return {
    id: coding.id,
    from: range.from,
    to: range.to,
    lane,
    color: code?.color ?? FALLBACK_COLOR,
    memo: coding.memoCount > 0,
    coding,
    code,
    coderColor: coderColors?.get(coding.coderId) ?? null,
  };
}

/** Places codings in the document; codings that cover only hidden text (labels) are left out. */
export function placeCodings(codings: readonly Coding[], codes: ReadonlyMap<number, Code>, map: DocPositionMap, coderColors: ReadonlyMap<number, string> | null = null): CodingModel {
  const { lanes, laneCount } = assignLanes(codings, LANE_GAP);
  const placed: PlacedCoding[] = [];
  let maxLength = 0;
  for (const coding of codings) {
    const p = place(coding, codes, map, lanes.get(coding.id) ?? 0, coderColors);
    if (!p) continue;
    placed.push(p);
    maxLength = Math.max(maxLength, p.to - p.from);
  }
  placed.sort(before);
  return { placed, byId: new Map(placed.map((p) => [p.id, p])), laneCount, maxLength };
}

/** Where `p` goes in the ordered list (binary search). */
function insertionIndex(placed: readonly PlacedCoding[], p: PlacedCoding): number {
  let lo = 0;
  let hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(placed[mid]!, p) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The model after one coding action: only the codings it touches are placed, and a new coding
 * takes the lowest lane none of its neighbours (within the lane gap) holds; the others keep
 * theirs, so nothing in the margin jumps. The cost is a binary search and a copy of the
 * ordered list per change, whatever the number of codings. `byId` is carried over, updated.
 */
export function patchModel(model: CodingModel, change: CodingsChange, codes: ReadonlyMap<number, Code>, map: DocPositionMap, coderColors: ReadonlyMap<number, string> | null): CodingModel {
  const placed = model.placed.slice();
  const { byId } = model;
  let { laneCount, maxLength } = model;
  const drop = (id: number) => {
    const old = byId.get(id);
    if (!old) return;
    byId.delete(id);
    let at = insertionIndex(placed, old);
    while (at < placed.length && placed[at] !== old) at++;
    if (at < placed.length) placed.splice(at, 1);
  };
  for (const id of change.removed) drop(id);
  for (const coding of change.added) {
    const old = byId.get(coding.id);
    drop(coding.id);
    const lane = old && old.coding.start === coding.start && old.coding.end === coding.end ? old.lane : freeLane(placed, model.maxLength, coding, map);
    const p = place(coding, codes, map, lane, coderColors);
    if (!p) continue;
    placed.splice(insertionIndex(placed, p), 0, p);
    byId.set(p.id, p);
    laneCount = Math.max(laneCount, lane + 1);
    maxLength = Math.max(maxLength, p.to - p.from);
  }
  return { placed, byId, laneCount, maxLength };
}

/** The lowest lane that no placed coding overlapping `coding` (widened by the lane gap) holds. */
function freeLane(placed: readonly PlacedCoding[], maxLength: number, coding: Coding, map: DocPositionMap): number {
  const range = map.toRange(Math.max(0, coding.start - LANE_GAP), coding.end);
  if (!range) return 0;
  const taken = new Set<number>();
  // Positions run a little ahead of characters (block boundaries): look a gap and more past the end.
  const last = range.to + 2 * LANE_GAP;
  for (let i = firstReaching(placed, range.from, maxLength); i < placed.length && placed[i]!.from <= last; i++) {
    const other = placed[i]!.coding;
    if (other.start < coding.end + LANE_GAP && coding.start < other.end + LANE_GAP) taken.add(placed[i]!.lane);
  }
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}
