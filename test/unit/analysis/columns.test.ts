import { describe, expect, it } from 'vitest';
import { buildColumns, type AttributeLite, type ParticipantLite } from '../../../shared/domain/analysis/columns.ts';

// Labels as researchers number them: P10 after P2, case not mattering; two "PB"s kept apart by id.
const participants: ParticipantLite[] = [
  { id: 4, label: 'P10', attributes: { 1: '12', 2: 'engineering' } },
  { id: 2, label: 'p1', attributes: { 1: '9', 2: 'Business' } },
  { id: 7, label: 'PB', attributes: { 2: 'business' } },
  { id: 3, label: 'P2', attributes: { 1: '12', 2: 'engineering' } },
  { id: 5, label: 'PB', attributes: { 1: '100' } },
];
const attributes: AttributeLite[] = [
  { id: 1, name: 'Years teaching', type: 'number' },
  { id: 2, name: 'School', type: 'text' },
];

describe('the columns of a frequency matrix (compare by participant or by attribute)', () => {
  it('gives one column per participant in natural order, then the unattributed text', () => {
    const { columns, columnOf } = buildColumns({ kind: 'participant' }, participants, attributes);
    expect(columns.map((c) => c.label)).toEqual(['p1', 'P2', 'P10', 'PB', 'PB', 'Unattributed']);
    expect(columns.map((c) => c.key)).toEqual(['p:2', 'p:3', 'p:4', 'p:5', 'p:7', 'none']);
    expect(columns[0]).toEqual({ key: 'p:2', label: 'p1', participantIds: [2], filter: { kind: 'participant', participantId: 2 } });
    expect(columns[5]).toEqual({ key: 'none', label: 'Unattributed', participantIds: [], filter: { kind: 'unattributed' } });
    expect([columnOf(4), columnOf(7), columnOf(null), columnOf(99)]).toEqual([2, 4, 5, 5]);
  });

  it('orders a number attribute’s values as numbers, with a "(no value)" column for those without one', () => {
    const { columns, columnOf } = buildColumns({ kind: 'attribute', attributeId: 1 }, participants, attributes);
    expect(columns.map((c) => [c.label, c.participantIds])).toEqual([['9', [2]], ['12', [3, 4]], ['100', [5]], ['(no value)', [7]], ['Unattributed', []]]);
    expect(columns[1]).toEqual({ key: 'v:12', label: '12', participantIds: [3, 4], filter: { kind: 'attribute', attributeId: 1, value: '12' } });
    expect(columns[3]).toEqual({ key: 'v:', label: '(no value)', participantIds: [7], filter: { kind: 'attribute', attributeId: 1, value: null } });
    expect([columnOf(2), columnOf(3), columnOf(4), columnOf(7), columnOf(null)]).toEqual([0, 1, 1, 3, 4]);
  });

  it('orders a text attribute’s values naturally, each spelling its own column, and leaves out "(no value)" when all have one', () => {
    const { columns } = buildColumns({ kind: 'attribute', attributeId: 2 }, participants.filter((p) => p.id !== 5), attributes);
    // Values that differ only in case stay apart, in the order they were first met.
    expect(columns.map((c) => c.label)).toEqual(['Business', 'business', 'engineering', 'Unattributed']);
    // Decimals: as numbers 0.25 comes before 0.5; read as text (digit runs compared) it would not.
    const shares: ParticipantLite[] = [
      { id: 1, label: 'A', attributes: { 3: '0.5' } },
      { id: 2, label: 'B', attributes: { 3: '0.25' } },
      { id: 3, label: 'C', attributes: { 3: '1' } },
    ];
    const labels = (type: AttributeLite['type']) => buildColumns({ kind: 'attribute', attributeId: 3 }, shares, [{ id: 3, name: 'Share', type }]).columns.map((c) => c.label);
    expect(labels('number')).toEqual(['0.25', '0.5', '1', 'Unattributed']);
    expect(labels('text')).toEqual(['0.5', '0.25', '1', 'Unattributed']);
  });
});
