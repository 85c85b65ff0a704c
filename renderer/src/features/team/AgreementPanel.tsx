import { useEffect, useState } from 'react';
import type { AgreementRow } from '../../../../shared/domain/team/agreement.ts';
import type { SourceSummary } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { saveFileDownload } from '../../ui/download.ts';
import { attempt } from '../../ui/notify.ts';
import { DifferencesPanel } from './DifferencesPanel.tsx';
import { coderColor, coefficient, percent, strength } from './format.ts';
import { useTeamStore } from './store.ts';

/** The chosen sources, as a drop-down list of checkboxes. */
function SourcePicker() {
  const { sourceIds, setSources } = useTeamStore();
  const [sources, setList] = useState<SourceSummary[]>([]);
  useEffect(() => void attempt(async () => setList(await call('sources.list', {}))), []);
  const chosen = new Set(sourceIds ?? sources.map((s) => s.id));
  const toggle = (id: number) => {
    const next = chosen.has(id) ? [...chosen].filter((x) => x !== id) : [...chosen, id];
    if (next.length === 0) return;
    void attempt(() => setSources(next.length === sources.length ? null : next));
  };
  return (
    <details className="team-sources">
      <summary>{sourceIds === null ? `All sources (${sources.length})` : `${sourceIds.length} of ${sources.length} sources`}</summary>
      <div className="team-sources-list" role="group" aria-label="Sources compared">
        {sources.map((s) => (
          <label key={s.id} className="inline-check">
            <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} />
            <span>{s.name}</span>
          </label>
        ))}
      </div>
    </details>
  );
}

function StatCell({ value, text, note }: { value: number | null; text: string; note?: string | undefined }) {
  return (
    <td className={`num${value === null ? ' muted' : ''}`} title={note}>
      {text}
      {note && <sup className="team-note-mark" aria-label={`Note: ${note}`}>*</sup>}
    </td>
  );
}

/**
 * The Agreement panel: which coders, sources and level; the table per code (percent
 * agreement, kappa, the share of agreement that is text neither coded, alpha), exported as
 * CSV or XLSX; below it the passages where the first two coders differ.
 */
export function AgreementPanel() {
  const { coders, chosen, level, report, codeId, busy, sourceIds, toggleCoder, setLevel, showCode } = useTeamStore();
  const two = report !== null && report.coders.length === 2;
  const exportAs = (format: 'csv' | 'xlsx') =>
    void attempt(async () => saveFileDownload(await call('team.exportAgreement', { coderIds: chosen, level, format, ...(sourceIds === null ? {} : { sourceIds }) })));
  const unit = level === 'character' ? 'Characters' : 'Units';

  const row = (r: AgreementRow, pooled = false) => {
    const t = r.pairs[0]?.table;
    const band = strength(r.kappa.value);
    const selected = !pooled && r.codeId === codeId;
    return (
      <tr key={r.codeId ?? 'all'} className={`${pooled ? 'team-pooled' : ''}${selected ? ' selected' : ''}`}>
        <th scope="row" className="team-code-cell">
          {pooled ? (
            r.name
          ) : (
            <button className="team-code-button" aria-pressed={selected} title={`${r.name}: show where the coders differ on this code`} onClick={() => void attempt(() => showCode(selected ? null : r.codeId))}>
              {r.name}
            </button>
          )}
        </th>
        <StatCell value={r.percent.value} text={percent(r.percent)} note={r.percent.note} />
        <StatCell value={r.kappa.value} text={coefficient(r.kappa)} note={r.kappa.note} />
        <td className="team-band">{band && <span className={`team-strength ${band.tone}`}>{band.label}</span>}</td>
        <StatCell value={r.neither.value} text={percent(r.neither)} note={r.neither.note} />
        <StatCell value={r.alpha.value} text={coefficient(r.alpha)} note={r.alpha.note} />
        {two && t && (
          <>
            <td className="num team-count">{t.both.toLocaleString('en')}</td>
            <td className="num team-count">{t.onlyA.toLocaleString('en')}</td>
            <td className="num team-count">{t.onlyB.toLocaleString('en')}</td>
          </>
        )}
      </tr>
    );
  };

  return (
    <section className="pane team-main" aria-labelledby="team-agreement-title">
      <header className="pane-header">
        <h2 id="team-agreement-title">Inter-coder agreement</h2>
        <button disabled={!report} onClick={() => exportAs('csv')}>Export CSV</button>
        <button disabled={!report} onClick={() => exportAs('xlsx')}>Export XLSX</button>
      </header>
      <div className="team-toolbar">
        <div className="team-field" role="group" aria-labelledby="team-coders-label">
          <span id="team-coders-label">Coders</span>
          {coders.map((c) => (
            <label key={c.id} className="team-chip">
              <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => void attempt(() => toggleCoder(c.id))} />
              <span className="swatch" style={{ background: coderColor(c.id) }} aria-hidden="true" />
              {c.name}
            </label>
          ))}
        </div>
        <div className="team-field">
          <span>Sources</span>
          <SourcePicker />
        </div>
        <div className="team-field" role="radiogroup" aria-labelledby="team-level-label">
          <span id="team-level-label">Level</span>
          <span className="team-segmented">
            {(['character', 'unit'] as const).map((l) => (
              <button key={l} role="radio" aria-checked={level === l} className={level === l ? 'on' : undefined} onClick={() => void attempt(() => setLevel(l))}>
                {l === 'character' ? 'Character' : 'Unit'}
              </button>
            ))}
          </span>
        </div>
        {busy && <span className="hint" role="status">Computing…</span>}
      </div>
      <div className="pane-body team-scroll">
        {chosen.length < 2 || !report ? (
          <p className="empty-state">Tick two or more coders to see how far they agree. Coders come into a project by coding it, or by merging their copies.</p>
        ) : (
          <>
            <table className="team-table" aria-label={`Agreement of ${report.coders.map((c) => c.name).join(', ')} at ${level} level`}>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col" className="num">Agreement</th>
                  <th scope="col" className="num" title={report.coders.length > 2 ? "Light's kappa: the mean of Cohen's kappa over the pairs" : "Cohen's kappa"}>Kappa</th>
                  <th scope="col"><span className="visually-hidden">Strength (Landis and Koch)</span></th>
                  <th scope="col" className="num" title="How much of the agreement is text neither coder coded with the code">Neither coded</th>
                  <th scope="col" className="num" title="Krippendorff's alpha, nominal">Alpha</th>
                  {two && (
                    <>
                      <th scope="col" className="num">Both</th>
                      <th scope="col" className="num">Only {report.coders[0]!.name}</th>
                      <th scope="col" className="num">Only {report.coders[1]!.name}</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => row(r))}
                {report.rows.length === 0 && (
                  <tr>
                    <td colSpan={two ? 9 : 6} className="empty-note">Neither coder used any code in these sources.</td>
                  </tr>
                )}
              </tbody>
              <tfoot>{row(report.overall, true)}</tfoot>
            </table>
            <ul className="team-notes hint">
              <li>
                {report.overall.pairs[0] ? `${(report.overall.compared / Math.max(1, report.rows.length) / report.overall.pairs.length).toLocaleString('en', { maximumFractionDigits: 0 })} ${unit.toLowerCase()} compared per code and pair of coders.` : ''}
              </li>
              <li>
                Agreement: the share of {unit.toLowerCase()} both coders treated alike. Neither coded: how much of that agreement is text neither coder coded with the code, which a
                sparingly used code inflates. Kappa words after Landis and Koch (1977). * See the note on hover.
              </li>
              {report.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            <DifferencesPanel />
          </>
        )}
      </div>
    </section>
  );
}
