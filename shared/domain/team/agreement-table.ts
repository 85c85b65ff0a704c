import type { ExportCell, ExportTable } from '../analysis/types.ts';
import type { AgreementReport, AgreementRow } from './agreement.ts';
import type { Stat } from './statistics.ts';

/**
 * The agreement report as one table, the way the Team view shows it and the exports write it:
 * a row per code and the pooled row last; with two coders also the 2×2 counts. Values are
 * rounded to three decimals; a value that cannot be computed is an empty cell, its reason in
 * the Notes column.
 */

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 1000);

export function agreementTable(report: AgreementReport): ExportTable {
  const two = report.coders.length === 2;
  const unit = report.level === 'character' ? 'Characters' : 'Units';
  const [a, b] = report.coders;
  const columns = ['Code', `${unit} compared`, 'Percent agreement', 'Kappa', 'Agreement from text neither coded', 'Krippendorff’s alpha'];
  if (two) columns.push(`Both coded`, `Only ${a!.name}`, `Only ${b!.name}`, 'Neither coded');
  columns.push('Notes');
  const line = (row: AgreementRow): ExportCell[] => {
    const stats: Stat[] = [row.percent, row.kappa, row.neither, row.alpha];
    const cells: ExportCell[] = [row.name, row.compared, ...stats.map((s) => round(s.value))];
    if (two) {
      const t = row.pairs[0]?.table ?? { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
      cells.push(t.both, t.onlyA, t.onlyB, t.neither);
    }
    const labels = ['Percent agreement', 'Kappa', 'Neither coded', 'Alpha'];
    cells.push([...new Set(stats.map((s, i) => (s.note ? `${labels[i]}: ${s.note}` : '')).filter(Boolean))].join(' '));
    return cells;
  };
  const names = report.coders.map((c) => c.name).join(', ');
  return {
    title: `Agreement ${names}`,
    columns,
    rows: [...report.rows.map(line), line(report.overall)],
    notes: [
      `Coders: ${names}. Sources: ${report.sources.map((s) => s.name).join(', ') || 'none'}.`,
      'Percent agreement and agreement from text neither coded are shares from 0 to 1.',
      ...report.notes,
    ],
  };
}
