import { describe, expect, it } from 'vitest';
import { consensusSpans, passagesOf } from '../../../shared/domain/team/passages.ts';

describe('passages two coders coded', () => {
  it('groups overlapping codings of either coder into one passage and says whether they agree', () => {
    const passages = passagesOf(
      [{ id: 1, start: 0, end: 10 }, { id: 2, start: 30, end: 40 }, { id: 3, start: 60, end: 70 }],
      [{ id: 7, start: 5, end: 15 }, { id: 8, start: 30, end: 40 }, { id: 9, start: 80, end: 90 }],
    );
    expect(passages.map((p) => [p.start, p.end, p.agreed])).toEqual([[0, 15, false], [30, 40, true], [60, 70, false], [80, 90, false]]);
    expect(passages[0]).toMatchObject({ first: [{ start: 0, end: 10 }], second: [{ start: 5, end: 15 }], firstIds: [1], secondIds: [7] });
    expect(passages[2]).toMatchObject({ second: [], secondIds: [] });
  });

  it('chains codings that overlap one another into one passage, and keeps touching ones apart', () => {
    const passages = passagesOf([{ id: 1, start: 0, end: 10 }, { id: 2, start: 18, end: 25 }], [{ id: 3, start: 8, end: 20 }, { id: 4, start: 25, end: 30 }]);
    expect(passages.map((p) => [p.start, p.end])).toEqual([[0, 25], [25, 30]]);
  });

  it('takes one side, both or neither into the consensus', () => {
    const p = { first: [{ start: 0, end: 10 }], second: [{ start: 5, end: 15 }, { start: 20, end: 22 }] };
    expect(consensusSpans(p, 'first')).toEqual([{ start: 0, end: 10 }]);
    expect(consensusSpans(p, 'second')).toEqual(p.second);
    expect(consensusSpans(p, 'both')).toEqual([{ start: 0, end: 15 }, { start: 20, end: 22 }]);
    expect(consensusSpans(p, 'neither')).toEqual([]);
  });

  it('has no passage when neither coded', () => {
    expect(passagesOf([], [])).toEqual([]);
  });
});
