/**
 * Lanes of the coding stripes in the margin (NVivo/MAXQDA style): overlapping codings get
 * different lanes so their bars stand side by side; codings that do not overlap share a lane.
 * The same lane number places a coding's underline in the text, so bar and underline match.
 */

export type LaneInput = { id: number; start: number; end: number };
export type LaneLayout = { lanes: Map<number, number>; laneCount: number };

/**
 * Greedy interval colouring: codings in order of start (longer first, then id) take the
 * lowest lane that is free at their start. Deterministic, so lanes do not jump between
 * renders; O(n log n + n·lanes).
 *
 * `gap` (in characters) keeps a lane busy a little past a coding's end: two codings that
 * nearly touch would otherwise end and start on the same line, and their bars and labels
 * would run into each other.
 */
export function assignLanes(codings: readonly LaneInput[], gap = 0): LaneLayout {
  const order = codings.slice().sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const c of order) {
    let lane = laneEnds.findIndex((end) => end + gap <= c.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(c.end);
    } else laneEnds[lane] = c.end;
    lanes.set(c.id, lane);
  }
  return { lanes, laneCount: laneEnds.length };
}

/**
 * The codings that overlap [from, to), for drawing only what is on screen. `sorted` must be
 * ordered by start; `maxLength` is the longest coding, which bounds how far back to look.
 */
export function codingsInRange<T extends LaneInput>(sorted: readonly T[], from: number, to: number, maxLength: number): T[] {
  // First coding that could still reach `from`: start >= from - maxLength.
  let lo = 0;
  let hi = sorted.length;
  const floor = from - maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < floor) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < to; i++) {
    const c = sorted[i]!;
    if (c.end > from) out.push(c);
  }
  return out;
}
