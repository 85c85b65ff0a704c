import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { chartData, type ChartSeries } from '../../../../shared/domain/analysis/chart-data.ts';
import { formatValue, MEASURE_LABEL } from '../../../../shared/domain/analysis/format.ts';
import { maxOf } from '../../../../shared/domain/analysis/heat.ts';
import { frequencyTable, visibleColumns } from '../../../../shared/domain/analysis/tables.ts';
import type { MatrixColumn, Measure } from '../../../../shared/domain/analysis/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useExcerptsStore, type ExcerptQuery } from '../excerpts/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { CoderPicker } from './CoderPicker.tsx';
import { CountingRules } from './CountingRules.tsx';
import { TableExportButtons } from '../../ui/ExportButtons.tsx';
import { FrequencyChart } from './FrequencyChart.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { RowPicker, Segmented, SourceKindPicker } from './Pickers.tsx';
import { coderChoice, coderFilter, coderSuffix, useAnalysisStore, type FrequencyParams } from './store.ts';

const BAR_MODES: { value: FrequencyParams['chart']; label: string }[] = [
  { value: 'grouped', label: 'Grouped' },
  { value: 'stacked', label: 'Stacked' },
];

const NO_SERIES: ChartSeries[] = [];

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

const sameSeries = (a: ChartSeries, b: ChartSeries) => a.key === b.key && a.label === b.label && a.color === b.color && a.column === b.column;

/**
 * The array kept from the last render while its items are equal: a new matrix with the same
 * columns then leaves the chart's bar shape, tooltip and legend untouched (only the data changes).
 */
function useSameSeries(next: ChartSeries[]): ChartSeries[] {
  const kept = useRef(next);
  const prev = kept.current;
  if (prev !== next && (prev.length !== next.length || prev.some((s, i) => !sameSeries(s, next[i]!)))) kept.current = next;
  return kept.current;
}

