import { useEffect, useState } from 'react';
import { percent } from '../../../../shared/domain/analysis/format.ts';
import { crosswalkTable, frameworkSummaryTable } from '../../../../shared/domain/analysis/tables.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useExcerptsStore } from '../excerpts/store.ts';
import { CountingRules } from './CountingRules.tsx';
import { TableExportButtons } from '../../ui/ExportButtons.tsx';
import { useAnalysisStore } from './store.ts';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round(percent(n / d))}%`);

/** How much of each reference framework the questionnaire and the categories reach. */
export function FrameworksTab() {
  const { coverage, loadCoverage } = useAnalysisStore();
  const codes = useCodebookStore((s) => s.codes);
  const showExcerpts = useExcerptsStore((s) => s.showExcerpts);
  const [frameworkId, setFrameworkId] = useState<number | null>(null);
  useEffect(() => void attempt(loadCoverage), [loadCoverage, codes]);
  if (!coverage) return null;
  if (coverage.frameworks.length === 0) return <div className="empty-state">No reference frameworks yet. Add one in the codebook to see which of its elements the data covers.</div>;
  const f = coverage.frameworks.find((x) => x.id === frameworkId) ?? coverage.frameworks[0]!;

  return (
    <div className="analysis-tab">
      <div className="analysis-scroll">
        <div className="coverage-cards">
          {coverage.frameworks.map((x) => (
            <button key={x.id} className={`coverage-card${x.id === f.id ? ' on' : ''}`} aria-pressed={x.id === f.id} onClick={() => setFrameworkId(x.id)}>
              <span className="coverage-name">{x.name}</span>
              <span className="coverage-figure"><b>{pct(x.itemsLinked, x.itemsTotal)}</b> of items <span className="muted">({x.itemsLinked}/{x.itemsTotal})</span></span>
              <span className="coverage-figure"><b>{pct(x.categoriesLinked, x.categoriesTotal)}</b> of categories <span className="muted">({x.categoriesLinked}/{x.categoriesTotal})</span></span>
            </button>
          ))}
          <span className="spacer" />
          <TableExportButtons table={() => frameworkSummaryTable(coverage)} />
        </div>
        <div className="section-head">
          <h3>Crosswalk: categories × {f.name}</h3>
          <span className="spacer" />
          <TableExportButtons table={() => crosswalkTable(coverage, f.id)} />
        </div>
        <table className="matrix crosswalk rotated" aria-label={`Crosswalk of categories and ${f.name}`}>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">Category</th>
              {f.elements.map((e) => <th key={e.id} scope="col" className="num" title={`${e.name}: ${e.items} items, ${e.categories} categories`}><span>{e.name}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {coverage.crosswalk.map((r) => (
              <tr key={r.codeId}>
                <th scope="row" className="matrix-label" style={{ paddingLeft: 8 + r.depth * 16 }}>
                  <span className="swatch" style={{ background: r.color }} />
                  <span className="matrix-label-text">{r.label}</span>
                </th>
                {f.elements.map((e) =>
                  r.elementIds.includes(e.id) ? (
                    <td key={e.id} className="num">
                      <button className="cell linked" aria-label={`${r.label} → ${e.name}: ${r.codings} codings`} onClick={() => void attempt(() => showExcerpts(`${r.label} (${e.name})`, { codeIds: [r.codeId], includeDescendants: true }))}>
                        {r.codings}
                      </button>
                    </td>
                  ) : (
                    <td key={e.id} className="num unlinked" aria-label="not linked" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="matrix-label">Questionnaire items</th>
              {f.elements.map((e) => <td key={e.id} className="num center">{e.items}</td>)}
            </tr>
            <tr>
              <th scope="row" className="matrix-label" title="Distinct codings of every code linked to the element, with subcodes">Codings (distinct)</th>
              {f.elements.map((e) => <td key={e.id} className="num center">{e.codings}</td>)}
            </tr>
          </tfoot>
        </table>
        <CountingRules kind="frameworks" />
      </div>
    </div>
  );
}
