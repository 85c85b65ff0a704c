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
  it('takes the full stop of a passage that ends where its sentence does, never of a single word', () => {
    const t = 'She said “we had no choice.” Then she left? No. The board met (in March.) Twice.';
    const from = (w: string) => t.indexOf(w);
    // A drag that stops one character short of the period still codes the whole sentence.
    expect(snap(t, from('she left'), from('she left') + 8)).toBe('she left?');
    expect(snap(t, from('we had'), from(' choice') + 7)).toBe('we had no choice.”');
    expect(snap(t, from('in March'), from('in March') + 8)).toBe('in March.)');
    // One word is a term, not a sentence; a comma or a period inside a word stays out.
    expect(snap(t, from('No.'), from('No.') + 2)).toBe('No');
    expect(snap(text, text.indexOf('offer'), text.indexOf(','))).toBe('offer flexibility');
    expect(snap('it costs 3.5 euros, or 1,200 in all', 3, 10)).toBe('costs 3.5');
    expect(snap('it costs 3.5 euros, or 1,200 in all', 22, 24)).toBe('1,200');
    expect(snap('Et cetera.etc', 0, 9)).toBe('Et cetera');
  });
  it('leaves a selection that already sits on word boundaries alone', () => {
    expect(snap(text, 0, 17)).toBe('Micro-credentials');
  });
});
