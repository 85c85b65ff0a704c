import type { CodebookChange, ExchangePlan } from '../../../../shared/domain/exchange-types.ts';

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

const CHANGE: Record<CodebookChange['action'], string> = {
  add: 'new',
  describe: 'gets the file’s definition',
  keep: 'exists with another definition: ours is kept',
  same: 'already in the codebook',
};

/** What an import brings in (planned or done), as a few lines a researcher reads at a glance. */
function countsLine(plan: Pick<ExchangePlan, 'counts' | 'format'>): string[] {
  const c = plan.counts;
  const codes = [c.codesAdded > 0 ? `${n(c.codesAdded, 'code')} added` : '', c.codesMatched > 0 ? `${n(c.codesMatched, 'code')} already in the codebook` : ''].filter(Boolean).join(', ');
  if (plan.format === 'qdc') return [codes || 'No codes', c.frameworkElements > 0 ? `${n(c.frameworkElements, 'code group')} as framework elements` : ''].filter(Boolean);
  const people = [c.participantsAdded > 0 ? `${n(c.participantsAdded, 'participant')} added` : '', c.participantsMatched > 0 ? `${n(c.participantsMatched, 'participant')} matched by label` : ''].filter(Boolean).join(', ');
  return [
    `${n(c.sources, 'source')}, ${n(c.codings, 'coding')}, ${n(c.memos, 'memo')}`,
    codes,
    people,
    c.attributes > 0 ? `${n(c.attributes, 'new attribute')}` : '',
    c.coders > 0 ? `${n(c.coders, 'coder')} (the file’s users)` : '',
    c.frameworkElements > 0 ? `${n(c.frameworkElements, 'code group')} as framework elements` : '',
  ].filter(Boolean);
}

/**
 * A preview or report of a REFI-QDA import: counts, codebook changes, what cannot come in
 * and every warning (each names the item). `done` switches the wording from future to past.
 */
export function ExchangeSummary({ plan, done }: { plan: Omit<ExchangePlan, 'stagedId'>; done: boolean }) {
  const changes = plan.codebook.filter((c) => c.action !== 'same');
  const unusual = plan.positions.filter((p) => p.unit !== 'code points' || p.lineBreaks !== 'as in the file');
  return (
    <div className="xch-summary">
      <p className="xch-origin">
        {plan.name}
        {plan.origin && <span className="hint"> · written by {plan.origin}</span>}
      </p>
      <h3>{done ? 'Imported' : 'Will import'}</h3>
      <ul className="xch-counts">
        {countsLine(plan).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {changes.length > 0 && (
        <details className="xch-details" open={plan.format === 'qdc'}>
          <summary>Codebook: {n(changes.length, 'change')}</summary>
          <ul className="xch-list">
            {changes.map((c) => (
              <li key={c.path.join('\u0000')}>
                <span className={`xch-change ${c.action}`}>{c.path.join(' / ')}</span> <span className="hint">{CHANGE[c.action]}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {unusual.length > 0 && (
        <p className="hint">
          Positions in {n(unusual.length, 'source')} were read as {unusual[0]!.unit}
          {unusual[0]!.lineBreaks === 'one character' ? ', a line break counting as one character' : ''}, as {plan.origin ?? 'the tool'} writes them.
        </p>
      )}
      {plan.notImported.length > 0 && (
        <section className="xch-missing" aria-label="Not imported">
          <h3>Not imported</h3>
          <ul className="xch-list">
            {plan.notImported.map((m) => (
              <li key={m.what}>
                <strong>{m.what}</strong>: {m.count.toLocaleString('en')}
                {m.detail && <span className="hint"> — {m.detail}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.warningCount > 0 && (
        <details className="xch-details xch-warnings" open={plan.warningCount <= 5}>
          <summary>{n(plan.warningCount, 'warning')}</summary>
          <ul className="xch-list">
            {plan.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.where}</strong>: {w.message}
              </li>
            ))}
            {plan.warningCount > plan.warnings.length && <li className="hint">… and {n(plan.warningCount - plan.warnings.length, 'more warning')}</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
