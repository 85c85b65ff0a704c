import { describe, expect, it } from 'vitest';
import { assignLanes, codingsInRange } from '../../../shared/domain/coding-layout.ts';

describe('coding stripe lanes', () => {
  it('puts overlapping codings side by side and lets disjoint ones share a lane', () => {
    const { lanes, laneCount } = assignLanes([
      { id: 1, start: 0, end: 50 },
      { id: 2, start: 10, end: 20 },
      { id: 3, start: 15, end: 60 },
      { id: 4, start: 55, end: 70 },
      { id: 5, start: 80, end: 90 },
    ]);
    expect(laneCount).toBe(3);
    expect([1, 2, 3, 4, 5].map((id) => lanes.get(id))).toEqual([0, 1, 2, 0, 0]);
  });

  it('never gives two overlapping codings the same lane, whatever the input order', () => {
    const codings = Array.from({ length: 300 }, (_, i) => {
      const start = (i * 7919) % 1000;
      return { id: i + 1, start, end: start + 1 + ((i * 31) % 120) };
    });
    const { lanes } = assignLanes(codings.slice().reverse());
    for (const a of codings) {
      for (const b of codings) {
        if (a.id < b.id && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
      }
    }
  });

  it('lets a coding take the lane of one that ends exactly where it starts', () => {
    const { lanes, laneCount } = assignLanes([{ id: 1, start: 0, end: 10 }, { id: 2, start: 10, end: 20 }]);
    expect(laneCount).toBe(1);
    expect(lanes.get(2)).toBe(0);
  });

  it('finds the codings visible in a range, including a long one that started earlier', () => {
    const sorted = [
      { id: 1, start: 0, end: 1000 },
      { id: 2, start: 100, end: 120 },
      { id: 3, start: 500, end: 520 },
      { id: 4, start: 900, end: 950 },
    ];
    expect(codingsInRange(sorted, 490, 600, 1000).map((c) => c.id)).toEqual([1, 3]);
    expect(codingsInRange(sorted, 120, 499, 1000).map((c) => c.id)).toEqual([1]);
    expect(codingsInRange(sorted, 2000, 3000, 1000)).toEqual([]);
  });
});

describe('coding stripe lanes with a gap', () => {
  it('keeps codings that nearly touch apart so their bars do not run into each other', () => {
    const codings = [{ id: 1, start: 0, end: 100 }, { id: 2, start: 101, end: 200 }, { id: 3, start: 400, end: 450 }];
    const tight = assignLanes(codings, 0);
    expect([1, 2, 3].map((id) => tight.lanes.get(id))).toEqual([0, 0, 0]);
    const spaced = assignLanes(codings, 80);
    expect([1, 2, 3].map((id) => spaced.lanes.get(id))).toEqual([0, 1, 0]);
  });
});
