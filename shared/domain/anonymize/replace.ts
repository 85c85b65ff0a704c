/**
 * Rewriting a text and moving what is anchored in it. Positions are UTF-16 code units
 * (shared/domain/offsets.ts). A coding, unit or any span that overlaps a replaced span covers
 * the whole replacement: a coding that held half a name holds its replacement, never half of
 * it; one that ended right before a name still ends before its replacement.
 */
import { splitsSurrogatePair } from '../offsets.ts';

export type Replacement = { start: number; end: number; text: string };

/** One rewritten span: where it was, where it is now. */
export type Edit = { oldStart: number; oldEnd: number; newStart: number; newEnd: number };

export type Rewritten = { text: string; edits: Edit[] };

/** Replaces non-overlapping spans. Refuses spans out of order, overlapping, out of range or halving a character. */
export function replaceSpans(text: string, replacements: readonly Replacement[]): Rewritten {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const edits: Edit[] = [];
  let at = 0;
  let shift = 0;
  for (const r of sorted) {
    if (r.start < at || r.end < r.start || r.end > text.length) {
      throw new RangeError(`replacement ${r.start}-${r.end} overlaps another or lies outside the text (0-${text.length})`);
    }
    if (splitsSurrogatePair(text, r.start) || splitsSurrogatePair(text, r.end)) throw new RangeError(`replacement ${r.start}-${r.end} splits a character`);
    parts.push(text.slice(at, r.start), r.text);
    const newStart = r.start + shift;
    edits.push({ oldStart: r.start, oldEnd: r.end, newStart, newEnd: newStart + r.text.length });
    shift += r.text.length - (r.end - r.start);
    at = r.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), edits };
}

/** The last edit starting before `pos` (binary search), or -1. */
function lastEditBefore(edits: readonly Edit[], pos: number): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid]!.oldStart < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Where an old position lands in the rewritten text. Inside a replaced span it snaps outwards:
 * a start to the replacement's start, an end to its end. At a span's edge it stays outside.
 */
export function movePosition(edits: readonly Edit[], pos: number, side: 'start' | 'end'): number {
  const i = lastEditBefore(edits, pos);
  if (i < 0) return pos;
  const e = edits[i]!;
  if (pos < e.oldEnd) return side === 'start' ? e.newStart : e.newEnd;
  return pos - e.oldEnd + e.newEnd;
}

/** Moves a span [start, end): it covers the same words, and all of any replacement it touched. */
export function moveSpan(edits: readonly Edit[], start: number, end: number): { start: number; end: number } {
  const s = movePosition(edits, start, 'start');
  // An empty span stays empty where it was (a zero-length unit keeps its place).
  if (end === start) return { start: s, end: s };
  return { start: s, end: Math.max(s, movePosition(edits, end, 'end')) };
}
