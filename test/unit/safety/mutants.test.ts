import { describe, expect, it } from 'vitest';
import { forEachPair, type CreditedCoding } from '../../../shared/domain/analysis/cooccurrence.ts';
import { snapToWords } from '../../../shared/domain/word-snap.ts';
import { parseCsv } from '../../../electron/backend/import/parsers/csv.ts';

/**
 * Tests written against hand-made mutants that the suite used to let through: each fails on
 * the mutant named in its title (see test/README.md, mutation testing).
 */

const coding = (id: number, codeId: number, start: number, end: number): CreditedCoding => ({ id, codeId, sourceId: 1, start, end, unitId: null, participantId: null });

describe('co-occurrence by overlap (mutant: end >= start)', () => {
  it('two codings that only touch share no character and do not co-occur', () => {
    const pairs: [number, number][] = [];
    forEachPair([coding(1, 10, 0, 5), coding(2, 20, 5, 9)], 'overlap', ({ a, b }) => pairs.push([a.id, b.id]));
    expect(pairs).toEqual([]);
  });
  it('one shared character is enough', () => {
    const pairs: [number, number][] = [];
    forEachPair([coding(1, 10, 0, 6), coding(2, 20, 5, 9)], 'overlap', ({ a, b }) => pairs.push([a.id, b.id]));
    expect(pairs).toEqual([[1, 2]]);
  });
});

describe('word snapping (mutant: the end moved backwards out of an emoji)', () => {
  it('a selection ending inside an emoji takes the whole emoji', () => {
    const text = 'smile 😀 now';
    expect(snapToWords(text, 6, 7)).toEqual({ start: 6, end: 8 });
    expect(snapToWords(text, 0, 7)).toEqual({ start: 0, end: 8 });
  });
});

describe('CSV (mutant: a quoted cell after a space read as two cells)', () => {
  it('reads `1, "a, b"` (as Excel writes it with some locales) as two cells, the second holding the comma', () => {
    expect(parseCsv('id,answer\n1, "a, b"\n', 'x.csv').rows).toEqual([['1', 'a, b']]);
  });
});
