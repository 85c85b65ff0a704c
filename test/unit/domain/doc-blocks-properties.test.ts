import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocPositionMap, documentBlocks, type DocBlock } from '../../../shared/domain/doc-blocks.ts';
import { makeUnit } from '../../helpers/units.ts';

const unit = makeUnit;

/**
 * The document written out position by position, as ProseMirror counts it: a chunk wrapper or
 * block opening or closing, a page mark, or a place in a block's text (its source offset).
 */
function positionsOf(blocks: readonly DocBlock[], chunkSize: number): ({ offset: number; block: number } | null)[] {
  const out: ({ offset: number; block: number } | null)[] = [];
  blocks.forEach((b, index) => {
    if (chunkSize > 0 && index % chunkSize === 0) out.push(null);
    if (b.type === 'page') out.push(null);
    else {
      out.push(null); // opening
      for (let o = b.start; o < b.end; o++) out.push({ offset: o, block: index });
      out.push({ offset: b.end, block: index }); // the place after the last character, before closing
    }
    if (chunkSize > 0 && (index % chunkSize === chunkSize - 1 || index === blocks.length - 1)) out.push(null);
  });
  return out;
}

/** Text blocks in order with gaps (or none) between them, page marks among them, and a chunk size. */
const layouts = fc
  .record({
    pieces: fc.array(fc.record({ gap: fc.nat({ max: 3 }), length: fc.nat({ max: 4 }), pageBefore: fc.boolean() }), { minLength: 1, maxLength: 8 }),
    tail: fc.nat({ max: 3 }),
    chunkSize: fc.nat({ max: 3 }),
  })
  .map(({ pieces, tail, chunkSize }) => {
    const blocks: DocBlock[] = [];
    let at = 0;
    for (const p of pieces) {
      at += p.gap;
      if (p.pageBefore) blocks.push({ type: 'page', page: blocks.length + 1, at, unit: unit(99, 'page', at, at) });
      blocks.push({ type: 'text', kind: 'paragraph', start: at, end: at + p.length, unit: null });
      at += p.length;
    }
    return { blocks, textLength: at + tail, chunkSize };
  });

