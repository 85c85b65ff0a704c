import type { Unit, UnitKind } from './types.ts';

/**
 * How a source is laid out as a document for the coding view, and how a position in that
 * document maps to a UTF-16 offset in the source's canonical text and back.
 *
 * The view shows the text of each unit as one block (a speaker turn, a question, an answer,
 * a paragraph, a heading). Text between units (speaker labels, blank lines) is not shown.
 * Page units become page marks: leaf nodes that take one position and hold no text.
 *
 * Positions follow ProseMirror's counting: a text block takes 1 position to open, one per
 * UTF-16 code unit of its text, and 1 to close; a leaf node takes 1. Both sides count text
 * in UTF-16 units, so inside a block the mapping is a plain shift.
 */

export type DocBlockKind = Exclude<UnitKind, 'page'>;

export type DocTextBlock = { type: 'text'; kind: DocBlockKind; start: number; end: number; unit: Unit | null };
export type DocPageMark = { type: 'page'; page: number; at: number; unit: Unit };
export type DocBlock = DocTextBlock | DocPageMark;

/** The blocks of a source in reading order. Without text units, blank lines split paragraphs. */
export function documentBlocks(text: string, units: readonly Unit[]): DocBlock[] {
  const textUnits = units.filter((u) => u.kind !== 'page').slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const pages = units.filter((u) => u.kind === 'page').slice().sort((a, b) => a.start - b.start);
  const blocks: DocTextBlock[] = [];
  if (textUnits.length > 0) {
    let prevEnd = 0;
    for (const u of textUnits) {
      // Overlapping units would make the map non-monotonic: clip to what is not yet shown.
      const start = Math.max(u.start, prevEnd);
      const end = Math.min(Math.max(u.end, start), text.length);
      if (end < start) continue;
      blocks.push({ type: 'text', kind: u.kind as DocBlockKind, start, end, unit: u });
      prevEnd = end;
    }
  } else {
    const breaks = /\n{2,}/g;
    let from = 0;
    for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
      const to = m ? m.index : text.length;
      if (to > from) blocks.push({ type: 'text', kind: 'paragraph', start: from, end: to, unit: null });
      if (!m) break;
      from = m.index + m[0].length;
    }
    if (blocks.length === 0) blocks.push({ type: 'text', kind: 'paragraph', start: 0, end: text.length, unit: null });
  }
  if (pages.length === 0) return blocks;
  const out: DocBlock[] = [];
  let p = 0;
  for (const b of blocks) {
    while (p < pages.length && pages[p]!.start <= b.start) {
      const u = pages[p++]!;
      out.push({ type: 'page', page: u.page ?? p, at: u.start, unit: u });
    }
    out.push(b);
  }
  while (p < pages.length) {
    const u = pages[p++]!;
    out.push({ type: 'page', page: u.page ?? p, at: u.start, unit: u });
  }
  return out;
}

/** One text block's place: its content starts at document position `from`. */
type Span = { from: number; start: number; end: number; index: number };

/** 'start' resolves gaps forward (to where the next text begins), 'end' backward. */
export type Bias = 'start' | 'end';

/**
 * Maps document positions to source offsets and back, O(log n) in the number of blocks.
 *
 * With `chunkSize` > 0 the blocks sit in wrapper nodes of that many blocks each (each
 * wrapper takes a position to open and one to close): a two-level document lets the editor
 * skip whole chunks when it redraws, and the browser skip their layout off screen.
 */
export class DocPositionMap {
  private readonly spans: Span[] = [];
  /** Size of the document's content (ProseMirror `doc.content.size`). */
  readonly size: number;

  constructor(blocks: readonly DocBlock[], chunkSize = 0) {
    let pos = 0;
    blocks.forEach((b, index) => {
      const chunked = chunkSize > 0;
      if (chunked && index % chunkSize === 0) pos += 1;
      if (b.type === 'page') pos += 1;
      else {
        this.spans.push({ from: pos + 1, start: b.start, end: b.end, index });
        pos += b.end - b.start + 2;
      }
      if (chunked && (index % chunkSize === chunkSize - 1 || index === blocks.length - 1)) pos += 1;
    });
    this.size = pos;
  }

  get blockCount(): number {
    return this.spans.length;
  }

  /** Index (into the blocks array) of the text block that holds this offset, or null in a gap. */
  blockIndexAt(offset: number): number | null {
    const s = this.spans[this.spanIndexByOffset(offset)];
    return s && offset >= s.start && offset <= s.end ? s.index : null;
  }

  /** Source offset of a document position. */
  toOffset(pos: number, bias: Bias): number {
    if (this.spans.length === 0) return 0;
    // Last span whose content starts at or before pos.
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.spans[mid]!.from <= pos) lo = mid;
      else hi = mid - 1;
    }
    const s = this.spans[lo]!;
    if (pos < s.from) return s.start;
    const len = s.end - s.start;
    if (pos <= s.from + len) return s.start + (pos - s.from);
    // Between this block's end and the next block's start.
    const next = this.spans[lo + 1];
    return bias === 'start' && next ? next.start : s.end;
  }

  /** Document position of a source offset; offsets in a gap resolve by bias. */
  toPos(offset: number, bias: Bias): number {
    if (this.spans.length === 0) return 0;
    const i = this.spanIndexByOffset(offset);
    const s = this.spans[i];
    if (!s) return this.spans[0]!.from;
    if (offset <= s.end) return s.from + (offset - s.start);
    const next = this.spans[i + 1];
    return bias === 'start' && next ? next.from : s.from + (s.end - s.start);
  }

  /** Document range of a source range, or null when it covers no shown text. */
  toRange(start: number, end: number): { from: number; to: number } | null {
    const from = this.toPos(start, 'start');
    const to = this.toPos(end, 'end');
    return to > from ? { from, to } : null;
  }

  /** Index of the last span starting at or before the offset (-1 when the offset precedes all). */
  private spanIndexByOffset(offset: number): number {
    let lo = 0;
    let hi = this.spans.length - 1;
    if (hi < 0 || offset < this.spans[0]!.start) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.spans[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
