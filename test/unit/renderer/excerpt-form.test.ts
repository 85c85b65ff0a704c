import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formOf, queryOf } from '../../../renderer/src/features/excerpts/form.ts';

// Why(1) > Value(2) > Size(4); Why(1) > Strategy(3); What(5) alone.
const codes = [
  { id: 1, parentId: null, name: 'Why', color: '#111', position: 0 },
  { id: 2, parentId: 1, name: 'Value', color: '#111', position: 0 },
  { id: 3, parentId: 1, name: 'Strategy', color: '#111', position: 1 },
  { id: 4, parentId: 2, name: 'Size', color: '#111', position: 0 },
  { id: 5, parentId: null, name: 'What', color: '#111', position: 1 },
];

describe('the Coded excerpts form and the query it asks for', () => {
  it('asks for nothing until a code is chosen, then for exactly the filters set', () => {
    expect(queryOf(EMPTY_FORM)).toBeNull();
    expect(queryOf({ ...EMPTY_FORM, codeId: 2, who: '7', attributeId: 3, value: '\u0000', kind: 'interview', coderId: 9, from: '2026-01-01' })).toEqual({
      codeIds: [2], includeDescendants: true, participantIds: [7], attribute: { attributeId: 3, value: null }, sourceKinds: ['interview'], coderIds: [9], from: '2026-01-01',
    });
    expect(queryOf({ ...EMPTY_FORM, codeId: 5, who: 'none', descendants: false })).toEqual({ codeIds: [5], includeDescendants: false, unattributed: true });
  });

  it('reads a frequency cell: a rolled-up row is its code with subcodes, its column the participant or value', () => {
    // The "Why" row of the matrix lists Why and all its descendants.
    const cell = { codeIds: [1, 2, 4, 3], includeDescendants: false, participantIds: [7], sourceKinds: ['interview' as const] };
    const form = formOf(cell, codes)!;
    expect(form).toMatchObject({ codeId: 1, descendants: true, who: '7', kind: 'interview' });
    // The form asks again for the same passages.
    expect(queryOf(form)).toEqual({ codeIds: [1], includeDescendants: true, participantIds: [7], sourceKinds: ['interview'] });
    // A "direct" row is the code alone; a column of no participant and one of an attribute value.
    expect(formOf({ codeIds: [2], includeDescendants: false, unattributed: true }, codes)).toMatchObject({ codeId: 2, descendants: false, who: 'none' });
    expect(formOf({ codeIds: [5], includeDescendants: false, attribute: { attributeId: 3, value: 'Lecturer' } }, codes)).toMatchObject({ codeId: 5, descendants: true, attributeId: 3, value: 'Lecturer' });
  });

  it('gives up on what the form cannot say, so the tab shows nothing rather than a list its filters do not describe', () => {
    expect(formOf({ codeIds: [2, 3], includeDescendants: false }, codes)).toBeNull(); // two siblings
    expect(formOf({ codeIds: [1, 2], includeDescendants: false }, codes)).toBeNull(); // part of a subtree
    expect(formOf({ codeIds: [5], participantIds: [7, 8] }, codes)).toBeNull();
    expect(formOf({ codeIds: [5], coderIds: [1, 2] }, codes)).toBeNull();
  });
});
