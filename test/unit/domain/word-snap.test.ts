import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../shared/domain/word-snap.ts';

const snap = (text: string, start: number, end: number) => {
  const r = snapToWords(text, start, end);
  return r && text.slice(r.start, r.end);
};

describe('snapping a selection to words', () => {
  const text = 'Micro-credentials offer flexibility, don’t they? Yes.';
  it('widens a selection that cuts words in half', () => {
    expect(snap(text, text.indexOf('lexib'), text.indexOf('lexib') + 5)).toBe('flexibility');
    expect(snap(text, 2, 8)).toBe('Micro-credentials');
  });
  it('trims white space at both ends and keeps punctuation outside words', () => {
    const at = text.indexOf(' offer');
    expect(snap(text, at, at + 8)).toBe('offer flexibility');
    expect(snap(text, text.indexOf('don'), text.indexOf('don') + 3)).toBe('don’t');
  });
  it('returns null for a selection of white space only', () => {
    expect(snapToWords('a   b', 1, 4)).toBeNull();
  });
  it('keeps emoji whole and never ends between the halves of a surrogate pair', () => {
    const t = 'we said 😀😀 and left';
    const r = snapToWords(t, t.indexOf('😀') + 1, t.indexOf(' and'));
    expect(r).not.toBeNull();
    expect(t.slice(r!.start, r!.end)).toBe('😀😀');
    const word = 'naïve café 𝒳yz end';
    expect(snap(word, word.indexOf('yz'), word.indexOf('yz') + 1)).toBe('𝒳yz');
  });
  it('leaves a selection that already sits on word boundaries alone', () => {
    expect(snap(text, 0, 17)).toBe('Micro-credentials');
  });
});
