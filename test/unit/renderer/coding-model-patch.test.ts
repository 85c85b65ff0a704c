import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code, Coding, Unit } from '../../../shared/domain/types.ts';
import { makeUnit } from '../../helpers/units.ts';
import { LANE_GAP, patchModel, placeCodings, type CodingModel } from '../../../renderer/src/editor/coding-model.ts';
import { createEditor } from './create-editor.ts';

const unit = (id: number, start: number, end: number): Unit => makeUnit(id, 'turn', start, end, { speaker: 'PA' });
let text = '';
const units: Unit[] = [];
for (let i = 0; i < 60; i++) {
  const body = `Turn ${i} says something about the programme, the employers and how the pilot went.`;
  units.push(unit(i + 1, text.length, text.length + body.length));
  text += `${body}\n\n`;
}
const { built } = createEditor({ text, units });
const codes = new Map<number, Code>([1, 2, 3].map((id) => [id, { id, name: `C${id}`, color: ['#4e79a7', '#f28e2b', '#59a14f'][id - 1]!, parentId: null } as unknown as Code]));
const coding = (id: number, start: number, end: number, codeId = 1): Coding => ({
  id, sourceId: 1, codeId, start, end, quote: text.slice(start, end), coderId: 1, coderName: 'A', createdAt: '2026-12-06T00:00:00Z', participantId: null, memoCount: 0,
});

/** Codings in the same lane never come within the lane gap of one another (what separate lanes are for). */
function lanesHold(model: CodingModel): void {
  const list = model.placed;
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!.coding;
      const b = list[j]!.coding;
      if (a.start < b.end + LANE_GAP && b.start < a.end + LANE_GAP) expect(list[i]!.lane, `codings ${a.id} and ${b.id} share lane ${list[i]!.lane}`).not.toBe(list[j]!.lane);
    }
  }
}

describe('patching the coding model after one action', () => {
  it('holds what placing everything anew holds, keeps every other coding where it was, and keeps lanes apart', () => {
    const span = fc.tuple(fc.nat({ max: text.length - 30 }), fc.integer({ min: 5, max: 400 })).map(([start, len]) => [start, Math.min(text.length, start + len)] as const);
    const step = fc.oneof(fc.record({ add: span, code: fc.integer({ min: 1, max: 3 }) }), fc.record({ remove: fc.nat() }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(step, { minLength: 1, maxLength: 25 }), (initial, steps) => {
        let list = initial.map(([s, e], i) => coding(i + 1, s, e));
        let model = placeCodings(list, codes, built.map);
        let nextId = 1000;
        for (const st of steps) {
          const lanesBefore = new Map(model.placed.map((p) => [p.id, p.lane]));
          let change: { added: Coding[]; removed: number[] };
          if ('add' in st) change = { added: [coding(nextId++, st.add[0], st.add[1], st.code)], removed: [] };
          else if (list.length > 0) change = { added: [], removed: [list[st.remove % list.length]!.id] };
          else continue;
          list = [...list.filter((c) => !change.removed.includes(c.id)), ...change.added];
          model = patchModel(model, change, codes, built.map, null);
          // The same codings in the same order, at the same places, as a model made from scratch.
          const fresh = placeCodings(list, codes, built.map);
          expect(model.placed.map((p) => [p.id, p.from, p.to])).toEqual(fresh.placed.map((p) => [p.id, p.from, p.to]));
          expect([...model.byId.keys()].sort((a, b) => a - b)).toEqual(fresh.placed.map((p) => p.id).sort((a, b) => a - b));
          expect(model.maxLength).toBeGreaterThanOrEqual(fresh.maxLength);
          // Nothing already in the margin moves.
          for (const p of model.placed) if (lanesBefore.has(p.id)) expect(p.lane).toBe(lanesBefore.get(p.id));
          lanesHold(model);
          expect(model.laneCount).toBeGreaterThan(Math.max(-1, ...model.placed.map((p) => p.lane)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a coding whose memo or code changed is redrawn in its own lane, not moved', () => {
    const list = [coding(1, 0, 60), coding(2, 10, 80), coding(3, 20, 90)];
    const model = placeCodings(list, codes, built.map);
    const lane = model.byId.get(2)!.lane;
    const patched = patchModel(model, { added: [{ ...list[1]!, memoCount: 1, codeId: 3 }], removed: [] }, codes, built.map, null);
    expect(patched.byId.get(2)).toMatchObject({ lane, memo: true, color: '#59a14f' });
    expect(patched.placed).toHaveLength(3);
  });
});
