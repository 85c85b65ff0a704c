export type Range = { start: number; end: number };

/** The union of ranges as sorted, disjoint ranges (touching ranges merge). */
export function unionRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    if (r.end <= r.start) continue;
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * Walks two sorted, disjoint range lists together and reports every overlap with the
 * item of `segments` it falls in: O(a + b) instead of comparing every pair.
 */
export function forEachOverlap<S extends Range>(ranges: readonly Range[], segments: readonly S[], visit: (segment: S, length: number) => void): void {
  if (ranges.length === 0 || segments.length === 0) return;
  // Binary search for the first segment that ends after the first range starts.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= ranges[0]!.start) lo = mid + 1;
    else hi = mid;
  }
  let j = lo;
  for (const r of ranges) {
    while (j < segments.length && segments[j]!.end <= r.start) j++;
    for (let k = j; k < segments.length && segments[k]!.start < r.end; k++) {
      const s = segments[k]!;
      const len = Math.min(r.end, s.end) - Math.max(r.start, s.start);
      if (len > 0) visit(s, len);
    }
  }
}
