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
  // The usual case, turns or paragraphs one after another, already in order (as stored): each
  // unit is its own segment. Checked in one pass before any copy or sort: coverage cuts every
  // source of a project, ~300k units at 10M words.
  let inOrder = true;
  for (let i = 0, lastEnd = -Infinity; i < units.length && inOrder; i++) {
    const u = units[i]!;
    inOrder = u.end > u.start && u.start >= lastEnd;
    lastEnd = u.end;
  }
  if (inOrder) return units.map((u) => ({ start: u.start, end: u.end, unitId: u.id, participantId: u.participantId }));
  const sorted = units.filter((u) => u.end > u.start).sort((a, b) => a.start - b.start || a.id - b.id);
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
    const list = bySource.get(u.sourceId);
    if (list) list.push(u);
    else bySource.set(u.sourceId, [u]);
  }
  const out = new Map<number, OwnerSegment[]>();
  for (const [sourceId, list] of bySource) out.set(sourceId, ownerSegments(list));
  return out;
}

/** Units as columns, one array per field (index i is one unit): how the store reads a whole project's units. */
export type UnitColumns = { id: number[]; sourceId: number[]; start: number[]; end: number[]; participantId: (number | null)[] };

/**
 * ownerSegmentsBySource for units read as columns: a source whose units follow one another in
 * order (the usual case) becomes its segments directly, without an object per unit first;
 * any other source goes through ownerSegments.
 */
export function ownerSegmentsOfColumns(units: UnitColumns): Map<number, OwnerSegment[]> {
  const { id, sourceId, start, end, participantId } = units;
  const bySource = new Map<number, number[]>();
  for (let i = 0; i < id.length; i++) {
    const list = bySource.get(sourceId[i]!);
    if (list) list.push(i);
    else bySource.set(sourceId[i]!, [i]);
  }
  const out = new Map<number, OwnerSegment[]>();
  for (const [source, rows] of bySource) {
    let inOrder = true;
    for (let k = 0, lastEnd = -Infinity; k < rows.length && inOrder; k++) {
      const i = rows[k]!;
      inOrder = end[i]! > start[i]! && start[i]! >= lastEnd;
      lastEnd = end[i]!;
    }
    out.set(
      source,
      inOrder
        ? rows.map((i) => ({ start: start[i]!, end: end[i]!, unitId: id[i]!, participantId: participantId[i] ?? null }))
        : ownerSegments(rows.map((i) => ({ id: id[i]!, sourceId: source, start: start[i]!, end: end[i]!, participantId: participantId[i] ?? null }))),
    );
  }
  return out;
}
