import { describe, expect, it } from 'vitest';
import { Detector, resolveOverlaps } from '../../../shared/domain/anonymize/detect.ts';
import { ReplacementNamer } from '../../../shared/domain/anonymize/labels.ts';
import { parseNamesList } from '../../../shared/domain/anonymize/lists.ts';
import type { Candidate, RuleSettings } from '../../../shared/domain/anonymize/types.ts';

const NONE: RuleSettings = { email: false, url: false, phone: false, id: false, date: false, candidate: false };
const detector = (names: string, rules: Partial<RuleSettings>, corpus?: string[]) =>
  new Detector({ people: parseNamesList(names).people, terms: [], rules: { ...NONE, ...rules } }, corpus);
const span = (start: number, end: number, termKey: string, kind: Candidate['kind'] = 'candidate'): Candidate => ({ start, end, kind, termKey });

describe('resolving overlaps', () => {
  it('keeps the earlier of two equally long overlapping spans of one kind', () => {
    expect(resolveOverlaps([span(4, 10, 'later'), span(2, 8, 'earlier'), span(3, 9, 'middle')]).map((c) => c.termKey)).toEqual(['earlier']);
  });

  it('keeps spans that only touch, and returns them in text order', () => {
    const kept = resolveOverlaps([span(5, 9, 'b'), span(9, 12, 'c'), span(0, 5, 'a', 'name'), span(12, 20, 'd', 'email')]);
    expect(kept.map((c) => c.termKey)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('what the detector finds and notes', () => {
  it('finds nothing in an empty text', () => {
    expect(detector('Helena Varga', { candidate: true, email: true }).find('')).toEqual([]);
  });

  it('returns list names and guessed names together in text order', () => {
    const d = detector('Helena Varga', { candidate: true }, ['yesterday the lab and the school met later']);
    const text = 'Yesterday Dr Okonkwo met Helena, and later Rosa Castillo joined Helena.';
    expect(d.find(text).map((c) => [text.slice(c.start, c.end), c.kind])).toEqual([
      ['Okonkwo', 'candidate'],
      ['Helena', 'name'],
      ['Rosa Castillo', 'candidate'],
      ['Helena', 'name'],
    ]);
  });

  it('labels a term found in the text by its words, spacing collapsed', () => {
    const d = detector('', { email: true, date: true });
    const text = 'Write to ana@x.org before 12  March\n2021, please.';
    const labels = d.find(text).map((c) => d.infos.get(c.termKey)!.label);
    expect(labels).toEqual(['ana@x.org', '12 March 2021']);
  });

  it('numbers the terms it meets in the order they are first met, after the lists', () => {
    const d = detector('PA = Helena Varga', { email: true });
    d.find('Helena wrote from helena@x.org, then from hv@y.org.');
    d.find('Later from zz@z.org and again helena@x.org.');
    const names = new ReplacementNamer().nameAll(d.infos.values());
    expect([...d.infos.values()].filter((i) => i.kind === 'email').map((i) => [i.label, names.get(i.key)])).toEqual([
      ['helena@x.org', '[E-mail 1]'],
      ['hv@y.org', '[E-mail 2]'],
      ['zz@z.org', '[E-mail 3]'],
    ]);
  });
});
