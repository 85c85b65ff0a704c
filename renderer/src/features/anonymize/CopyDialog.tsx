import { useState } from 'react';
import type { AnonymizeResult } from '../../../../shared/domain/anonymize/api-types.ts';
import { KIND_LABELS, type DetectionKind } from '../../../../shared/domain/anonymize/types.ts';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { useExchangeJob } from '../exchange/use-exchange-job.ts';

/** Beside the project, with a name saying what it is: "study.marginalia" → "study-pseudonymized.marginalia". */
export function besideProject(projectPath: string, suffix: string): string {
  const cut = Math.max(projectPath.lastIndexOf('/'), projectPath.lastIndexOf('\\'));
  const folder = projectPath.slice(0, cut + 1);
  const base = projectPath.slice(cut + 1).replace(/\.marginalia$/i, '');
  return `${folder}${base}${suffix}`;
}

const MIN_PASSPHRASE = 8;

function Result({ result, onClose }: { result: AnonymizeResult; onClose: () => void }) {
  const openForReview = useProjectStore((s) => s.openForReview);
  const [error, setError] = useState<string | null>(null);
  const r = result.report;
  const kinds = (Object.keys(r.replaced) as DetectionKind[]).filter((k) => (r.replaced[k] ?? 0) > 0);
  return (
    <div className="anon-result" role="status">
      <p>The pseudonymized copy is made. This project was not changed.</p>
      <dl className="anon-paths">
        <dt>Copy to share</dt>
        <dd><code>{result.out}</code></dd>
        <dt>Key (keep it apart)</dt>
        <dd><code>{result.keyPath}</code></dd>
      </dl>
      <table className="data-table anon-report" aria-label="What was replaced">
        <thead>
          <tr><th scope="col">Found by</th><th scope="col" className="num">Terms</th><th scope="col" className="num">Replaced</th></tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k}><td>{KIND_LABELS[k]}</td><td className="num">{r.terms[k] ?? 0}</td><td className="num">{r.replaced[k]}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="anon-hint">
        {r.kept > 0 ? `${r.kept} occurrences were kept as written by a decision. ` : ''}The copy holds {r.copy.sources} sources, {r.copy.codings} codings and {r.copy.memos} memos; participants keep only their labels. It is sealed: a reviewer can check it with the integrity manifest or <code>marginalia verify</code>.
      </p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button className="primary" data-autofocus onClick={() => openForReview(result.out).then(onClose, (err: unknown) => setError(errorMessage(err)))}>Open the copy for review</button>
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}

/** Where the copy and its key go, the passphrase twice, then the copy made as a job. */
export function CopyDialog({ onClose }: { onClose: () => void }) {
  const projectPath = useProjectStore((s) => s.info?.path ?? '');
  const [out, setOut] = useState(() => besideProject(projectPath, '-pseudonymized.marginalia'));
  const [keyPath, setKeyPath] = useState(() => besideProject(projectPath, '-pseudonymization.key'));
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AnonymizeResult | null>(null);
  const job = useExchangeJob();

  const mismatch = again !== '' && again !== passphrase;
  const short = passphrase !== '' && passphrase.length < MIN_PASSPHRASE;
  const ready = out.trim() !== '' && keyPath.trim() !== '' && passphrase.length >= MIN_PASSPHRASE && again === passphrase && !job.job;
  const make = () => {
    setError(null);
    job
      .run('Making the pseudonymized copy', (jobId) => call('anonymize.apply', { jobId, out: out.trim(), keyPath: keyPath.trim(), passphrase }))
      .then((r) => r && setResult(r), (err: unknown) => setError(errorMessage(err)));
  };

  return (
    <Modal title="Make a pseudonymized copy" onClose={job.job ? () => undefined : onClose} wide>
      {result ? (
        <Result result={result} onClose={onClose} />
      ) : (
        <form className="anon-copy-form" onSubmit={(e) => { e.preventDefault(); if (ready) make(); }}>
          <label className="field">
            <span>Copy (a new project file)</span>
            <input type="text" value={out} spellCheck={false} data-autofocus onChange={(e) => setOut(e.target.value)} disabled={job.job !== null} />
          </label>
          <label className="field">
            <span>Key file</span>
            <input type="text" value={keyPath} spellCheck={false} onChange={(e) => setKeyPath(e.target.value)} disabled={job.job !== null} />
          </label>
          <p className="anon-hint">The key says which person, place or number each replacement stands for. Keep it apart from the copy — never send them together. Neither file may exist yet.</p>
          <div className="anon-passphrases">
            <label className="field">
              <span>Passphrase for the key</span>
              <input type="password" value={passphrase} autoComplete="new-password" onChange={(e) => setPassphrase(e.target.value)} disabled={job.job !== null} aria-describedby="anon-pass-hint" />
            </label>
            <label className="field">
              <span>Passphrase again</span>
              <input type="password" value={again} autoComplete="new-password" onChange={(e) => setAgain(e.target.value)} disabled={job.job !== null} aria-invalid={mismatch} />
            </label>
          </div>
          <p id="anon-pass-hint" className={short || mismatch ? 'form-error' : 'anon-hint'}>
            {mismatch ? 'The two passphrases differ.' : short ? `At least ${MIN_PASSPHRASE} characters.` : 'At least 8 characters. It cannot be recovered: without it the key cannot be opened.'}
          </p>
          {error && <p className="form-error" role="alert">{error}</p>}
          {job.job ? (
            <JobProgress job={job.job} onCancel={job.cancel} />
          ) : (
            <div className="form-actions">
              <button type="submit" className="primary" disabled={!ready}>Make copy</button>
              <button type="button" onClick={onClose}>Cancel</button>
            </div>
          )}
        </form>
      )}
    </Modal>
  );
}