describe('DocPositionMap against the document written out position by position', () => {
  it('maps every position to the offset the written-out document gives, gaps by bias', () => {
    fc.assert(
      fc.property(layouts, ({ blocks, chunkSize }) => {
        const map = new DocPositionMap(blocks, chunkSize);
        const table = positionsOf(blocks, chunkSize);
        expect(map.size).toBe(table.length);
        const texts = blocks.filter((b) => b.type === 'text');
        for (let pos = 0; pos <= table.length; pos++) {
          const here = table[pos];
          if (here) {
            expect(map.toOffset(pos, 'start')).toBe(here.offset);
            expect(map.toOffset(pos, 'end')).toBe(here.offset);
            continue;
          }
          // A gap: forward to the next block's text, backward to the last one's end.
          const before = table.slice(0, pos).filter((e) => e !== null && e !== undefined).at(-1);
          const after = table.slice(pos + 1).find((e) => e !== null && e !== undefined);
          const firstStart = texts[0]!.start;
          expect(map.toOffset(pos, 'start')).toBe(before ? (after ? after.offset : before.offset) : firstStart);
          expect(map.toOffset(pos, 'end')).toBe(before ? before.offset : firstStart);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps every offset to the first position showing it, gaps and the ends by bias, and finds its block', () => {
    fc.assert(
      fc.property(layouts, ({ blocks, textLength, chunkSize }) => {
        const map = new DocPositionMap(blocks, chunkSize);
        const table = positionsOf(blocks, chunkSize);
        const shown = table.map((e, pos) => ({ e, pos })).filter((x): x is { e: { offset: number; block: number }; pos: number } => x.e !== null);
        for (let o = 0; o <= textLength; o++) {
          // Where offsets meet (one block ends where the next starts), the later block holds the offset.
          const at = shown.filter((x) => x.e.offset === o);
          const holder = at.at(-1);
          if (holder) {
            const firstInHolder = at.filter((x) => x.e.block === holder.e.block)[0]!;
            expect(map.toPos(o, 'start')).toBe(firstInHolder.pos);
            expect(map.toPos(o, 'end')).toBe(firstInHolder.pos);
            expect(map.blockIndexAt(o)).toBe(holder.e.block);
            continue;
          }
          expect(map.blockIndexAt(o)).toBeNull();
          const next = shown.find((x) => x.e.offset > o);
          const prev = shown.filter((x) => x.e.offset < o).at(-1);
          // Before all text: the first place of the first block; after it: the last place.
          expect(map.toPos(o, 'start')).toBe(prev ? (next ? next.pos : prev.pos) : shown[0]!.pos);
          expect(map.toPos(o, 'end')).toBe(prev ? prev.pos : shown[0]!.pos);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the range of the shown text inside a source range, and none for a range inside hidden text', () => {
    fc.assert(
      fc.property(layouts, fc.nat({ max: 40 }), fc.nat({ max: 40 }), ({ blocks, chunkSize }, a, b) => {
        const map = new DocPositionMap(blocks, chunkSize);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const texts = blocks.filter((x) => x.type === 'text');
        const range = map.toRange(start, end);
        if (texts.some((x) => Math.max(x.start, start) < Math.min(x.end, end))) expect(range).toEqual({ from: map.toPos(start, 'start'), to: map.toPos(end, 'end') });
        // Wholly between two blocks (labels, blank lines), or before or after all of them: nothing to draw.
        if (texts.every((x) => x.end < start || x.start > end)) expect(range).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('maps everything to 0 in a document without text blocks', () => {
    const map = new DocPositionMap([{ type: 'page', page: 1, at: 0, unit: unit(1, 'page', 0, 0) }]);
    expect([map.toOffset(0, 'start'), map.toPos(5, 'end'), map.blockIndexAt(0), map.toRange(0, 5)]).toEqual([0, 0, null, null]);
  });
});

describe('documentBlocks at the edges', () => {
  const shown = (text: string, blocks: DocBlock[]) => blocks.map((b) => (b.type === 'text' ? text.slice(b.start, b.end) : `[page ${b.page}]`));

  it('orders units and pages given in any order, and units starting together by their end', () => {
    const text = 'Aa Bb Cc';
    const blocks = documentBlocks(text, [unit(3, 'paragraph', 6, 8), unit(2, 'page', 3, 8, { page: 2 }), unit(1, 'paragraph', 0, 2), unit(4, 'page', 0, 2, { page: 1 }), unit(5, 'paragraph', 3, 5), unit(6, 'paragraph', 3, 4)]);
    // The shorter of two units starting together comes first; the longer is clipped to what follows it.
    expect(shown(text, blocks)).toEqual(['[page 1]', 'Aa', '[page 2]', 'B', 'b', 'Cc']);
  });

  it('numbers pages without a number by their place, and keeps pages after the last text', () => {
    const text = 'One.\n\nTwo.';
    const blocks = documentBlocks(text, [unit(1, 'paragraph', 0, 4), unit(2, 'page', 0, 4), unit(3, 'page', 10, 10), unit(4, 'page', 10, 10, { page: 9 })]);
    expect(shown(text, blocks)).toEqual(['[page 1]', 'One.', '[page 2]', '[page 9]']);
  });

  it('skips a unit that starts beyond the text, keeps an empty one inside it', () => {
    const text = 'Short.';
    const blocks = documentBlocks(text, [unit(1, 'turn', 0, 6), unit(2, 'turn', 6, 6), unit(3, 'turn', 9, 12)]);
    expect(blocks.map((b) => (b.type === 'text' ? [b.start, b.end] : null))).toEqual([[0, 6], [6, 6]]);
  });

  it('splits plain text at blank lines without empty paragraphs at either end, and keeps one block for no text', () => {
    const text = '\n\nFirst.\n\n\n\nSecond.\n\n';
    expect(shown(text, documentBlocks(text, []))).toEqual(['First.', 'Second.']);
    expect(documentBlocks('', [])).toEqual([{ type: 'text', kind: 'paragraph', start: 0, end: 0, unit: null }]);
    expect(documentBlocks('\n\n\n', [])).toEqual([{ type: 'text', kind: 'paragraph', start: 0, end: 3, unit: null }]);
  });
});
