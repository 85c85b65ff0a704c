import { useMemo } from 'react';
import { treeOrder } from '../../../../shared/domain/analysis/rows.ts';
import { useCodebookStore } from '../codebook/store.ts';

/** A code chooser in codebook order, indented by depth. */
export function CodeSelect({ value, onChange, label, autoFocus = false }: { value: number | null; onChange: (id: number | null) => void; label: string; autoFocus?: boolean }) {
  const codes = useCodebookStore((s) => s.codes);
  const ordered = useMemo(() => treeOrder(codes), [codes]);
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} autoFocus={autoFocus}>
      <option value="">Choose a code…</option>
      {ordered.map(({ code, depth }) => <option key={code.id} value={code.id}>{'\u2003'.repeat(depth)}{code.name}</option>)}
    </select>
  );
}
