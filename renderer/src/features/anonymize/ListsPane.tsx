import { useEffect, useState } from 'react';
import { KIND_LABELS, type RuleKind } from '../../../../shared/domain/anonymize/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useIntegrityStore } from './store.ts';
import { JobProgress } from '../../ui/JobProgress.tsx';
import type { useExchangeJob } from '../exchange/use-exchange-job.ts';

const RULES: RuleKind[] = ['email', 'url', 'phone', 'id', 'date', 'candidate'];

type Job = ReturnType<typeof useExchangeJob>;

/** Step 1: the names and terms lists, the rules, and "Find identifiers". */
export function ListsPane({ job, onDetect }: { job: Job; onDetect: () => void }) {
  const settings = useIntegrityStore((s) => s.settings);
  const summary = useIntegrityStore((s) => s.summary);
  const [names, setNames] = useState('');
  const [terms, setTerms] = useState('');

  // The saved lists fill the boxes when they arrive (and after another project is opened).
  useEffect(() => {
    setNames(settings?.names ?? '');
    setTerms(settings?.terms ?? '');
  }, [settings]);

  const changed = settings !== null && (names !== settings.names || terms !== settings.terms);
  const save = () => (changed ? attempt(() => useIntegrityStore.getState().saveSettings({ names, terms })) : Promise.resolve());
  const find = async () => {
    await save();
    onDetect();
  };
  const problems = settings?.problems ?? [];
  const busy = job.job !== null;

  return (
    <section className="pane anon-lists" aria-labelledby="anon-lists-title">
      <header className="pane-header">
        <h2 id="anon-lists-title">1 · Lists and rules</h2>
        {changed && <span className="anon-unsaved">not saved</span>}
      </header>
      <div className="pane-body padded">
        <label className="field">
          <span>People to replace</span>
          <textarea
            rows={5}
            value={names}
            spellCheck={false}
            disabled={!settings || busy}
            placeholder={'PA = Helena Varga; Helena\nDr. Ana Ruiz; Ana'}
            onChange={(e) => setNames(e.target.value)}
            onBlur={() => void save()}
          />
        </label>
        <p className="anon-hint">One person a line, other forms of the name after “;”, a participant’s label before “=”. Accents and capitals need not match.</p>
        {settings && settings.participants.length > 0 && (
          <p className="anon-hint">Also replaced: the names of {settings.participants.map((p) => p.label).join(', ')} as the project holds them.</p>
        )}
        <label className="field">
          <span>Places, institutions, projects</span>
          <textarea
            rows={4}
            value={terms}
            spellCheck={false}
            disabled={!settings || busy}
            placeholder={'Universidad de Monterrey | University\nNorthbridge | City'}
            onChange={(e) => setTerms(e.target.value)}
            onBlur={() => void save()}
          />
        </label>
        <p className="anon-hint">One a line; a category after “|” names the replacement ([University 1]). Whole words only; the longest term wins.</p>
        {problems.length > 0 && (
          <ul className="anon-problems" role="alert" aria-label="Lines that cannot be read">
            {problems.slice(0, 6).map((p) => (
              <li key={`${p.list}-${p.line}-${p.message}`}>{p.list === 'names' ? 'People' : 'Terms'}, {p.message}</li>
            ))}
          </ul>
        )}
        <fieldset className="check-group anon-rules" disabled={!settings || busy}>
          <legend>Also look for</legend>
          {RULES.map((r) => (
            <label key={r} className="inline-check">
              <input type="checkbox" checked={settings?.rules[r] ?? false} onChange={(e) => void attempt(() => useIntegrityStore.getState().saveSettings({ names, terms, rules: { [r]: e.target.checked } }))} />
              {KIND_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <div className="anon-step">
          {job.job ? (
            <JobProgress job={job.job} onCancel={job.cancel} />
          ) : (
            <button className="primary" disabled={!settings || problems.length > 0} onClick={() => void find()}>
              {summary ? 'Find identifiers again' : 'Find identifiers'}
            </button>
          )}
          {summary && !busy && <p className="anon-hint">Looked through {summary.fields.toLocaleString()} texts, names and labels.</p>}
        </div>
      </div>
    </section>
  );
}
