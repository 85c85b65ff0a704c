import type { ReactNode } from 'react';
import type { DifferingPassage } from '../../../../shared/domain/team/api-types.ts';
import type { Span } from '../../../../shared/domain/team/coverage.ts';
import type { Decision } from '../../../../shared/domain/team/passages.ts';
import { attempt } from '../../ui/notify.ts';
import { afterChange } from '../undo/reload.ts';
import { coderColor } from './format.ts';
import { CONSENSUS, useTeamStore } from './store.ts';

/** Characters of context shown each side of a passage. */
const CONTEXT = 90;

/** The passage's text with one coder's spans marked, a little context either side. */
function Side({ p, spans, color }: { p: DifferingPassage; spans: Span[]; color: string }) {
  const parts: ReactNode[] = [];
  let at = p.start;
  for (const s of spans) {
    if (s.start > at) parts.push(p.text.slice(at - p.start, s.start - p.start));
    parts.push(
      <mark key={s.start} className="team-mark" style={{ background: `${color}33`, borderBottomColor: color }}>
        {p.text.slice(s.start - p.start, s.end - p.start)}
      </mark>,
    );
    at = s.end;
  }
  if (at < p.end) parts.push(p.text.slice(at - p.start));
  const before = p.before.length > CONTEXT ? `…${p.before.slice(-CONTEXT)}` : p.before;
  const after = p.after.length > CONTEXT ? `${p.after.slice(0, CONTEXT)}…` : p.after;
  return (
    <p className="team-side-text">
      <span className="team-context">{before}</span>
      {parts}
      <span className="team-context">{after}</span>
    </p>
  );
}

const DECIDED: Record<Decision, (a: string, b: string) => string> = {
  first: (a) => `${CONSENSUS} took ${a}’s coding`,
  second: (_a, b) => `${CONSENSUS} took ${b}’s coding`,
  both: () => `${CONSENSUS} took both`,
  neither: () => `${CONSENSUS} coded neither`,
};

/**
 * The passages where the first two chosen coders coded a code differently, side by side, each
 * with Accept first / second / both / neither into the consensus coder (each one undoable step).
 */
export function DifferencesPanel() {
  const { passages, report, codeId, reconcile, showCode } = useTeamStore();
  if (!passages || !report) return null;
  const a = passages.first;
  const b = passages.second;
  const codeName = codeId === null ? null : report.rows.find((r) => r.codeId === codeId)?.name;
  const decide = (p: DifferingPassage, decision: Decision) =>
    void attempt(async () => {
      await reconcile({ sourceId: p.sourceId, codeId: p.codeId, start: p.start, end: p.end }, decision);
      await afterChange();
    });
  const where = (p: DifferingPassage) => `${p.codeName} in ${p.sourceName}, characters ${p.start.toLocaleString('en')}–${p.end.toLocaleString('en')}`;

  return (
    <section className="team-differences" aria-labelledby="team-diff-title">
      <header className="team-diff-head">
        <h3 id="team-diff-title">
          Where {a.name} and {b.name} differ{codeName ? ` on ${codeName}` : ''}
        </h3>
        <span className="hint">
          {passages.total.toLocaleString('en')} passage{passages.total === 1 ? '' : 's'}, {passages.decided.toLocaleString('en')} reconciled; {passages.agreed.toLocaleString('en')} coded alike
        </span>
        {codeName && (
          <button className="link" onClick={() => void attempt(() => showCode(null))}>
            Show every code
          </button>
        )}
      </header>
      {passages.passages.length === 0 && <p className="empty-note">No passage differs{codeName ? ' on this code' : ''}.</p>}
      <ol className="team-passages">
        {passages.passages.map((p) => (
          <li key={`${p.sourceId}:${p.codeId}:${p.start}:${p.end}`} className={`team-passage${p.decision ? ' decided' : ''}`} aria-label={where(p)}>
            <div className="team-passage-head">
              <span className="team-passage-code">{p.codeName}</span>
              <span className="muted">{p.sourceName}</span>
              <span className="spacer" />
              {p.decision && <span className="team-decision">{DECIDED[p.decision.decision](a.name, b.name)}</span>}
            </div>
            <div className="team-sides">
              {[
                { coder: a, spans: p.first },
                { coder: b, spans: p.second },
              ].map(({ coder, spans }) => (
                <div key={coder.id} className="team-side">
                  <div className="team-side-name">
                    <span className="swatch" style={{ background: coderColor(coder.id) }} aria-hidden="true" />
                    {coder.name}
                    {spans.length === 0 && <span className="muted"> — did not code it</span>}
                  </div>
                  <Side p={p} spans={spans} color={coderColor(coder.id)} />
                </div>
              ))}
            </div>
            <div className="team-passage-actions" role="group" aria-label={`Reconcile ${where(p)}`}>
              <span className="hint">Into {CONSENSUS}:</span>
              <button aria-pressed={p.decision?.decision === 'first'} onClick={() => decide(p, 'first')}>Accept {a.name}</button>
              <button aria-pressed={p.decision?.decision === 'second'} onClick={() => decide(p, 'second')}>Accept {b.name}</button>
              <button aria-pressed={p.decision?.decision === 'both'} onClick={() => decide(p, 'both')}>Both</button>
              <button aria-pressed={p.decision?.decision === 'neither'} onClick={() => decide(p, 'neither')}>Neither</button>
            </div>
          </li>
        ))}
      </ol>
      {passages.total > passages.passages.length && <p className="hint">Showing the first {passages.passages.length} of {passages.total.toLocaleString('en')}; choose a code in the table to narrow them.</p>}
    </section>
  );
}
