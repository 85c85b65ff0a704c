import { describe, expect, it } from 'vitest';
import { characterRatings, touches, unionSpans, unitRatings, unitTable } from '../../../shared/domain/team/coverage.ts';

/** Four answers of an interview, ten characters each. */
const answers = [{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 30 }, { start: 30, end: 40 }];

describe('merging spans', () => {
  it('drops empty spans and spans wholly past the end of the text', () => {
    expect(unionSpans([{ start: 3, end: 3 }, { start: 12, end: 15 }, { start: 7, end: 5 }], 10)).toEqual([]);
    expect(unionSpans([{ start: 3, end: 3 }, { start: 5, end: 8 }])).toEqual([{ start: 5, end: 8 }]);
  });

  it('merges spans given out of order', () => {
    expect(unionSpans([{ start: 20, end: 25 }, { start: 0, end: 4 }, { start: 2, end: 6 }])).toEqual([{ start: 0, end: 6 }, { start: 20, end: 25 }]);
  });
});

describe('whether spans reach into a stretch of text', () => {
  it('does not count a span that starts right where the stretch ends, or ends where it starts', () => {
    const spans = [{ start: 10, end: 15 }];
    expect(touches(spans, 0, 10)).toBe(false);
    expect(touches(spans, 15, 20)).toBe(false);
    expect(touches(spans, 9, 11)).toBe(true);
  });
});

describe('units coded', () => {
  it('counts an answer coded only by a span beginning right after it as not coded', () => {
    expect(unitTable(answers.slice(0, 1), [{ start: 10, end: 15 }], [])).toEqual({ both: 0, onlyA: 0, onlyB: 0, neither: 1 });
  });

  it('skips empty units', () => {
    expect(unitTable([{ start: 5, end: 5 }, ...answers.slice(0, 1)], [{ start: 0, end: 10 }], [])).toEqual({ both: 0, onlyA: 1, onlyB: 0, neither: 0 });
  });
});

describe('alpha’s units at character level', () => {
  it('has none with fewer than two coders present', () => {
    expect(characterRatings(40, 1, [[{ start: 0, end: 10 }]])).toEqual([]);
    expect(characterRatings(40, 0, [])).toEqual([]);
  });

  it('weighs runs by their length, with no empty runs where coding starts at the text’s start or ends at its end', () => {
    expect(characterRatings(10, 2, [[{ start: 0, end: 10 }], [{ start: 0, end: 10 }]])).toEqual([{ counts: [0, 2], weight: 10 }]);
    expect(characterRatings(10, 2, [[{ start: 0, end: 4 }], [{ start: 2, end: 10 }]])).toEqual([
      { counts: [1, 1], weight: 8 },
      { counts: [0, 2], weight: 2 },
    ]);
  });
});

describe('alpha’s units at unit level', () => {
  it('counts, per unit, how many of the coders present coded it', () => {
    const ana = [{ start: 2, end: 12 }];
    const ben = [{ start: 12, end: 14 }, { start: 35, end: 36 }];
    expect(unitRatings(answers, 2, [ana, ben])).toEqual([{ counts: [1, 1] }, { counts: [0, 2] }, { counts: [2, 0] }, { counts: [1, 1] }]);
  });

  it('counts a coder present who coded nothing in the source as not coding', () => {
    expect(unitRatings(answers.slice(0, 2), 3, [[{ start: 0, end: 5 }], []])).toEqual([{ counts: [2, 1] }, { counts: [3, 0] }]);
  });

  it('skips empty units', () => {
    expect(unitRatings([{ start: 10, end: 10 }, { start: 12, end: 11 }, ...answers.slice(0, 1)], 2, [[{ start: 0, end: 20 }], []])).toEqual([{ counts: [1, 1] }]);
  });

  it('has none with fewer than two coders present', () => {
    expect(unitRatings(answers, 1, [[{ start: 0, end: 10 }]])).toEqual([]);
    expect(unitRatings(answers, 0, [])).toEqual([]);
  });
});
