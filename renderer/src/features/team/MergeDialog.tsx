import { useEffect, useRef, useState } from 'react';
import { buildCodeTree, flattenTree } from '../../../../shared/domain/code-tree.ts';
import type { MergeCounts, MergeItem, MergePlan, MergeReport, StagedCopy } from '../../../../shared/domain/team/merge-types.ts';
import { countPhrase, MERGE_COUNT_WORDS } from '../../../../shared/domain/team/merge-words.ts';
import { call } from '../../api/client.ts';
import { bytesToBase64 } from '../import/drafts.ts';
import { Modal } from '../../ui/Modal.tsx';
import { attempt, errorMessage } from '../../ui/notify.ts';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { useExchangeJob } from '../exchange/use-exchange-job.ts';
import { useProjectStore } from '../project/store.ts';
import { reloadEverything } from '../undo/reload.ts';
import { useTeamStore } from './store.ts';

/** Largest file the API carries (80 MB of base64); bigger copies go through the command line. */
const MAX_FILE_BYTES = 60 * 1024 * 1024;

function Counts({ counts, done }: { counts: MergeCounts; done: boolean }) {
  const shown = MERGE_COUNT_WORDS.filter(([k]) => counts[k] > 0);
  return (
    <ul className="team-merge-counts">
      {shown.map(([k, plan, past]) => (
        <li key={k}>
          <strong>{counts[k].toLocaleString('en')}</strong> {countPhrase(counts[k], done ? past : plan)}
        </li>
      ))}
      {shown.length === 0 && <li>Nothing to bring in: this copy holds no work the project lacks.</li>}
    </ul>
  );
}

