import { useCallback, useEffect, useMemo } from 'react';
import { maxOf } from '../../../../shared/domain/analysis/heat.ts';
import { cooccurrenceTable } from '../../../../shared/domain/analysis/tables.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useExcerptsStore } from '../excerpts/store.ts';
import { CoderPicker } from './CoderPicker.tsx';
import { CountingRules } from './CountingRules.tsx';
import { TableExportButtons } from '../../ui/ExportButtons.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { RowPicker, Segmented, SourceKindPicker } from './Pickers.tsx';
import { coderChoice, coderFilter, coderSuffix, useAnalysisStore, type CooccurrenceParams } from './store.ts';

/** Codes × codes: how often two codes meet in the text or in one unit; cells open the passages. */
export function CooccurrenceTab() {
  const { cooccurrence: c, cooccurrenceMatrix: m, setCooccurrence, loadCooccurrence, coders, hiddenCoders, loadCoders } = useAnalysisStore();
  const codes = useCodebookStore((s) => s.codes);
  const showPassages = useExcerptsStore((s) => s.showPassages);
  // On opening and when the codebook changes, the coders first (the matrix counts the chosen ones); settings changes fetch from their handlers.
  useEffect(
    () =>
      void attempt(async () => {
        await loadCoders();
        await loadCooccurrence();
      }),
    [loadCoders, loadCooccurrence, codes],
  );
  const change = useCallback(
    (patch: Partial<CooccurrenceParams>) => {
      setCooccurrence(patch);
      void attempt(loadCooccurrence);
    },
    [setCooccurrence, loadCooccurrence],
  );
  const choice = useMemo(() => coderChoice(coders, hiddenCoders), [coders, hiddenCoders]);
  const offDiagonal = m ? maxOf(m.counts.map((r, i) => r.map((v, j) => (i === j ? 0 : v)))) : 0;
  const title = `${c.mode === 'overlap' ? 'Co-occurrence: overlapping codings' : 'Co-occurrence: codings in the same unit'}${coderSuffix(choice)}`;

  return (
    <div className="analysis-tab">
      <div className="analysis-toolbar" role="toolbar" aria-label="Co-occurrence settings">
        <RowPicker value={c.rows} onChange={(rows) => change({ rows })} allLabel="All codes, each on its own" />
        <Segmented
          label="Count"
          options={[{ value: 'overlap', label: 'Overlapping text' }, { value: 'unit', label: 'Same unit' }]}
          value={c.mode}
          onChange={(mode) => change({ mode })}
        />
        <SourceKindPicker value={c.sourceKind} onChange={(sourceKind) => change({ sourceKind })} />
        <CoderPicker onChange={() => void attempt(loadCooccurrence)} />
        <span className="spacer" />
        <TableExportButtons table={() => cooccurrenceTable(m!, title, choice.names)} disabled={!m} />
      </div>
      {choice.none && <p className="analysis-note muted">No coder is chosen: tick at least one under Coders to count their codings.</p>}
      {m && (
        <div className="analysis-scroll">
          <MatrixTable
            label={title}
            rows={m.rows}
            columns={m.rows.map((r) => ({ key: r.key, label: r.label, title: r.path.join(' / ') }))}
            rotateHeaders
            value={(i, j) => m.counts[i]![j]!}
            format={String}
            max={offDiagonal}
            inert={(i, j) => i === j}
            selected={null}
            onCell={(i, j) => {
              if (i === j) return;
              const a = m.rows[i]!;
              const b = m.rows[j]!;
              void attempt(() =>
                showPassages(`${a.label} + ${b.label}${choice.all ? '' : ` · ${choice.names!.join(', ')}`}`, {
                  codeIdsA: a.codeIds,
                  codeIdsB: b.codeIds,
                  mode: c.mode,
                  ...(c.sourceKind ? { sourceKinds: [c.sourceKind] } : {}),
                  ...coderFilter(choice),
                }),
              );
            }}
          />
          <p className="table-note muted">Pairs of codings · grey diagonal: codings of the code · click a cell for the passages</p>
          <CountingRules kind="cooccurrence" />
        </div>
      )}
    </div>
  );
}
