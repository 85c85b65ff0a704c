import { memo, type KeyboardEvent } from 'react';
import { heat } from '../../../../shared/domain/analysis/heat.ts';
import type { MatrixRow } from '../../../../shared/domain/analysis/types.ts';

export type MatrixHeader = { key: string; label: string; title?: string; muted?: boolean };

type Props = {
  label: string;
  rows: readonly MatrixRow[];
  columns: readonly MatrixHeader[];
  value: (row: number, column: number) => number;
  format: (value: number) => string;
  /** The value that gets the darkest shade. */
  max: number;
  total?: { label: string; value: (row: number) => number; columnValue?: (column: number) => number; grand?: number };
  selected: { row: number; column: number } | null;
  onCell: (row: number, column: number) => void;
  /** Cells not to shade or open (e.g. a co-occurrence diagonal). */
  inert?: (row: number, column: number) => boolean;
  rotateHeaders?: boolean;
};

/** Arrow keys move between cells, as in a spreadsheet. */
function moveFocus(e: KeyboardEvent<HTMLTableElement>) {
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const move = moves[e.key];
  const from = e.target as HTMLElement;
  if (!move || from.dataset['r'] === undefined) return;
  const r = Number(from.dataset['r']) + move[0];
  const c = Number(from.dataset['c']) + move[1];
  const next = e.currentTarget.querySelector<HTMLButtonElement>(`button[data-r="${r}"][data-c="${c}"]`);
  if (next) {
    next.focus();
    e.preventDefault();
  }
}

/** A heat-shaded matrix; every cell is a button that opens its excerpts. Memoised: pass stable props to skip re-rendering. */
export const MatrixTable = memo(function MatrixTable(p: Props) {
  return (
    <table className={`matrix${p.rotateHeaders ? ' rotated' : ''}`} aria-label={p.label} onKeyDown={moveFocus}>
      <thead>
        <tr>
          <th scope="col" className="matrix-corner">Code</th>
          {p.columns.map((c) => (
            <th key={c.key} scope="col" className={`num${c.muted ? ' muted-col' : ''}`} title={c.title ?? c.label}>
              <span>{c.label}</span>
            </th>
          ))}
          {p.total && <th scope="col" className="num total-col">{p.total.label}</th>}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r, i) => (
          <tr key={r.key} className={r.leaf ? undefined : 'parent-row'}>
            <th scope="row" className="matrix-label" style={{ paddingLeft: 8 + r.depth * 16 }} title={r.path.join(' / ')}>
              <span className="swatch" style={{ background: r.color }} />
              <span className="matrix-label-text">{r.label}</span>
            </th>
            {p.columns.map((c, j) => {
              const v = p.value(i, j);
              const inert = p.inert?.(i, j) ?? false;
              // Parent rows are subtotals: left unshaded so they do not drown the categories.
              const shade = inert || !r.leaf || v === 0 ? undefined : heat(v, p.max);
              const selected = p.selected?.row === i && p.selected.column === j;
              return (
                <td key={c.key} className="num">
                  <button
                    className={`cell${selected ? ' selected' : ''}${inert ? ' inert' : ''}${v === 0 && !inert ? ' zero' : ''}`}
                    style={shade}
                    data-r={i}
                    data-c={j}
                    aria-label={`${r.label}, ${c.label}: ${p.format(v)}`}
                    aria-pressed={selected}
                    onClick={() => p.onCell(i, j)}
                  >
                    {p.format(v)}
                  </button>
                </td>
              );
            })}
            {p.total && <td className="num total-col">{p.format(p.total.value(i))}</td>}
          </tr>
        ))}
      </tbody>
      {p.total?.columnValue && (
        <tfoot>
          <tr>
            <th scope="row" className="matrix-label">All rows</th>
            {p.columns.map((c, j) => <td key={c.key} className="num">{p.format(p.total!.columnValue!(j))}</td>)}
            <td className="num total-col">{p.total.grand === undefined ? '' : p.format(p.total.grand)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
});
