/** A stretch of text covered by the same set of codings. */
export type Segment = { start: number; end: number; codingIds: number[] };

/**
 * Cuts [from, to) at every coding boundary so each piece knows which codings cover it:
 * the basis for drawing overlapping highlights. Codings are {id, start, end}.
 */
export function segmentRange(from: number, to: number, codings: readonly { id: number; start: number; end: number }[]): Segment[] {
  const inside = codings.filter((c) => c.start < to && c.end > from);
  const cuts = new Set<number>([from, to]);
  for (const c of inside) {
    if (c.start > from) cuts.add(c.start);
    if (c.end < to) cuts.add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, codingIds: inside.filter((c) => c.start <= start && c.end >= end).map((c) => c.id) });
  }
  return out;
}
