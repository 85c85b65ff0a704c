import { useEffect, useState } from 'react';
import type { ReviewOccurrence } from '../../../../shared/domain/anonymize/api-types.ts';
import { KIND_LABELS, type Decision } from '../../../../shared/domain/anonymize/types.ts';
import { attempt, errorMessage } from '../../ui/notify.ts';
import { DecisionToggle } from './DecisionToggle.tsx';
import { OCCURRENCES_PAGE, useIntegrityStore } from './store.ts';

const DECIDED_BY: Record<ReviewOccurrence['decidedBy'], string> = { occurrence: 'decided here', term: 'as the term', rule: 'as the kind', default: 'proposed' };

function OccurrenceRow({ o }: { o: ReviewOccurrence }) {
  const own = o.decidedBy === 'occurrence' ? o.decision : null;
  const decide = (d: Decision) => void attempt(() => useIntegrityStore.getState().decideOccurrence(o.key, d === own ? null : d));
  return (
    <li className={`anon-occurrence${o.decision === 'reject' ? ' kept' : ''}`}>
      <div className="anon-where">
        <span>{o.where}</span>
        <span className="muted">{DECIDED_BY[o.decidedBy]}</span>
      </div>
      <p className="anon-context">
        {o.before && <span className="muted">…{o.before}</span>}
        <mark className="anon-match">{o.match}</mark>
        {o.after && <span className="muted">{o.after}…</span>}
      </p>
      <div className="anon-occurrence-foot">
        <span className="anon-becomes">{o.decision === 'reject' ? <>stays “{o.match}”</> : <>becomes <strong>{o.replacement}</strong></>}</span>
        <DecisionToggle label={`“${o.match}” in ${o.where}`} decision={o.decision} inherited={o.decidedBy !== 'occurrence'} onDecide={decide} />
      </div>
    </li>
  );
}

/** The selected term: its replacement (editable), its decision, and every occurrence in context. */
export function TermPane() {
  const { selected, terms, occurrences, occurrencesOffset } = useIntegrityStore();
  const term = terms.find((t) => t.key === selected) ?? null;
  const [replacement, setReplacement] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReplacement(term?.replacement ?? '');
    setError(null);
  }, [term?.key, term?.replacement]);

  if (!term) {
    return (
      <section className="pane anon-term-pane" aria-label="Occurrences">
        <header className="pane-header"><h2>Occurrences</h2></header>
        <div className="pane-body padded"><p className="empty-state">Choose a term to see where it occurs, in context.</p></div>
      </section>
    );
  }
  const saveReplacement = () => {
    const value = replacement.trim();
    if (value === term.replacement) return;
    setError(null);
    // The decision in force stays as it is; only the words change.
    useIntegrityStore.getState().decideTerm(term.key, term.decision, value === '' ? null : value).catch((err: unknown) => setError(errorMessage(err)));
  };
  const total = occurrences?.total ?? 0;
  return (
    <section className="pane anon-term-pane" aria-labelledby="anon-term-title">
      <header className="pane-header">
        <h2 id="anon-term-title">{term.label}</h2>
        <span className={`anon-kind kind-${term.kind}`}>{KIND_LABELS[term.kind]}</span>
      </header>
      <div className="pane-tools anon-term-tools">
        <form className="anon-replace-form" onSubmit={(e) => { e.preventDefault(); saveReplacement(); }}>
          <label htmlFor="anon-replacement">Replace with</label>
          <input id="anon-replacement" type="text" value={replacement} maxLength={80} onChange={(e) => setReplacement(e.target.value)} />
          <button type="submit" disabled={replacement.trim() === term.replacement}>Use</button>
        </form>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="anon-term-decision">
          <span>
            {term.accepted.toLocaleString()} of {term.occurrences.toLocaleString()} replaced
          </span>
          <DecisionToggle
            label={`every “${term.label}”`}
            decision={term.decision}
            inherited={term.decidedBy !== 'term'}
            onDecide={(d) => void attempt(() => useIntegrityStore.getState().decideTerm(term.key, d === (term.decidedBy === 'term' ? term.decision : null) ? null : d))}
          />
        </div>
      </div>
      <div className="pane-body">
        <ol className="anon-occurrences" aria-label={`Occurrences of ${term.label}`}>
          {occurrences?.occurrences.map((o) => <OccurrenceRow key={o.key} o={o} />)}
        </ol>
      </div>
      {total > OCCURRENCES_PAGE && (
        <footer className="pane-footer anon-pager">
          <button disabled={occurrencesOffset === 0} onClick={() => void attempt(() => useIntegrityStore.getState().loadOccurrences(Math.max(0, occurrencesOffset - OCCURRENCES_PAGE)))}>Previous</button>
          <span>{occurrencesOffset + 1}–{Math.min(total, occurrencesOffset + OCCURRENCES_PAGE)} of {total}</span>
          <button disabled={occurrencesOffset + OCCURRENCES_PAGE >= total} onClick={() => void attempt(() => useIntegrityStore.getState().loadOccurrences(occurrencesOffset + OCCURRENCES_PAGE))}>Next</button>
        </footer>
      )}
    </section>
  );
}