/** One question of the merge, with its answer. */
function Question({ item, answer, codes, onAnswer }: { item: MergeItem; answer: string | undefined; codes: { id: number; path: string }[]; onAnswer: (value: string) => void }) {
  const value = answer ?? item.choice ?? '';
  const mapping = value.startsWith('map');
  return (
    <li className={`team-question${item.conflict ? ' conflict' : ''}${item.conflict && answer === undefined ? ' open' : ''}`}>
      <div className="team-question-text">
        {item.conflict && <span className="team-conflict-tag">Conflict</span>}
        <strong>{item.subject}</strong> <span className="muted">{item.detail}</span>
      </div>
      <div className="team-question-answer">
        <select aria-label={`${item.subject}: what to do`} value={mapping ? 'map' : value} onChange={(e) => onAnswer(e.target.value === 'map' ? `map:${codes[0]?.id ?? ''}` : e.target.value)}>
          {value === '' && <option value="">Choose…</option>}
          {item.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {mapping && (
          <select aria-label={`${item.subject}: the code to put its codings under`} value={value.slice(4)} onChange={(e) => onAnswer(`map:${e.target.value}`)}>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
        )}
      </div>
    </li>
  );
}

type Step = { at: 'choose' } | { at: 'plan'; staged: StagedCopy; plan: MergePlan } | { at: 'done'; report: MergeReport };

/**
 * "Merge a copy…": choose a coder's copy (.marginalia, or a REFI-QDA .qdpx from another tool),
 * read the plan, answer its conflicts (never decided for the researcher) and mappings, merge
 * in one undoable step, read the report.
 */
export function MergeDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [codes, setCodes] = useState<{ id: number; path: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { job, run, cancel } = useExchangeJob();
  const projectName = useProjectStore((s) => s.info?.name ?? 'this project');
  const staged = useRef<string | null>(null);

  useEffect(() => void attempt(async () => setCodes(flattenTree(buildCodeTree(await call('codes.list', {}))).map((n) => ({ id: n.code.id, path: n.path.join(' / ') })))), []);

  const close = () => {
    if (staged.current) void call('team.discard', { stagedIds: [staged.current] });
    onClose();
  };

  const choose = async (file: File) => {
    setError(null);
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is ${Math.round(file.size / 1048576)} MB; copies up to ${MAX_FILE_BYTES / 1048576} MB can be merged here. Merge larger ones with: marginalia merge --project P ${file.name}`);
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const copy = await run(`Reading ${file.name}`, (jobId) => call('team.stage', { jobId, file: { name: file.name, dataBase64 } }));
      if (!copy) return;
      staged.current = copy.stagedId;
      setAnswers({});
      setStep({ at: 'plan', staged: copy, plan: await call('team.preview', { stagedId: copy.stagedId }) });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const answer = async (item: MergeItem, value: string) => {
    if (step.at !== 'plan') return;
    const next = { ...answers };
    if (value === '') delete next[item.id];
    else next[item.id] = value;
    setAnswers(next);
    try {
      setStep({ ...step, plan: await call('team.preview', { stagedId: step.staged.stagedId, decisions: next }) });
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const merge = async () => {
    if (step.at !== 'plan') return;
    setError(null);
    try {
      const report = await run(`Merging ${step.staged.name}`, (jobId) => call('team.merge', { jobId, stagedId: step.staged.stagedId, decisions: answers }));
      if (!report) return;
      staged.current = null;
      setStep({ at: 'done', report });
      await reloadEverything();
      await useTeamStore.getState().load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const open = step.at === 'plan' ? step.plan.items.filter((i) => i.conflict && answers[i.id] === undefined) : [];
  const about = (p: MergePlan) =>
    p.manifest
      ? `${p.manifest.coder}’s copy of “${p.manifest.projectName}”, made ${new Date(p.manifest.madeAt).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' })}${p.manifest.blind ? ', blind' : ''}`
      : p.format === 'qdpx'
        ? 'A REFI-QDA project: its users are the coders'
        : 'A Marginalia project that was not made as a coder’s copy: every coding in it is compared with this project';

  return (
    <Modal title="Merge a coder’s copy" onClose={job ? () => {} : close} wide description={`Brings a coder’s work into ${projectName}: their codings stay theirs; conflicts wait for your answer.`}>
      <div className="team-merge">
        {step.at === 'choose' && (
          <label className="field">
            <span>Coder’s copy (.marginalia or .qdpx)</span>
            <input type="file" accept=".marginalia,.qdpx" aria-label="Coder’s copy" disabled={job !== null} onChange={(e) => { const f = e.target.files?.[0]; if (f) void choose(f); }} />
          </label>
        )}
        {step.at === 'plan' && (
          <div className="team-merge-body">
            <p className="team-merge-about">
              <strong>{step.plan.name}</strong> <span className="muted">— {about(step.plan)}</span>
            </p>
            <table className="data-table team-merge-coders">
              <thead>
                <tr><th scope="col">Coder</th><th scope="col" className="num">Codings</th><th scope="col" className="num">Memos</th><th scope="col">Here</th></tr>
              </thead>
              <tbody>
                {step.plan.coders.map((c) => (
                  <tr key={c.name}><td>{c.name}</td><td className="num">{c.codings.toLocaleString('en')}</td><td className="num">{c.memos.toLocaleString('en')}</td><td>{c.existing ? 'a coder here already' : 'new coder'}</td></tr>
                ))}
              </tbody>
            </table>
            <Counts counts={step.plan.counts} done={false} />
            {step.plan.notes.map((n) => <p key={n} className="hint">{n}</p>)}
            {step.plan.items.length > 0 && (
              <>
                <h3>Questions</h3>
                <ul className="team-questions">
                  {step.plan.items.map((item) => (
                    <Question key={item.id} item={item} answer={answers[item.id]} codes={codes} onAnswer={(v) => void answer(item, v)} />
                  ))}
                </ul>
              </>
            )}
            {step.plan.warnings.length > 0 && (
              <details className="team-merge-warnings">
                <summary>{step.plan.warnings.length} warning{step.plan.warnings.length === 1 ? '' : 's'}</summary>
                <ul>{step.plan.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
              </details>
            )}
          </div>
        )}
        {step.at === 'done' && (
          <div className="team-merge-body" role="status">
            <p className="team-merge-about"><strong>Merged {step.report.name}</strong></p>
            <Counts counts={step.report.counts} done />
            {step.report.decisions.length > 0 && (
              <>
                <h3>Decisions</h3>
                <ul className="team-merge-decisions">
                  {step.report.decisions.map((d) => <li key={d.subject + d.detail}><strong>{d.subject}</strong>: {d.answer}</li>)}
                </ul>
              </>
            )}
            <p className="hint">Undo takes the whole merge back in one step.</p>
          </div>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        <footer className="team-merge-foot">
          {job ? <JobProgress job={job} onCancel={cancel} /> : <span className="spacer" />}
          {step.at === 'plan' && open.length > 0 && <span className="team-open">{open.length} conflict{open.length === 1 ? '' : 's'} to resolve</span>}
          {step.at === 'plan' && (
            <>
              <button disabled={job !== null} onClick={close}>Cancel</button>
              <button className="primary" disabled={job !== null || open.length > 0} onClick={() => void merge()}>Merge into {projectName}</button>
            </>
          )}
          {step.at !== 'plan' && <button disabled={job !== null} data-autofocus={step.at === 'done' ? true : undefined} onClick={close}>{step.at === 'done' ? 'Close' : 'Cancel'}</button>}
        </footer>
      </div>
    </Modal>
  );
}
