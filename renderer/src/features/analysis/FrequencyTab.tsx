import { useEffect, useMemo } from 'react';
import { chartData } from '../../../../shared/domain/analysis/chart-data.ts';
import { formatValue, MEASURE_LABEL } from '../../../../shared/domain/analysis/format.ts';
import { maxOf } from '../../../../shared/domain/analysis/heat.ts';
import { frequencyTable, visibleColumns } from '../../../../shared/domain/analysis/tables.ts';
import type { MatrixColumn, Measure } from '../../../../shared/domain/analysis/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useExcerptsStore, type ExcerptQuery } from '../excerpts/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { CountingRules } from './CountingRules.tsx';
import { TableExportButtons } from './ExportButtons.tsx';
import { FrequencyChart } from './FrequencyChart.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { RowPicker, Segmented, SourceKindPicker } from './Pickers.tsx';
import { useAnalysisStore } from './store.ts';

const MEASURES: { value: Measure; label: string }[] = [
  { value: 'codings', label: 'Codings' },
  { value: 'sources', label: 'Sources' },
  { value: 'coverage', label: 'Coverage %' },
];

export const columnFilter = (c: MatrixColumn): Partial<ExcerptQuery> =>
  c.filter.kind === 'participant'
    ? { participantIds: [c.filter.participantId] }
    : c.filter.kind === 'unattributed'
      ? { unattributed: true }
      : { attribute: { attributeId: c.filter.attributeId, value: c.filter.value } };

/** Categories × participants (or an attribute): heat table, bar chart, drill-down to excerpts. */
export function FrequencyTab() {
  const { frequency: f, matrix, selectedCell, setFrequency, loadFrequency, selectCell } = useAnalysisStore();
  const attributes = useParticipantsStore((s) => s.attributes);
  const participants = useParticipantsStore((s) => s.participants);
  const codes = useCodebookStore((s) => s.codes);
  const showExcerpts = useExcerptsStore((s) => s.showExcerpts);

  useEffect(() => void attempt(loadFrequency), [f.rows, f.columns, f.measure, f.sourceKind, loadFrequency, codes, participants]);

  const by = f.columns.kind === 'participant' ? 'participant' : (attributes.find((a) => f.columns.kind === 'attribute' && a.id === f.columns.attributeId)?.name ?? 'attribute');
  const title = `${MEASURE_LABEL[matrix?.measure ?? f.measure]} by ${by}`;
  const cols = useMemo(() => (matrix ? visibleColumns(matrix, f.showUnattributed) : []), [matrix, f.showUnattributed]);
  const chart = useMemo(() => (matrix ? chartData(matrix, f.showUnattributed) : null), [matrix, f.showUnattributed]);

  const open = (row: number, column: number) => {
    if (!matrix) return;
    const r = matrix.rows[row]!;
    const c = matrix.columns[column]!;
    selectCell({ row, column });
    const query: ExcerptQuery = { codeIds: r.codeIds, includeDescendants: false, ...columnFilter(c), ...(f.sourceKind ? { sourceKinds: [f.sourceKind] } : {}) };
    void attempt(() => showExcerpts(`${r.label} · ${c.label}`, query));
  };

  return (
    <div className="analysis-tab">
      <div className="analysis-toolbar" role="toolbar" aria-label="Frequency settings">
        <RowPicker value={f.rows} onChange={(rows) => setFrequency({ rows })} />
        <label className="tool-field">
          <span>Columns</span>
          <select
            aria-label="Columns"
            value={f.columns.kind === 'participant' ? 'participant' : `attr:${f.columns.attributeId}`}
            onChange={(e) => setFrequency({ columns: e.target.value === 'participant' ? { kind: 'participant' } : { kind: 'attribute', attributeId: Number(e.target.value.slice(5)) } })}
          >
            <option value="participant">Participants</option>
            {attributes.map((a) => <option key={a.id} value={`attr:${a.id}`}>By {a.name}</option>)}
          </select>
        </label>
        <Segmented label="Measure" options={MEASURES} value={f.measure} onChange={(measure) => setFrequency({ measure })} />
        <SourceKindPicker value={f.sourceKind} onChange={(sourceKind) => setFrequency({ sourceKind })} />
        <label className="inline-check" title="Codings in documents, interviewer turns and text outside any participant's units">
          <input type="checkbox" checked={f.showUnattributed} onChange={(e) => setFrequency({ showUnattributed: e.target.checked })} /> Unattributed
        </label>
      </div>
      {matrix && (
        <div className="analysis-scroll">
          <div className="frequency-layout">
          <figure className="frequency-table" aria-label={`${title}, table`}>
          <figcaption className="chart-head">
            <span className="chart-title">{title}</span>
            <span className="spacer" />
            <TableExportButtons table={() => frequencyTable(matrix, title, f.showUnattributed)} />
          </figcaption>
          <MatrixTable
            label={title}
            rows={matrix.rows}
            columns={cols.map((j) => {
              const c = matrix.columns[j]!;
              const n = c.participantIds.length;
              return { key: c.key, label: f.columns.kind === 'attribute' && c.filter.kind !== 'unattributed' ? `${c.label} (${n})` : c.label, muted: c.filter.kind === 'unattributed', title: c.filter.kind === 'unattributed' ? 'Documents, interviewer turns and text outside any participant\'s units' : `${c.label}: ${n} participant${n === 1 ? '' : 's'}` };
            })}
            value={(i, j) => matrix.values[i]![cols[j]!]!}
            format={(v) => formatValue(v, matrix.measure)}
            max={maxOf(matrix.rows.map((r, i) => (r.leaf ? cols.map((j) => matrix.values[i]![j]!) : [])))}
            total={{ label: 'Total', value: (i) => matrix.rowTotals[i]!, columnValue: (j) => matrix.columnTotals[cols[j]!]! }}
            selected={selectedCell && cols.includes(selectedCell.column) ? { row: selectedCell.row, column: cols.indexOf(selectedCell.column) } : null}
            onCell={(i, j) => open(i, cols[j]!)}
          />
          <p className="table-note muted">
            {matrix.codingCount} codings · shading relative to the largest {f.rows.kind === 'codes' ? 'category ' : ''}cell · Enter or click a cell for its excerpts
          </p>
          <CountingRules kind="frequency" />
          </figure>
          {chart && chart.data.length > 0 && (
            <FrequencyChart
              title={title}
              data={chart.data}
              series={chart.series}
              // Coverage shares have different denominators per column: adding them up means nothing.
              mode={matrix.measure === 'coverage' ? 'grouped' : f.chart}
              unit={matrix.measure === 'coverage' ? '%' : ''}
              onBar={open}
              modePicker={
                matrix.measure === 'coverage' ? (
                  <span className="muted chart-note" title="Each column's share has its own denominator, so shares are shown side by side, not stacked">Shares side by side</span>
                ) : (
                  <Segmented label="Bars" options={[{ value: 'grouped', label: 'Grouped' }, { value: 'stacked', label: 'Stacked' }]} value={f.chart} onChange={(chart) => setFrequency({ chart })} />
                )
              }
            />
          )}
          </div>
        </div>
      )}
    </div>
  );
}
