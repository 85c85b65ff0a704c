/**
 * Properties of the text-position code, checked against plain brute-force answers on random
 * texts full of the characters that break position arithmetic: emoji and other astral
 * characters (surrogate pairs, up to U+10FFFF), half pairs, the code units just outside the
 * surrogate ranges, CRLF and lone CR. Written to kill the mutants StrykerJS left alive in
 * shared/domain/offsets.ts, segments.ts and word-snap.ts (test/README.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crlfOffsetToCanonical, OffsetMap, splitsSurrogatePair } from '../../../shared/domain/offsets.ts';
import { segmentRange } from '../../../shared/domain/segments.ts';
import { snapToWords } from '../../../shared/domain/word-snap.ts';

const PIECES = ['a', 'Z', ' ', '\n', '\r\n', '\r', "'", '-', '.', '😀', '𝔘', '\u{10000}', '\u{10FFFF}', '\ud800', '\udbff', '\udc00', '\udfff', '\ud7ff', '\ue000', '\uffff', 'é', 'e\u0301'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));

/** Where each code point starts and ends, counting a half pair as one, as for…of walks a string. */
function boundaries(s: string): number[] {
  const out = [0];
  let at = 0;
  for (const ch of s) out.push((at += ch.length));
  return out;
}

describe('OffsetMap and splitsSurrogatePair against brute force', () => {
  it('maps every UTF-16 offset to its code point offset and back, refusing the inside of a pair and outside the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const map = new OffsetMap(s);
        const bounds = boundaries(s);
        expect(map.utf16Length).toBe(s.length);
        expect(map.codePointLength).toBe(bounds.length - 1);
        for (let u = -1; u <= s.length + 1; u++) {
          const cp = bounds.indexOf(u);
          if (u < 0 || u > s.length) expect(() => map.toCodePoint(u)).toThrow(/is outside 0\.\./);
          else if (cp < 0) expect(() => map.toCodePoint(u)).toThrow(/splits a surrogate pair/);
          else expect(map.toCodePoint(u)).toBe(cp);
          expect(splitsSurrogatePair(s, u)).toBe(u > 0 && u < s.length && cp < 0);
        }
        for (let cp = -1; cp <= bounds.length; cp++) {
          if (cp < 0 || cp >= bounds.length) expect(() => map.fromCodePoint(cp)).toThrow(/is outside 0\.\./);
          else expect(map.fromCodePoint(cp)).toBe(bounds[cp]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('turns an offset on CRLF text into one on the LF text by the CRLF pairs before it', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (raw, offset) => {
        const pairsBefore = [...raw.matchAll(/\r\n/g)].filter((m) => m.index < offset).length;
        expect(crlfOffsetToCanonical(raw, offset)).toBe(offset - pairsBefore);
      }),
      { numRuns: 300 },
    );
  });
});

describe('segmentRange against brute force', () => {
  it('cuts [from, to) into pieces that each carry exactly the codings covering every position in them', () => {
    const coding = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 8 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 6 }), fc.integer({ min: 0, max: 18 }), fc.integer({ min: 1, max: 10 }), (list, from, length) => {
        const codings = list.map((c, id) => ({ id, ...c }));
        const to = from + length;
        const pieces = segmentRange(from, to, codings);
        // A partition of [from, to), in order, cut only where a coding starts or ends.
        expect(pieces[0]!.start).toBe(from);
        expect(pieces.at(-1)!.end).toBe(to);
        pieces.forEach((p, i) => {
          expect(p.end).toBeGreaterThan(p.start);
          if (i > 0) {
            expect(p.start).toBe(pieces[i - 1]!.end);
            expect(codings.some((c) => c.start === p.start || c.end === p.start)).toBe(true);
          }
          for (let at = p.start; at < p.end; at++) {
            expect([...p.codingIds].sort()).toEqual(codings.filter((c) => c.start <= at && at < c.end).map((c) => c.id));
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('snapToWords on texts with astral letters, emoji, joiners and white space', () => {
  const isLetter = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
  /** The code point ending at i, and the one starting at i. */
  const before = (s: string, i: number) => [...s.slice(0, i)].at(-1) ?? '';
  const at = (s: string, i: number) => [...s.slice(i)][0] ?? '';

  it('keeps what was selected, never cuts a character, trims white space and never stops inside a run of letters', () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 30 }), fc.nat({ max: 30 }), (s, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const r = snapToWords(s, start, end);
        // The selection as the snapping sees it: clamped, and never ending inside a pair.
        let s0 = Math.min(start, s.length);
        let e0 = Math.min(end, s.length);
        if (splitsSurrogatePair(s, s0)) s0--;
        if (splitsSurrogatePair(s, e0)) e0++;
        const chosen = s.slice(s0, e0);
        expect(r === null).toBe(chosen.trim() === '');
        if (r === null) return;
        expect(splitsSurrogatePair(s, r.start) || splitsSurrogatePair(s, r.end)).toBe(false);
        const picked = s.slice(r.start, r.end);
        expect(picked).toBe(picked.trim());
        // Everything but the white space at the selection's ends is still inside.
        expect(r.start).toBeLessThanOrEqual(s0 + (chosen.length - chosen.trimStart().length));
        expect(r.end).toBeGreaterThanOrEqual(e0 - (chosen.length - chosen.trimEnd().length));
        // A word is taken whole: no letter right outside a letter the result starts or ends with.
        if (isLetter(at(s, r.start))) expect(isLetter(before(s, r.start))).toBe(false);
        if (isLetter(before(s, r.end))) expect(isLetter(at(s, r.end))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('snapToWords at the ends of the text (mutants StrykerJS left alive)', () => {
  it('an apostrophe at the very end or start of the text is not part of the word', () => {
    // Possessive plural at the end of a transcript: the word is "teachers", not "teachers'".
    expect(snapToWords("teachers'", 0, 5)).toEqual({ start: 0, end: 8 });
    // A quote mark opening the text stays outside the word after it.
    expect(snapToWords("'Tis the season", 1, 3)).toEqual({ start: 1, end: 4 });
  });
});

