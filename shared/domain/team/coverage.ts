import { emptyTable, type RatedUnit, type TwoByTwo } from './statistics.ts';

/**
 * From codings to the counts the statistics take: which characters or units each coder coded
 * with one code in one source. Positions are UTF-16 offsets, end-exclusive.
 */

export type Span = { start: number; end: number };

/** The spans merged where they overlap or touch, clipped to [0, length), in order. */
export function unionSpans(spans: readonly Span[], length = Infinity): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const covered = (spans: readonly Span[]): number => spans.reduce((n, s) => n + s.end - s.start, 0);

/** Characters both coders coded: the overlap of two unions. */
function overlap(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) n += end - start;
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return n;
}

/** Character level: every character of a text of `length` is coded or not by each coder. */
export function characterTable(length: number, a: readonly Span[], b: readonly Span[]): TwoByTwo {
  const ua = unionSpans(a, length);
  const ub = unionSpans(b, length);
  const both = overlap(ua, ub);
  const onlyA = covered(ua) - both;
  const onlyB = covered(ub) - both;
  return { both, onlyA, onlyB, neither: length - both - onlyA - onlyB };
}

/** Whether any of the (sorted, merged) spans overlaps [start, end); binary search. */
export function touches(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo];
  return s !== undefined && s.start < end;
}

/** Unit level: a unit (turn, answer, paragraph) is coded by a coder when any coding of theirs overlaps it. */
export function unitTable(units: readonly Span[], a: readonly Span[], b: readonly Span[]): TwoByTwo {
  const ua = unionSpans(a);
  const ub = unionSpans(b);
  const t = emptyTable();
  for (const u of units) {
    if (u.end <= u.start) continue;
    const x = touches(ua, u.start, u.end);
    const y = touches(ub, u.start, u.end);
    if (x && y) t.both++;
    else if (x) t.onlyA++;
    else if (y) t.onlyB++;
    else t.neither++;
  }
  return t;
}

/**
 * Alpha's units at character level for one code in one source: runs of characters where the
 * same number of the `present` coders coded the code, as [not coded, coded] counts weighted by
 * the run's length. `spansByCoder` holds the spans of the present coders only (missing
 * coders, who did not code this source, give no value).
 */
export function characterRatings(length: number, present: number, spansByCoder: readonly (readonly Span[])[]): RatedUnit[] {
  if (present < 2 || length <= 0) return [];
  const events = new Map<number, number>();
  for (const spans of spansByCoder) {
    for (const s of unionSpans(spans, length)) {
      events.set(s.start, (events.get(s.start) ?? 0) + 1);
      events.set(s.end, (events.get(s.end) ?? 0) - 1);
    }
  }
  const points = [...events.keys()].sort((a, b) => a - b);
  const byCount = new Map<number, number>();
  let at = 0;
  let coding = 0;
  for (const p of points) {
    if (p > at) byCount.set(coding, (byCount.get(coding) ?? 0) + p - at);
    coding += events.get(p)!;
    at = p;
  }
  if (length > at) byCount.set(coding, (byCount.get(coding) ?? 0) + length - at);
  return [...byCount].map(([n1, weight]) => ({ counts: [present - n1, n1], weight }));
}

/** Alpha's units at unit level for one code in one source: each unit's [not coded, coded] counts among the present coders. */
export function unitRatings(units: readonly Span[], present: number, spansByCoder: readonly (readonly Span[])[]): RatedUnit[] {
  if (present < 2) return [];
  const unions = spansByCoder.map((s) => unionSpans(s));
  return units
    .filter((u) => u.end > u.start)
    .map((u) => {
      const n1 = unions.reduce((n, spans) => n + (touches(spans, u.start, u.end) ? 1 : 0), 0);
      return { counts: [present - n1, n1] };
    });
}
