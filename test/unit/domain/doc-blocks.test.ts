import { describe, expect, it } from 'vitest';
import { DocPositionMap, documentBlocks } from '../../../shared/domain/doc-blocks.ts';
import { makeUnit } from '../../helpers/units.ts';

const unit = makeUnit;

// Speaker labels and blank lines lie between units and are not shown.
const text = 'Interviewer: Why now? 🤔\n\nPA: Because 👍🏽 employers ask.\n\nInterviewer: Thanks.';
const units = [
  unit(1, 'turn', 13, text.indexOf('\n\nPA'), { speaker: 'Interviewer', isInterviewer: true }),
  unit(2, 'turn', text.indexOf('Because'), text.indexOf('\n\nInterviewer: Thanks'), { speaker: 'PA', participantId: 1 }),
  unit(3, 'turn', text.lastIndexOf('Thanks'), text.length, { speaker: 'Interviewer', isInterviewer: true }),
];

describe('the document layout of a source', () => {
  it('turns units into blocks in reading order and leaves labels out', () => {
    const blocks = documentBlocks(text, units.slice().reverse());
    expect(blocks.map((b) => (b.type === 'text' ? text.slice(b.start, b.end) : `page`))).toEqual(['Why now? 🤔', 'Because 👍🏽 employers ask.', 'Thanks.']);
  });

  it('round-trips every offset inside a block through document positions, emoji included', () => {
    const map = new DocPositionMap(documentBlocks(text, units));
    for (const u of units) {
      for (let o = u.start; o <= u.end; o++) {
        const pos = map.toPos(o, 'start');
        expect(map.toOffset(pos, 'start')).toBe(o);
        expect(map.toOffset(map.toPos(o, 'end'), 'end')).toBe(o);
      }
    }
    // Block 1 opens at 0, its text starts at 1; block 2 opens right after block 1 closes.
    expect(map.toPos(13, 'start')).toBe(1);
    const len1 = units[0]!.end - units[0]!.start;
    expect(map.toPos(units[1]!.start, 'start')).toBe(len1 + 3);
    expect(map.size).toBe(units.reduce((s, u) => s + u.end - u.start + 2, 0));
  });

  it('resolves offsets in the hidden label between two turns forward for a start and backward for an end', () => {
    const map = new DocPositionMap(documentBlocks(text, units));
    const inLabel = text.indexOf('PA:');
    expect(map.toOffset(map.toPos(inLabel, 'start'), 'start')).toBe(units[1]!.start);
    expect(map.toOffset(map.toPos(inLabel, 'end'), 'end')).toBe(units[0]!.end);
    // A position between two blocks maps the same way.
    const between = map.toPos(units[0]!.end, 'end') + 1;
    expect(map.toOffset(between, 'start')).toBe(units[1]!.start);
    expect(map.toOffset(between, 'end')).toBe(units[0]!.end);
    expect(map.toRange(inLabel, inLabel + 2)).toBeNull();
  });

  it('splits a source without units into paragraphs at blank lines', () => {
    const plain = 'First 😀 para.\n\n\nSecond para.\nstill second.';
    const blocks = documentBlocks(plain, []);
    expect(blocks.map((b) => (b.type === 'text' ? plain.slice(b.start, b.end) : ''))).toEqual(['First 😀 para.', 'Second para.\nstill second.']);
    const map = new DocPositionMap(blocks);
    const o = plain.indexOf('still');
    expect(map.toOffset(map.toPos(o, 'start'), 'start')).toBe(o);
  });

  it('places page marks as one-position leaves before the text of their page', () => {
    const doc = 'Page one text.\n\nPage two text.';
    const two = doc.indexOf('Page two');
    const blocks = documentBlocks(doc, [
      unit(1, 'page', 0, 14, { page: 1 }),
      unit(2, 'paragraph', 0, 14),
      unit(3, 'page', two, doc.length, { page: 2 }),
      unit(4, 'paragraph', two, doc.length),
    ]);
    expect(blocks.map((b) => b.type + (b.type === 'page' ? b.page : ''))).toEqual(['page1', 'text', 'page2', 'text']);
    const map = new DocPositionMap(blocks);
    expect(map.toPos(0, 'start')).toBe(2);
    expect(map.toPos(two, 'start')).toBe(2 + 14 + 1 + 1 + 1);
    expect(map.toOffset(map.toPos(two + 5, 'start'), 'start')).toBe(two + 5);
  });
});

describe('the position map of a chunked document', () => {
  it('counts the wrapper of every few blocks and still round-trips every offset', () => {
    const many = Array.from({ length: 7 }, (_, i) => `Turn ${i} 😀 text.`);
    const full = many.join('\n\n');
    let at = 0;
    const us = many.map((t, i) => {
      const u = unit(i + 1, 'turn', at, at + t.length);
      at += t.length + 2;
      return u;
    });
    const blocks = documentBlocks(full, us);
    const map = new DocPositionMap(blocks, 3);
    // Chunks of 3, 3 and 1 blocks: each chunk adds an opening and a closing position.
    expect(map.size).toBe(us.reduce((s, u) => s + u.end - u.start + 2, 0) + 3 * 2);
    expect(map.toPos(0, 'start')).toBe(2);
    expect(map.toPos(us[3]!.start, 'start')).toBe(new DocPositionMap(blocks).toPos(us[3]!.start, 'start') + 3);
    for (const u of us) for (let o = u.start; o <= u.end; o++) expect(map.toOffset(map.toPos(o, 'start'), 'start')).toBe(o);
    // Between two chunks (closing 1, opening 2): start resolves forward, end backward.
    const endOfFirstChunk = map.toPos(us[2]!.end, 'end');
    expect(map.toOffset(endOfFirstChunk + 2, 'start')).toBe(us[3]!.start);
    expect(map.toOffset(endOfFirstChunk + 2, 'end')).toBe(us[2]!.end);
  });
});
