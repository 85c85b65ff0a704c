import { describe, expect, it } from 'vitest';
import { matchUnit, parseQuery, toFtsMatch, type QueryNode } from '../../../shared/domain/analysis/search-query.ts';
import { tokenize } from '../../../shared/domain/analysis/tokenize.ts';

const parse = (q: string): QueryNode => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.message);
  return r.node;
};
const spans = (q: string, text: string) => matchUnit(parse(q), tokenize(text))?.map((s) => text.slice(s.start, s.end)) ?? null;

describe('search query syntax', () => {
  it('reads words, phrases, prefixes and operators with FTS5 precedence', () => {
    expect(parse('badge')).toEqual({ kind: 'phrase', words: ['badge'], prefix: false });
    expect(parse('"Micro Credential"*')).toEqual({ kind: 'phrase', words: ['micro', 'credential'], prefix: true });
    expect(parse('micro-credential')).toEqual({ kind: 'phrase', words: ['micro', 'credential'], prefix: false });
    expect(parse('a OR b NOT c')).toEqual({
      kind: 'or',
      items: [{ kind: 'phrase', words: ['a'], prefix: false }, { kind: 'not', include: { kind: 'phrase', words: ['b'], prefix: false }, exclude: { kind: 'phrase', words: ['c'], prefix: false } }],
    });
    expect(parse('a b')).toEqual(parse('a AND b'));
    expect(parse('(a OR b) c').kind).toBe('and');
  });

  it('builds an FTS5 expression that quotes every word and leaves NOT out', () => {
    expect(toFtsMatch(parse('employ* AND "ask for" NOT badge'))).toBe('("employ" *) AND ("ask for")');
    // Nothing the user types reaches FTS5 as syntax: quotes and colons are not word characters.
    expect(toFtsMatch(parse('text:evil "x" NEAR(y)'))).toBe('("text evil") AND ("x") AND ("near") AND ("y")');
  });

  it('matches within one unit and returns the words that made it match', () => {
    expect(spans('employers AND recognition', 'Our employers want recognition.')).toEqual(['employers', 'recognition']);
    expect(spans('employers NOT ask', 'Employers ask for it.')).toBeNull();
    expect(spans('cred*', 'Credits and credentials')).toEqual(['Credits', 'credentials']);
    expect(spans('"quick recognition"', 'quick and recognition')).toBeNull();
    expect(spans('evaluacion', 'La Evaluación importa')).toEqual(['Evaluación']);
    expect(spans('badge', 'the 🎓 badge')).toEqual(['badge']);
  });

  it('says what is wrong', () => {
    for (const q of ['', '"open', 'AND x', 'x OR', '(x', 'x)', '***']) expect(parseQuery(q).ok, q).toBe(false);
  });
});
