/**
 * Who a position of a source belongs to. A coding is credited to the participant of the unit
 * that contains its start; when units nest or overlap, the containing unit with the latest
 * start wins (ties: the later unit), the same rule as repositories/codings.ts.
 */
export type UnitLite = { id: number; sourceId: number; start: number; end: number; participantId: number | null };

/** A stretch of one source owned by one unit. Segments of a source are sorted and disjoint. */
export type OwnerSegment = { start: number; end: number; unitId: number; participantId: number | null };

/** Cuts one source's units into disjoint owner segments (gaps between units belong to no one). */
export function ownerSegments(units: readonly UnitLite[]): OwnerSegment[] {
  const sorted = units.filter((u) => u.end > u.start).sort((a, b) => a.start - b.start || a.id - b.id);
  // The usual case, turns or paragraphs one after another: each unit is its own segment.
  if (sorted.every((u, i) => i === 0 || u.start >= sorted[i - 1]!.end)) {
    return sorted.map((u) => ({ start: u.start, end: u.end, unitId: u.id, participantId: u.participantId }));
  }
  const cuts = [...new Set(sorted.flatMap((u) => [u.start, u.end]))].sort((a, b) => a - b);
  const out: OwnerSegment[] = [];
  let active: UnitLite[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    while (next < sorted.length && sorted[next]!.start <= from) active.push(sorted[next++]!);
    active = active.filter((u) => u.end > from);
    // Units were added in (start, id) order, so the last active one has the latest start.
    const owner = active[active.length - 1];
    if (!owner) continue;
    const prev = out[out.length - 1];
    if (prev && prev.unitId === owner.id && prev.end === from) prev.end = to;
    else out.push({ start: from, end: to, unitId: owner.id, participantId: owner.participantId });
  }
  return out;
}

/** The segment containing pos, or undefined when pos lies outside every unit. */
export function segmentAt(segments: readonly OwnerSegment[], pos: number): OwnerSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Groups units by source and cuts each source into owner segments. */
export function ownerSegmentsBySource(units: readonly UnitLite[]): Map<number, OwnerSegment[]> {
  const bySource = new Map<number, UnitLite[]>();
  for (const u of units) {
    const list = bySource.get(u.sourceId) ?? [];
    list.push(u);
    bySource.set(u.sourceId, list);
  }
  return new Map([...bySource].map(([sourceId, list]) => [sourceId, ownerSegments(list)]));
}
