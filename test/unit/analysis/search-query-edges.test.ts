import { describe, expect, it } from 'vitest';
import { matchUnit, parseQuery, type QueryNode } from '../../../shared/domain/analysis/search-query.ts';
import { tokenize } from '../../../shared/domain/analysis/tokenize.ts';

const parse = (q: string): QueryNode => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.message);
  return r.node;
};
const message = (q: string) => {
  const r = parseQuery(q);
  return r.ok ? null : r.message;
};
const phrase = (words: string[], prefix = false): QueryNode => ({ kind: 'phrase', words, prefix });
const found = (q: string, text: string) => matchUnit(parse(q), tokenize(text))?.map((s) => text.slice(s.start, s.end)) ?? null;

describe('search queries as researchers type them', () => {
  it('takes the curly quotes Word and macOS type, in either order, as straight ones', () => {
    expect(parse('“micro credential”')).toEqual(phrase(['micro', 'credential']));
    expect(parse('”micro credential“')).toEqual(phrase(['micro', 'credential']));
    expect(parse('“prior learning” badge')).toEqual({ kind: 'and', items: [phrase(['prior', 'learning']), phrase(['badge'])] });
  });

  it('reads a star inside the quotes or after them as a prefix on the last word, and only there', () => {
    expect(parse('"micro cred*"')).toEqual(phrase(['micro', 'cred'], true));
    expect(parse('"micro cred *"')).toEqual(phrase(['micro', 'cred'], true));
    expect(parse('"micro cred"* badge')).toEqual({ kind: 'and', items: [phrase(['micro', 'cred'], true), phrase(['badge'])] });
    expect(parse('employ**')).toEqual(phrase(['employ'], true));
    expect(parse('"micro credential"')).toEqual(phrase(['micro', 'credential']));
    // Only the last word of a phrase is a prefix: "micro cred*" does not match "microscopic credentials".
    expect(found('"micro cred*"', 'Micro credentials and microscopic credits.')).toEqual(['Micro credentials']);
    expect(found('"micro cred*"', 'microscopic credentials')).toBeNull();
  });

  it('reads NOT one after another, and AND NOT as NOT', () => {
    expect(parse('badge NOT digital NOT open')).toEqual({ kind: 'not', include: { kind: 'not', include: phrase(['badge']), exclude: phrase(['digital']) }, exclude: phrase(['open']) });
    expect(parse('badge AND NOT digital')).toEqual(parse('badge NOT digital'));
    expect(parse('micro badge AND NOT digital')).toEqual({ kind: 'and', items: [phrase(['micro']), { kind: 'not', include: phrase(['badge']), exclude: phrase(['digital']) }] });
    expect(found('badge NOT digital NOT open', 'An open badge.')).toBeNull();
    expect(found('badge NOT digital NOT open', 'A paper badge.')).toEqual(['badge']);
  });

  it('says what is wrong, in words a researcher can act on', () => {
    expect(message('')).toBe('type a word or a "phrase" to search for');
    expect(message('   ')).toBe('type a word or a "phrase" to search for');
    expect(message('"open badge')).toBe('a quoted phrase is missing its closing quote');
    expect(message('“open badge')).toBe('a quoted phrase is missing its closing quote');
    expect(message('***')).toBe('“*” has no letters or digits to search for');
    expect(message('"--"')).toBe('“--” has no letters or digits to search for');
    expect(message(')')).toBe('there is a closing parenthesis without an opening one');
    expect(message('badge)')).toBe('there is a closing parenthesis without an opening one');
    expect(message('(badge')).toBe('a parenthesis is not closed');
    expect(message('AND badge')).toBe('AND needs a word before it, e.g. credential AND badge');
    expect(message('OR badge')).toBe('OR needs a word before it, e.g. credential OR badge');
    expect(message('NOT badge')).toBe('NOT needs a word before it, e.g. credential NOT badge');
    expect(message('badge OR')).toBe('the query ends too early: something should follow the last operator');
    expect(message('badge NOT')).toBe('the query ends too early: something should follow the last operator');
  });

  it('returns the words that matched in text order, overlapping ones joined', () => {
    const text = 'open digital badge, open badge';
    // Two phrases that overlap ("open digital" and "digital badge") come back as one stretch.
    expect(found('"digital badge" OR "open digital"', text)).toEqual(['open digital badge']);
    // Found out of order by the query, given back in the text's order.
    expect(found('badge open', text)).toEqual(['open', 'badge', 'open', 'badge']);
    // A stretch inside another is not given twice.
    expect(found('badge OR "badge, open"', text)).toEqual(['badge, open', 'badge']);
  });
});
