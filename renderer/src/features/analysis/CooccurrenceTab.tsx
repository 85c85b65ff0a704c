import { useEffect } from 'react';
import { maxOf } from '../../../../shared/domain/analysis/heat.ts';
import { cooccurrenceTable } from '../../../../shared/domain/analysis/tables.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useExcerptsStore } from '../excerpts/store.ts';
import { CountingRules } from './CountingRules.tsx';
import { TableExportButtons } from '../../ui/ExportButtons.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { RowPicker, Segmented, SourceKindPicker } from './Pickers.tsx';
import { useAnalysisStore } from './store.ts';

/** Codes × codes: how often two codes meet in the text or in one unit; cells open the passages. */
export function CooccurrenceTab() {
  const { cooccurrence: c, cooccurrenceMatrix: m, setCooccurrence, loadCooccurrence } = useAnalysisStore();
  const codes = useCodebookStore((s) => s.codes);
  const showPassages = useExcerptsStore((s) => s.showPassages);
  useEffect(() => void attempt(loadCooccurrence), [c, loadCooccurrence, codes]);
  const offDiagonal = m ? maxOf(m.counts.map((r, i) => r.map((v, j) => (i === j ? 0 : v)))) : 0;
  const title = c.mode === 'overlap' ? 'Co-occurrence: overlapping codings' : 'Co-occurrence: codings in the same unit';

  return (
    <div className="analysis-tab">
      <div className="analysis-toolbar" role="toolbar" aria-label="Co-occurrence settings">
        <RowPicker value={c.rows} onChange={(rows) => setCooccurrence({ rows })} allLabel="All codes, each on its own" />
        <Segmented
          label="Count"
          options={[{ value: 'overlap', label: 'Overlapping text' }, { value: 'unit', label: 'Same unit' }]}
          value={c.mode}
          onChange={(mode) => setCooccurrence({ mode })}
        />
        <SourceKindPicker value={c.sourceKind} onChange={(sourceKind) => setCooccurrence({ sourceKind })} />
        <span className="spacer" />
        <TableExportButtons table={() => cooccurrenceTable(m!, title)} disabled={!m} />
      </div>
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
                showPassages(`${a.label} + ${b.label}`, { codeIdsA: a.codeIds, codeIdsB: b.codeIds, mode: c.mode, ...(c.sourceKind ? { sourceKinds: [c.sourceKind] } : {}) }),
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
