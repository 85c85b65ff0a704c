import { describe, expect, it } from 'vitest';
import { OffsetMap, canonicalText, crlfOffsetToCanonical, splitsSurrogatePair } from '../../../shared/domain/offsets.ts';

describe('text positions', () => {
  it('canonical text strips a BOM and turns CRLF and CR into LF, nothing else', () => {
    expect(canonicalText('\uFEFFa\r\nb\rc\n\td  ')).toBe('a\nb\nc\n\td  ');
    expect(canonicalText('x\uFEFFy')).toBe('x\uFEFFy');
  });

  it('maps UTF-16 offsets to code points and back around emoji', () => {
    const text = 'a😀b👍🏽c';
    const map = new OffsetMap(text);
    expect(map.utf16Length).toBe(text.length);
    expect(map.codePointLength).toBe([...text].length);
    // Code point i is the i-th element of [...text]; its UTF-16 offset slices to it.
    [...text].forEach((ch, cp) => {
      const u = map.fromCodePoint(cp);
      expect(text.slice(u, u + ch.length)).toBe(ch);
      expect(map.toCodePoint(u)).toBe(cp);
    });
    expect(map.fromCodePoint(map.codePointLength)).toBe(text.length);
    expect(() => map.toCodePoint(2)).toThrow(/splits a surrogate pair/);
    expect(() => map.fromCodePoint(99)).toThrow(RangeError);
  });

  it('knows when a position falls between the halves of a surrogate pair', () => {
    const text = 'x😀y';
    expect([0, 1, 2, 3, 4].map((p) => splitsSurrogatePair(text, p))).toEqual([false, false, true, false, false]);
  });

  it('converts offsets counted with CRLF as two units to the canonical text', () => {
    const raw = 'ab\r\ncd\r\nef';
    const canon = canonicalText(raw);
    const at = raw.indexOf('ef');
    expect(canon.slice(crlfOffsetToCanonical(raw, at), crlfOffsetToCanonical(raw, at + 2))).toBe('ef');
  });
});
