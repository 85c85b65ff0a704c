import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../shared/domain/types.ts';
import { changedList, codingById } from '../../../renderer/src/features/sources/coding-index.ts';

const coding = (id: number, start = id): Coding => ({
  id, sourceId: 1, codeId: 1, start, end: start + 5, quote: '', coderId: 1, coderName: 'A', createdAt: '2026-12-07T00:00:00Z', participantId: null, memoCount: 0,
});

/** The change written out the plain way: every id of the change out, the added codings in at the end. */
const plainly = (list: readonly Coding[], added: readonly Coding[], removed: readonly number[]) => {
  const out = new Set([...removed, ...added.map((c) => c.id)]);
  return { codings: [...list.filter((c) => !out.has(c.id)), ...added], gone: list.filter((c) => out.has(c.id)) };
};

describe('the open source’s codings by id', () => {
  it('finds every coding of a list, and nothing for an id it does not hold', () => {
    const list = [coding(3), coding(1), coding(7)];
    expect(codingById(list, 7)).toBe(list[2]);
    expect(codingById(list, 2)).toBeUndefined();
    expect(codingById(list, null)).toBeUndefined();
  });

  it('a chain of changes gives the lists the plain way gives, and each list finds exactly its own codings', () => {
    const step = fc.record({ add: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }), remove: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }), start: fc.integer({ min: 0, max: 99 }) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }), fc.array(step, { maxLength: 8 }), (ids, steps) => {
        let list = ids.map((id) => coding(id));
        const lists = [list];
        for (const s of steps) {
          const added = s.add.map((id) => coding(id, s.start));
          const expected = plainly(list, added, s.remove);
          const got = changedList(list, added, s.remove);
          expect(got.codings).toEqual(expected.codings);
          expect(new Set(got.gone)).toEqual(new Set(expected.gone));
          list = got.codings;
          lists.push(list);
          for (let id = 1; id <= 30; id++) expect(codingById(list, id)).toBe(list.find((c) => c.id === id));
        }
        // An earlier list, asked again, still answers for itself.
        for (const l of lists) for (let id = 1; id <= 30; id++) expect(codingById(l, id)).toBe(l.find((c) => c.id === id));
      }),
    );
  });
});
