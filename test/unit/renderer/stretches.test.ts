import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TINTS, stretchesIn, type StretchCoding } from '../../../renderer/src/editor/stretches.ts';

const coding = fc
  .record({ from: fc.integer({ min: 0, max: 120 }), length: fc.integer({ min: 0, max: 60 }), lane: fc.integer({ min: 0, max: 7 }), color: fc.constantFrom('#4e79a7', '#e15759', '#59a14f') })
  .map(({ from, length, lane, color }) => ({ from, to: from + length, lane, color }));
const codings = fc.array(coding, { maxLength: 25 }).map((list) => list.map((c, i): StretchCoding => ({ ...c, id: i + 1 })));
const range = fc.tuple(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 180 })).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

const over = (list: readonly StretchCoding[], p: number) => list.filter((c) => c.from <= p && c.to > p);
const innermostFirst = (a: StretchCoding, b: StretchCoding) => a.to - a.from - (b.to - b.from) || b.lane - a.lane || a.id - b.id;

describe('stretches of coded text', () => {
  it('give every position in the range exactly the codings over it, innermost first, and cut only where a coding starts or ends', () => {
    fc.assert(
      fc.property(codings, range, fc.option(fc.integer({ min: 1, max: 25 })), (list, r, selectedId) => {
        const stretches = stretchesIn(list, r.from, r.to, selectedId);
        let last = r.from;
        for (const s of stretches) {
          expect(s.from).toBeGreaterThanOrEqual(last);
          expect(s.to).toBeGreaterThan(s.from);
          expect(s.to).toBeLessThanOrEqual(r.to);
          last = s.to;
        }
        for (let p = r.from; p < r.to; p++) {
          const at = stretches.find((s) => s.from <= p && s.to > p);
          expect(at?.ids ?? []).toEqual(over(list, p).sort(innermostFirst).map((c) => c.id));
        }
        const cuts = new Set([r.from, r.to, ...list.flatMap((c) => [c.from, c.to])]);
        for (const s of stretches) expect(cuts.has(s.from) && cuts.has(s.to)).toBe(true);
        // Neighbours under the same codings are one stretch.
        for (let i = 1; i < stretches.length; i++) {
          const [a, b] = [stretches[i - 1]!, stretches[i]!];
          if (a.to === b.from) expect(a.ids).not.toEqual(b.ids);
        }
      }),
    );
  });

  it('look: at most three tints, the selected coding first then by lane; an underline at each depth, the selected coding’s or the lowest lane’s', () => {
    fc.assert(
      fc.property(codings, fc.option(fc.integer({ min: 1, max: 25 })), (list, selectedId) => {
        for (const s of stretchesIn(list, 0, 200, selectedId)) {
          const under = list.filter((c) => s.ids.includes(c.id));
          const ranked = [...under].sort((a, b) => (b.id === selectedId ? 1 : 0) - (a.id === selectedId ? 1 : 0) || a.lane - b.lane || a.id - b.id);
          expect(s.look.tints).toEqual(ranked.slice(0, MAX_TINTS).map((c) => ({ color: c.color, selected: c.id === selectedId })));
          expect(s.look.selected).toBe(under.some((c) => c.id === selectedId));
          for (let depth = 0; depth < 4; depth++) {
            const atDepth = under.filter((c) => Math.min(c.lane, 3) === depth).sort((a, b) => (b.id === selectedId ? 1 : 0) - (a.id === selectedId ? 1 : 0) || a.lane - b.lane || a.id - b.id);
            expect(s.look.underlines[depth]).toBe(atDepth[0]?.color ?? null);
          }
        }
      }),
    );
  });

  it('draw nothing under no coding, and a coding of no length nowhere', () => {
    expect(stretchesIn([{ id: 1, from: 5, to: 5, color: '#4e79a7', lane: 0 }], 0, 10, null)).toEqual([]);
    expect(stretchesIn([{ id: 1, from: 5, to: 9, color: '#4e79a7', lane: 0 }], 9, 20, null)).toEqual([]);
    expect(stretchesIn([{ id: 1, from: 2, to: 9, color: '#4e79a7', lane: 0 }], 4, 6, 1)).toEqual([
      { from: 4, to: 6, ids: [1], look: { tints: [{ color: '#4e79a7', selected: true }], underlines: ['#4e79a7', null, null, null], selected: true } },
    ]);
  });
});
