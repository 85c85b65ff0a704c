/**
 * Stretches: the text under codings cut where any coding starts or ends, so that every stretch
 * lies under one unchanging set of codings. The view draws one `<mark>` per stretch carrying the
 * looks of the codings over it, instead of one nested `<mark>` per coding: under dense coding
 * (tens of codings over the same words) the nested chains were most of the page's elements and
 * of the work of every coding action (bench/README.md, "Editor figures").
 */

/** What a stretch needs of a coding; `from`/`to` are document positions. */
export type StretchCoding = { id: number; from: number; to: number; color: string; lane: number };

/** Tints drawn behind one stretch at most: the contrast of the words is held for three (code-color-contrast.ts). */
export const MAX_TINTS = 3;
/** Underline depths: lanes 0–2 each have their own, deeper lanes share the last. */
export const UNDERLINE_DEPTHS = 4;

export type StretchLook = {
  /** Up to MAX_TINTS tints, top first: the selected coding, then by lane. */
  tints: { color: string; selected: boolean }[];
  /** Colour of the underline at each depth, or null where no coding of that depth lies over the stretch. */
  underlines: (string | null)[];
  selected: boolean;
};

export type Stretch = {
  from: number;
  to: number;
  /** Every coding over the stretch, innermost (shortest) first: hover lists them, Alt+click picks the first. */
  ids: number[];
  look: StretchLook;
};

const byLane = (selectedId: number | null) => (a: StretchCoding, b: StretchCoding) =>
  (b.id === selectedId ? 1 : 0) - (a.id === selectedId ? 1 : 0) || a.lane - b.lane || a.id - b.id;
const innermostFirst = (a: StretchCoding, b: StretchCoding) => a.to - a.from - (b.to - b.from) || b.lane - a.lane || a.id - b.id;

function lookOf(over: StretchCoding[], selectedId: number | null): StretchLook {
  const ranked = [...over].sort(byLane(selectedId));
  const underlines: (string | null)[] = new Array<string | null>(UNDERLINE_DEPTHS).fill(null);
  // Ranked, so a depth shows the selected coding's underline if it has it, else its lowest lane's.
  for (const c of ranked) {
    const depth = Math.min(Math.max(0, c.lane), UNDERLINE_DEPTHS - 1);
    if (underlines[depth] === null) underlines[depth] = c.color;
  }
  return {
    tints: ranked.slice(0, MAX_TINTS).map((c) => ({ color: c.color, selected: c.id === selectedId })),
    underlines,
    selected: selectedId !== null && over.some((c) => c.id === selectedId),
  };
}

/**
 * The stretches between `from` and `to` under the given codings (any order; those outside the
 * range are ignored). Text under no coding has no stretch. A stretch never crosses `from` or
 * `to`, so a range can be drawn again on its own.
 */
export function stretchesIn(codings: readonly StretchCoding[], from: number, to: number, selectedId: number | null): Stretch[] {
  const inside = codings.filter((c) => c.from < to && c.to > from && c.from < c.to);
  if (inside.length === 0) return [];
  const cuts = new Set<number>([from, to]);
  for (const c of inside) {
    if (c.from > from) cuts.add(c.from);
    if (c.to < to) cuts.add(c.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const starts = [...inside].sort((a, b) => a.from - b.from);
  const out: Stretch[] = [];
  let active: StretchCoding[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    active = active.filter((c) => c.to > a);
    while (next < starts.length && starts[next]!.from <= a) {
      if (starts[next]!.to > a) active.push(starts[next]!);
      next++;
    }
    if (active.length === 0) continue;
    out.push({ from: a, to: b, ids: [...active].sort(innermostFirst).map((c) => c.id), look: lookOf(active, selectedId) });
  }
  return out;
}