/** Categories × participants (or an attribute): heat table, bar chart, drill-down to excerpts. */
export function FrequencyTab() {
  const { frequency: f, matrix, selectedCell, setFrequency, loadFrequency, selectCell, coders, hiddenCoders, loadCoders } = useAnalysisStore();
  const attributes = useParticipantsStore((s) => s.attributes);
  const participants = useParticipantsStore((s) => s.participants);
  const codes = useCodebookStore((s) => s.codes);
  const showExcerpts = useExcerptsStore((s) => s.showExcerpts);

  // On opening and when the codebook or participants change (the coders first: the matrix counts
  // the chosen ones); a settings change fetches in its own handler (below).
  useEffect(
    () =>
      void attempt(async () => {
        await loadCoders();
        await loadFrequency();
      }),
    [loadCoders, loadFrequency, codes, participants],
  );
  const choice = useMemo(() => coderChoice(coders, hiddenCoders), [coders, hiddenCoders]);

  /** Settings change: the matrix request goes out from the event handler, before React re-renders anything. */
  const change = useCallback(
    (patch: Partial<FrequencyParams>) => {
      const before = useAnalysisStore.getState().frequency;
      setFrequency(patch);
      const after = useAnalysisStore.getState().frequency;
      if (before.rows !== after.rows || before.columns !== after.columns || before.measure !== after.measure || before.sourceKind !== after.sourceKind) void attempt(loadFrequency);
    },
    [setFrequency, loadFrequency],
  );

  const by = f.columns.kind === 'participant' ? 'participant' : (attributes.find((a) => f.columns.kind === 'attribute' && a.id === f.columns.attributeId)?.name ?? 'attribute');
  const title = `${MEASURE_LABEL[matrix?.measure ?? f.measure]} by ${by}${coderSuffix(choice)}`;
  const cols = useMemo(() => (matrix ? visibleColumns(matrix, f.showUnattributed) : []), [matrix, f.showUnattributed]);
  const chart = useMemo(() => (matrix ? chartData(matrix, f.showUnattributed) : null), [matrix, f.showUnattributed]);
  const series = useSameSeries(chart?.series ?? NO_SERIES);

  const open = (row: number, column: number) => {
    if (!matrix) return;
    const r = matrix.rows[row]!;
    const c = matrix.columns[column]!;
    selectCell({ row, column });
    const query: ExcerptQuery = { codeIds: r.codeIds, includeDescendants: false, ...columnFilter(c), ...(f.sourceKind ? { sourceKinds: [f.sourceKind] } : {}), ...coderFilter(choice) };
    void attempt(() => showExcerpts(`${r.label} · ${c.label}${choice.all ? '' : ` · ${choice.names!.join(', ')}`}`, query));
  };
  // Stable handlers for the memoised table and chart, always calling the latest `open`.
  const openRef = useRef(open);
  useLayoutEffect(() => {
    openRef.current = open;
  });
  const onBar = useCallback((row: number, column: number) => openRef.current(row, column), []);
  const onCell = useCallback((i: number, j: number) => openRef.current(i, cols[j]!), [cols]);

  // Everything the heat table draws, derived from the matrix only: a settings change does not redraw it with the old one.
  const attributeColumns = f.columns.kind === 'attribute';
  const headers = useMemo(
    () =>
      matrix
        ? cols.map((j) => {
            const c = matrix.columns[j]!;
            const n = c.participantIds.length;
            return { key: c.key, label: attributeColumns && c.filter.kind !== 'unattributed' ? `${c.label} (${n})` : c.label, muted: c.filter.kind === 'unattributed', title: c.filter.kind === 'unattributed' ? 'Documents, interviewer turns and text outside any participant\'s units' : `${c.label}: ${n} participant${n === 1 ? '' : 's'}` };
          })
        : [],
    [matrix, cols, attributeColumns],
  );
  const value = useCallback((i: number, j: number) => matrix!.values[i]![cols[j]!]!, [matrix, cols]);
  const measure = matrix?.measure;
  const format = useCallback((v: number) => formatValue(v, measure ?? 'codings'), [measure]);
  const max = useMemo(() => (matrix ? maxOf(matrix.rows.map((r, i) => (r.leaf ? cols.map((j) => matrix.values[i]![j]!) : []))) : 0), [matrix, cols]);
  const total = useMemo(() => (matrix ? { label: 'Total', value: (i: number) => matrix.rowTotals[i]!, columnValue: (j: number) => matrix.columnTotals[cols[j]!]!, grand: matrix.grandTotal } : undefined), [matrix, cols]);
  const selectedColumn = selectedCell && cols.includes(selectedCell.column) ? cols.indexOf(selectedCell.column) : -1;
  const selected = useMemo(() => (selectedCell && selectedColumn >= 0 ? { row: selectedCell.row, column: selectedColumn } : null), [selectedCell, selectedColumn]);
  const coverage = measure === 'coverage';
  const modePicker = useMemo(
    () =>
      coverage ? (
        <span className="muted chart-note" title="Each column's share has its own denominator, so shares are shown side by side, not stacked">Shares side by side</span>
      ) : (
        <Segmented label="Bars" options={BAR_MODES} value={f.chart} onChange={(chart) => change({ chart })} />
      ),
    [coverage, f.chart, change],
  );

  return (
    <div className="analysis-tab">
      <div className="analysis-toolbar" role="toolbar" aria-label="Frequency settings">
        <RowPicker value={f.rows} onChange={(rows) => change({ rows })} />
        <label className="tool-field">
          <span>Columns</span>
          <select
            aria-label="Columns"
            value={f.columns.kind === 'participant' ? 'participant' : `attr:${f.columns.attributeId}`}
            onChange={(e) => change({ columns: e.target.value === 'participant' ? { kind: 'participant' } : { kind: 'attribute', attributeId: Number(e.target.value.slice(5)) } })}
          >
            <option value="participant">Participants</option>
            {attributes.map((a) => <option key={a.id} value={`attr:${a.id}`}>By {a.name}</option>)}
          </select>
        </label>
        <Segmented label="Measure" options={MEASURES} value={f.measure} onChange={(measure) => change({ measure })} />
        <SourceKindPicker value={f.sourceKind} onChange={(sourceKind) => change({ sourceKind })} />
        <label className="inline-check" title="Codings in documents, interviewer turns and text outside any participant's units">
          <input type="checkbox" checked={f.showUnattributed} onChange={(e) => change({ showUnattributed: e.target.checked })} /> Unattributed
        </label>
        <CoderPicker onChange={() => void attempt(loadFrequency)} />
      </div>
      {choice.none && <p className="analysis-note muted">No coder is chosen: tick at least one under Coders to count their codings.</p>}
      {matrix && (
        <div className="analysis-scroll">
          <div className="frequency-layout">
          <figure className="frequency-table" aria-label={`${title}, table`}>
          <figcaption className="chart-head">
            <span className="chart-title">{title}</span>
            <span className="spacer" />
            <TableExportButtons table={() => frequencyTable(matrix, title, f.showUnattributed, choice.names)} />
          </figcaption>
          <MatrixTable label={title} rows={matrix.rows} columns={headers} value={value} format={format} max={max} total={total} selected={selected} onCell={onCell} />
          <p className="table-note muted">
            {matrix.codingCount} codings · shading relative to the largest {f.rows.kind === 'codes' ? 'category ' : ''}cell · Enter or click a cell for its excerpts
          </p>
          <CountingRules kind="frequency" />
          </figure>
          {chart && chart.data.length > 0 && (
            <FrequencyChart
              title={title}
              data={chart.data}
              series={series}
              // Coverage shares have different denominators per column: adding them up means nothing.
              mode={matrix.measure === 'coverage' ? 'grouped' : f.chart}
              unit={matrix.measure === 'coverage' ? '%' : ''}
              onBar={onBar}
              modePicker={modePicker}
            />
          )}
          </div>
        </div>
      )}
    </div>
  );
}
