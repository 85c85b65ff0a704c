import { useMemo } from 'react';
import { coderColor } from '../../../../shared/domain/coder-colors.ts';
import { CoderFilter, type CoderInSource } from '../../ui/CoderFilter.tsx';
import { useAnalysisStore } from './store.ts';

/**
 * Whose codings the matrix counts: all coders, some or one. The document view's coder menu,
 * with each coder's colour and their codings in the project; shown only when the project has
 * more than one coder. One choice for the Frequency and Co-occurrence tabs; `onChange` fetches
 * the tab's matrix again.
 */
export function CoderPicker({ onChange }: { onChange: () => void }) {
  const coders = useAnalysisStore((s) => s.coders);
  const hiddenCoders = useAnalysisStore((s) => s.hiddenCoders);
  const setHiddenCoders = useAnalysisStore((s) => s.setHiddenCoders);
  const listed = useMemo<CoderInSource[]>(() => coders.map((c) => ({ id: c.id, name: c.name, color: coderColor(c.id), codings: c.codings })), [coders]);
  const hidden = useMemo(() => new Set(hiddenCoders), [hiddenCoders]);
  if (coders.length < 2) return null;
  return (
    <span className="tool-field coder-picker">
      <span>Coders</span>
      <CoderFilter
        coders={listed}
        hidden={hidden}
        onChange={(ids) => {
          setHiddenCoders(ids);
          onChange();
        }}
      />
    </span>
  );
}
