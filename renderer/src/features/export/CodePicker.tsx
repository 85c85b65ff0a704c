import { useMemo } from 'react';
import { buildCodeTree, flattenTree } from '../../../../shared/domain/code-tree.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useExportStore } from './store.ts';

/**
 * The codebook with a checkbox per code. With "Include subcodes", the codes below a ticked
 * one are shown ticked and cannot be unticked on their own: they come with their parent.
 */
export function CodePicker() {
  const codes = useCodebookStore((s) => s.codes);
  const { codeIds, includeSubcodes, toggle, set } = useExportStore();
  const rows = useMemo(() => flattenTree(buildCodeTree(codes)), [codes]);
  const parentOf = useMemo(() => new Map(codes.map((c) => [c.id, c.parentId])), [codes]);
  const chosen = new Set(codeIds);
  const underChosen = (id: number): boolean => {
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) if (chosen.has(p)) return true;
    return false;
  };
  const selectAll = () => set({ codeIds: includeSubcodes ? rows.filter((r) => r.depth === 0).map((r) => r.code.id) : rows.map((r) => r.code.id) });

  return (
    <section className="pane export-codes" aria-labelledby="export-codes-title">
      <header className="pane-header">
        <h2 id="export-codes-title">Codes</h2>
        <button onClick={selectAll} disabled={rows.length === 0}>All</button>
        <button onClick={() => set({ codeIds: [] })} disabled={codeIds.length === 0}>None</button>
      </header>
      <div className="pane-tools">
        <label className="inline-check">
          <input type="checkbox" checked={includeSubcodes} onChange={(e) => set({ includeSubcodes: e.target.checked })} /> Include subcodes
        </label>
      </div>
      <div className="pane-body">
        {rows.length === 0 ? (
          <p className="empty-note">The codebook is empty.</p>
        ) : (
          <ul className="check-tree" aria-label="Codes to export">
            {rows.map(({ code, depth, totalCount }) => {
              const inherited = includeSubcodes && underChosen(code.id);
              return (
                <li key={code.id}>
                  <label className="check-row" style={{ paddingLeft: 10 + depth * 16 }} title={inherited ? 'Included with the code above it' : code.definition || undefined}>
                    <input type="checkbox" checked={chosen.has(code.id) || inherited} disabled={inherited} onChange={() => toggle('codeIds', code.id)} />
                    <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
                    <span className="code-name">{code.name}</span>
                    <span className="count" aria-label={`${includeSubcodes ? totalCount : code.codingCount} codings`}>{includeSubcodes ? totalCount : code.codingCount}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
