import { describe, expect, it } from 'vitest';
import { moveSpan, replaceSpans } from '../../../shared/domain/anonymize/replace.ts';

const TEXT = 'Helena told Luis that Ana had left.';
/** The replacement of `word` (its first occurrence) by `by`. */
const rep = (word: string, by: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length, text: by });

describe('rewriting a text', () => {
  it('takes replacements in any order, and reports each edit where it was and where it is now', () => {
    const r = replaceSpans(TEXT, [rep('Ana', '[Person 2]'), rep('Helena', '[Participant PA]'), rep('Luis', '[Person 1]')]);
    expect(r.text).toBe('[Participant PA] told [Person 1] that [Person 2] had left.');
    expect(r.edits).toEqual([
      { oldStart: 0, oldEnd: 6, newStart: 0, newEnd: 16 },
      { oldStart: 12, oldEnd: 16, newStart: 22, newEnd: 32 },
      { oldStart: 22, oldEnd: 25, newStart: 38, newEnd: 48 },
    ]);
    for (const e of r.edits) expect(r.text.slice(e.newStart, e.newEnd)).toMatch(/^\[[^\]]+\]$/);
  });

  it('keeps later edits in place when a replacement is shorter than what it replaces', () => {
    const r = replaceSpans(TEXT, [rep('Helena', 'H.'), rep('Luis', 'L.')]);
    expect(r.text).toBe('H. told L. that Ana had left.');
    expect(r.edits.map((e) => r.text.slice(e.newStart, e.newEnd))).toEqual(['H.', 'L.']);
  });

  it('inserts text at an empty span', () => {
    const at = TEXT.indexOf(' that');
    expect(replaceSpans(TEXT, [{ start: at, end: at, text: ' [sic]' }]).text).toBe('Helena told Luis [sic] that Ana had left.');
  });

  it('leaves a text without replacements as it is, with no edits', () => {
    expect(replaceSpans(TEXT, [])).toEqual({ text: TEXT, edits: [] });
  });

  it('refuses a span that ends before it starts or runs past the end of the text', () => {
    expect(() => replaceSpans(TEXT, [{ start: 6, end: 2, text: 'x' }])).toThrow(RangeError);
    expect(() => replaceSpans(TEXT, [{ start: 29, end: TEXT.length + 5, text: '[gone]' }])).toThrow(/outside the text/);
  });
});

describe('moving a span', () => {
  const r = replaceSpans(TEXT, [rep('Helena', '[Participant PA]'), rep('Luis', '[Person 1]')]);

  it('keeps an empty span empty, at the start of a replacement it was inside', () => {
    const inside = TEXT.indexOf('Luis') + 2;
    expect(moveSpan(r.edits, inside, inside)).toEqual({ start: 22, end: 22 });
    const after = TEXT.indexOf(' that');
    const moved = moveSpan(r.edits, after, after);
    expect(moved.start).toBe(moved.end);
    expect(r.text.slice(moved.start)).toBe(' that Ana had left.');
  });
});
