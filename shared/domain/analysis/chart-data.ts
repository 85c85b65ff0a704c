import { percent } from './format.ts';
import { visibleColumns } from './tables.ts';
import type { FrequencyMatrix } from './types.ts';

// Participant colours, kept apart from the code palette so a bar is never read as a code.
const SERIES = ['#3b6ea8', '#d08c2a', '#5b9a68', '#a45a8c', '#c2584f', '#4d9fa6', '#8c7a3c', '#6f6cb0', '#7c8a96', '#b7799b'];
export const UNATTRIBUTED_COLOR = '#b5b1a8';

export type ChartSeries = { key: string; label: string; color: string; column: number };
export type ChartDatum = { rowKey: string; row: number; label: string } & Record<string, number | string>;

/**
 * Recharts rows: one per leaf row of the matrix (rolled-up parents would double the bars),
 * one numeric field per visible column, keyed by series key. Coverage in percent.
 */
export function chartData(m: FrequencyMatrix, showUnattributed: boolean): { data: ChartDatum[]; series: ChartSeries[] } {
  const cols = visibleColumns(m, showUnattributed);
  let n = 0;
  const series = cols.map((c) => {
    const col = m.columns[c]!;
    const unattributed = col.filter.kind === 'unattributed';
    return { key: `s${c}`, label: col.label, color: unattributed ? UNATTRIBUTED_COLOR : SERIES[n++ % SERIES.length]!, column: c };
  });
  const data = m.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.leaf)
    .map(({ r, i }) => {
      const d: ChartDatum = { rowKey: r.key, row: i, label: r.label };
      for (const s of series) {
        const v = m.values[i]![s.column]!;
        d[s.key] = m.measure === 'coverage' ? percent(v) : v;
      }
      return d;
    });
  return { data, series };
}
