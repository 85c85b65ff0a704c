import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes, codingsInRange, type LaneInput } from '../../../shared/domain/coding-layout.ts';

/** Codings with distinct ids, some starting together, some of equal extent. */
const codingSets = fc
  .array(fc.record({ start: fc.nat({ max: 60 }), length: fc.nat({ max: 25 }) }), { maxLength: 30 })
  .map((xs) => xs.map((x, i): LaneInput => ({ id: i + 1, start: x.start, end: x.start + x.length })));

/** The rule written out: in order of start (longer first, then id), each takes the lowest lane free at its start. */
function lanesByRule(codings: readonly LaneInput[], gap: number): Map<number, number> {
  const order = [...codings].sort((a, b) => (a.start !== b.start ? a.start - b.start : a.end !== b.end ? b.end - a.end : a.id - b.id));
  const placed: { lane: number; end: number }[] = [];
  const out = new Map<number, number>();
  for (const c of order) {
    let lane = 0;
    while (placed.some((p) => p.lane === lane && p.end + gap > c.start)) lane++;
    placed.push({ lane, end: c.end });
    out.set(c.id, lane);
  }
  return out;
}

describe('margin lanes, whatever order the codings come in', () => {
  it('gives the lanes of the written-out rule, the same for any order of input, without touching the input', () => {
    fc.assert(
      fc.property(codingSets.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length }))), fc.nat({ max: 4 }), ([codings, shuffled], gap) => {
        const copy = shuffled.map((c) => ({ ...c }));
        const { lanes, laneCount } = assignLanes(shuffled, gap);
        expect(shuffled).toEqual(copy);
        const expected = lanesByRule(codings, gap);
        expect(lanes).toEqual(expected);
        expect(laneCount).toBe(codings.length === 0 ? 0 : Math.max(...expected.values()) + 1);
        // Codings that overlap (or come within the gap) never share a lane.
        for (const a of codings) for (const b of codings) if (a.id < b.id && lanes.get(a.id) === lanes.get(b.id)) expect(a.end + gap <= b.start || b.end + gap <= a.start).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly the codings that overlap a range, in order', () => {
    fc.assert(
      fc.property(codingSets, fc.nat({ max: 90 }), fc.nat({ max: 30 }), (codings, from, span) => {
        const sorted = [...codings].sort((a, b) => a.start - b.start || a.id - b.id);
        const maxLength = Math.max(0, ...sorted.map((c) => c.end - c.start));
        const to = from + span;
        expect(codingsInRange(sorted, from, to, maxLength)).toEqual(sorted.filter((c) => c.start < to && c.end > from));
      }),
      { numRuns: 300 },
    );
  });
});
