import type { KindSummary } from '../../../../shared/domain/anonymize/api-types.ts';
import type { ReviewTerm } from '../../../../shared/domain/anonymize/review.ts';
import { DETECTION_KINDS, KIND_LABELS, type Decision, type DetectionKind } from '../../../../shared/domain/anonymize/types.ts';
import { attempt } from '../../ui/notify.ts';
import { DecisionToggle } from './DecisionToggle.tsx';
import { TERMS_PAGE, useIntegrityStore, type TermFilter } from './store.ts';

const n = (x: number) => x.toLocaleString();

/** A term's kind in a word, beside its name (the kinds table says it in full). */
const TAG: Record<DetectionKind, string> = { name: 'person', term: 'term', email: 'e-mail', url: 'web', phone: 'phone', id: 'ID', date: 'date', candidate: 'guess' };

/** Which decision a click on Replace or Keep makes: pressing the one in force on this level takes it back. */
const next = (clicked: Decision, current: Decision | null): Decision | null => (clicked === current ? null : clicked);

function KindRow({ k }: { k: KindSummary }) {
  return (
    <tr>
      <th scope="row">{KIND_LABELS[k.kind]}</th>
      <td className="num">{n(k.terms)}</td>
      <td className="num">{n(k.occurrences)}</td>
      <td className="num">{n(k.accepted)}</td>
      <td>
        <DecisionToggle
          label={`All ${KIND_LABELS[k.kind].toLowerCase()}`}
          decision={k.decision}
          inherited={k.decision === null}
          onDecide={(d) => void attempt(() => useIntegrityStore.getState().decideRule(k.kind, next(d, k.decision)))}
        />
      </td>
    </tr>
  );
}

function TermRow({ term, selected }: { term: ReviewTerm; selected: boolean }) {
  const select = () => void attempt(() => useIntegrityStore.getState().select(term.key));
  const own = term.decidedBy === 'term' ? term.decision : null;
  return (
    <tr className={selected ? 'selected' : undefined} onClick={select}>
      <td>
        <div className="anon-term">
          <button className="anon-term-button" onClick={(e) => { e.stopPropagation(); select(); }} aria-current={selected ? 'true' : undefined} title={term.label}>
            {term.label}
          </button>
          <span className={`anon-kind kind-${term.kind}`} title={KIND_LABELS[term.kind]}>{TAG[term.kind]}</span>
        </div>
      </td>
      <td className="num" title={`${term.accepted} of ${term.occurrences} will be replaced`}>
        {term.accepted === term.occurrences ? n(term.occurrences) : `${n(term.accepted)}/${n(term.occurrences)}`}
      </td>
      <td className="anon-replacement" title={term.replacement}>{term.decision === 'reject' && term.accepted === 0 ? <span className="muted">kept</span> : term.replacement}</td>
      <td onClick={(e) => e.stopPropagation()}>
        <DecisionToggle
          label={term.label}
          decision={term.decision}
          inherited={term.decidedBy !== 'term'}
          onDecide={(d) => void attempt(() => useIntegrityStore.getState().decideTerm(term.key, next(d, own)))}
        />
      </td>
    </tr>
  );
}

/** Step 2: what the detection found, by kind and by term, each accepted or rejected as a whole. */
export function ProposalsPane({ canCopy, onCopy }: { canCopy: boolean; onCopy: () => void }) {
  const { summary, terms, termsTotal, termsOffset, termFilter, selected } = useIntegrityStore();
  const setFilter = (f: Partial<TermFilter>) => void attempt(() => useIntegrityStore.getState().setTermFilter(f));
  const page = (offset: number) => void attempt(() => useIntegrityStore.getState().loadTerms(offset));
  const kinds = summary?.byKind.filter((k) => k.terms > 0) ?? [];

  return (
    <section className="pane anon-proposals" aria-labelledby="anon-proposals-title">
      <header className="pane-header">
        <h2 id="anon-proposals-title">2 · Proposals</h2>
        <button className="primary" disabled={!summary || !canCopy} onClick={onCopy} title="3 · A new project file with every accepted proposal replaced, and its key in a separate, encrypted file. This project is not changed.">
          Make pseudonymized copy…
        </button>
      </header>
      {!summary ? (
        <div className="pane-body padded">
          <p className="empty-state">Fill in the lists, then <strong>Find identifiers</strong>: every name, place, address and number found is proposed here, grouped by term, to accept, reject or reword. Decisions are saved as you make them, so a long review can be resumed.</p>
        </div>
      ) : (
        <>
          <div className="pane-tools anon-kinds">
            <p className="anon-counts" aria-live="polite">
              {n(summary.accepted)} of {n(summary.occurrences)} occurrences will be replaced · {n(summary.reviewed)} of {n(summary.terms)} terms reviewed · saved as you go
            </p>
            <table className="data-table anon-kind-table" aria-label="Proposals by kind">
              <thead>
                <tr>
                  <th scope="col">Found by</th>
                  <th scope="col" className="num">Terms</th>
                  <th scope="col" className="num">Found</th>
                  <th scope="col" className="num">Replaced</th>
                  <th scope="col">Whole kind</th>
                </tr>
              </thead>
              <tbody>
                {kinds.map((k) => <KindRow key={k.kind} k={k} />)}
                {kinds.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">Nothing found: no listed name or term, and nothing the rules look for.</td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className="anon-filters">
              <select aria-label="Kind" value={termFilter.kind} onChange={(e) => setFilter({ kind: e.target.value as DetectionKind | '' })}>
                <option value="">Every kind</option>
                {DETECTION_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
              </select>
              <select aria-label="Decision" value={termFilter.status} onChange={(e) => setFilter({ status: e.target.value as TermFilter['status'] })}>
                <option value="">Any decision</option>
                <option value="proposed">Not reviewed</option>
                <option value="accept">Replaced</option>
                <option value="reject">Kept</option>
              </select>
              <input type="search" aria-label="Search terms" placeholder="Search terms or replacements" value={termFilter.search} onChange={(e) => setFilter({ search: e.target.value })} />
            </div>
          </div>
          <div className="pane-body">
            <table className="data-table anon-terms" aria-label="Terms found">
              <colgroup>
                <col />
                <col className="anon-col-found" />
                <col className="anon-col-replacement" />
                <col className="anon-col-decision" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Term</th>
                  <th scope="col" className="num">Found</th>
                  <th scope="col">Replacement</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {terms.map((t) => <TermRow key={t.key} term={t} selected={t.key === selected} />)}
              </tbody>
            </table>
            {terms.length === 0 && <p className="empty-note">No term matches these filters.</p>}
          </div>
          {termsTotal > TERMS_PAGE && (
            <footer className="pane-footer anon-pager">
              <button disabled={termsOffset === 0} onClick={() => page(Math.max(0, termsOffset - TERMS_PAGE))}>Previous</button>
              <span>{n(termsOffset + 1)}–{n(Math.min(termsTotal, termsOffset + TERMS_PAGE))} of {n(termsTotal)} terms</span>
              <button disabled={termsOffset + TERMS_PAGE >= termsTotal} onClick={() => page(termsOffset + TERMS_PAGE)}>Next</button>
            </footer>
          )}
        </>
      )}
    </section>
  );
}
