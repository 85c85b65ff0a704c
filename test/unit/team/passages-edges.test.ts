import { describe, expect, it } from 'vitest';
import { passagesOf } from '../../../shared/domain/team/passages.ts';

describe('passages two coders coded: edge cases', () => {
  it('says two coders disagree when one coded a character more, or started a character later', () => {
    expect(passagesOf([{ id: 1, start: 0, end: 5 }], [{ id: 2, start: 0, end: 6 }])[0]!.agreed).toBe(false);
    expect(passagesOf([{ id: 1, start: 0, end: 5 }], [{ id: 2, start: 1, end: 5 }])[0]!.agreed).toBe(false);
  });

  it('says they disagree on a passage in pieces when each piece starts or ends alike but none matches', () => {
    // Ana: 0–5 and 6–12; Ben: 0–7 and 8–12. Each coder's pieces bridge the other's gap: one passage.
    const [p, ...rest] = passagesOf([{ id: 1, start: 0, end: 5 }, { id: 2, start: 6, end: 12 }], [{ id: 7, start: 0, end: 7 }, { id: 8, start: 8, end: 12 }]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ start: 0, end: 12, firstIds: [1, 2], secondIds: [7, 8], agreed: false });
  });

  it('ignores empty codings', () => {
    expect(passagesOf([{ id: 1, start: 5, end: 5 }], [{ id: 2, start: 9, end: 3 }])).toEqual([]);
  });

  it('takes codings given out of order, a long one starting first holding the short ones inside it', () => {
    const passages = passagesOf([{ id: 2, start: 40, end: 45 }, { id: 1, start: 0, end: 30 }], [{ id: 7, start: 5, end: 10 }, { id: 8, start: 12, end: 15 }]);
    expect(passages.map((p) => [p.start, p.end, p.firstIds, p.secondIds])).toEqual([[0, 30, [1], [7, 8]], [40, 45, [2], []]]);
  });

  it('lists each side’s codings in text order, the shorter first of two starting together', () => {
    const [p] = passagesOf([{ id: 1, start: 0, end: 10 }, { id: 2, start: 0, end: 5 }], []);
    expect(p!.firstIds).toEqual([2, 1]);
  });
});
