import type { AttributeType } from '../types.ts';
import type { ColumnSpec, MatrixColumn } from './types.ts';

export type ParticipantLite = { id: number; label: string; attributes: Record<number, string> };
export type AttributeLite = { id: number; name: string; type: AttributeType };

export const UNATTRIBUTED_LABEL = 'Unattributed';
export const NO_VALUE_LABEL = '(no value)';

const natural = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

/**
 * The columns of a frequency matrix: one per participant or one per value of an attribute,
 * then "(no value)" when some participant lacks the attribute, then the unattributed text
 * (documents, interviewer turns, text outside any unit). Returns the column of a participant.
 */
export function buildColumns(
  spec: ColumnSpec,
  participants: readonly ParticipantLite[],
  attributes: readonly AttributeLite[],
): { columns: MatrixColumn[]; columnOf: (participantId: number | null) => number } {
  const columns: MatrixColumn[] = [];
  const byParticipant = new Map<number, number>();
  const sorted = [...participants].sort((a, b) => natural(a.label, b.label) || a.id - b.id);
  if (spec.kind === 'participant') {
    for (const p of sorted) {
      byParticipant.set(p.id, columns.length);
      columns.push({ key: `p:${p.id}`, label: p.label, participantIds: [p.id], filter: { kind: 'participant', participantId: p.id } });
    }
  } else {
    const attribute = attributes.find((a) => a.id === spec.attributeId);
    const numeric = attribute?.type === 'number';
    const values = [...new Set(sorted.map((p) => p.attributes[spec.attributeId]).filter((v): v is string => v !== undefined))].sort(
      (a, b) => (numeric ? Number(a) - Number(b) : natural(a, b)),
    );
    for (const value of values) {
      const members = sorted.filter((p) => p.attributes[spec.attributeId] === value);
      for (const p of members) byParticipant.set(p.id, columns.length);
      columns.push({
        key: `v:${value}`,
        label: value,
        participantIds: members.map((p) => p.id),
        filter: { kind: 'attribute', attributeId: spec.attributeId, value },
      });
    }
    const missing = sorted.filter((p) => p.attributes[spec.attributeId] === undefined);
    if (missing.length > 0) {
      for (const p of missing) byParticipant.set(p.id, columns.length);
      columns.push({
        key: 'v:',
        label: NO_VALUE_LABEL,
        participantIds: missing.map((p) => p.id),
        filter: { kind: 'attribute', attributeId: spec.attributeId, value: null },
      });
    }
  }
  const unattributed = columns.length;
  columns.push({ key: 'none', label: UNATTRIBUTED_LABEL, participantIds: [], filter: { kind: 'unattributed' } });
  // A unit may name a participant that no longer exists; its text counts as unattributed.
  return { columns, columnOf: (pid) => (pid === null ? unattributed : (byParticipant.get(pid) ?? unattributed)) };
}
