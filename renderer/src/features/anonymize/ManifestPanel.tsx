import type { AnonymizationReport } from '../../../../shared/domain/anonymize/api-types.ts';
import type { VerifyReport } from '../../../../shared/domain/anonymize/integrity-types.ts';
import { KIND_LABELS, type DetectionKind } from '../../../../shared/domain/anonymize/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { formatTime } from './AuditTrail.tsx';
import { useIntegrityStore } from './store.ts';

/** A hash shown short with the whole of it one selection away. */
const Hash = ({ value }: { value: string }) => (
  <code className="hash" title={value}>
    {value.slice(0, 16)}…{value.slice(-8)}
  </code>
);

function Verdict({ verify }: { verify: VerifyReport }) {
  const since = verify.entriesSinceSeal;
  return (
    <div className={`verify-verdict ${verify.ok ? 'ok' : 'broken'}`} role="status" aria-label="Verification">
      <p className="verify-head">{verify.ok ? '✓ Verified: nothing was changed outside Marginalia' : `✗ Not verified: ${verify.problems.length} problem${verify.problems.length === 1 ? '' : 's'} found`}</p>
      <p>
        {verify.seal
          ? `Compared with the seal of ${formatTime(verify.seal.at)}${verify.seal.coder ? ` by ${verify.seal.coder}` : ''} (entry #${verify.seal.entryId})${since > 0 ? `; ${since} entr${since === 1 ? 'y' : 'ies'} written since` : ''}.`
          : 'Never sealed: the audit chain was checked, but there is no earlier manifest to compare the texts and codings with.'}
      </p>
      {verify.problems.length > 0 && (
        <ul className="verify-problems">
          {verify.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
    </div>
  );
}

function ReportSummary({ report }: { report: AnonymizationReport }) {
  const kinds = (Object.keys(report.replaced) as DetectionKind[]).filter((k) => (report.replaced[k] ?? 0) > 0);
  return (
    <section aria-labelledby="anon-report-title">
      <h3 id="anon-report-title">Pseudonymization</h3>
      <p className="anon-hint">
        This project is a pseudonymized copy, made {formatTime(report.at)} and approved by {report.approvedBy}
        {report.reviewers.length > 0 ? ` after a review by ${report.reviewers.join(', ')}` : ''}. Its key is kept elsewhere.
      </p>
      <table className="data-table manifest-table" aria-label="Replacements by kind">
        <thead><tr><th scope="col">Found by</th><th scope="col" className="num">Terms</th><th scope="col" className="num">Replaced</th></tr></thead>
        <tbody>
          {kinds.map((k) => <tr key={k}><td>{KIND_LABELS[k]}</td><td className="num">{report.terms[k] ?? 0}</td><td className="num">{report.replaced[k]}</td></tr>)}
          {report.kept > 0 && <tr><td>Kept as written by a decision</td><td /><td className="num">{report.kept}</td></tr>}
        </tbody>
      </table>
    </section>
  );
}

/** The integrity manifest (SHA-256 of every source text, the codebook, the codings and the chain head) and what verify finds. */
export function ManifestPanel() {
  const { verify, report } = useIntegrityStore();
  const info = useProjectStore((s) => s.info);
  const readOnly = Boolean(info?.safety?.readOnly);
  if (!verify) return <div className="empty-state">Checking the project…</div>;
  const m = verify.manifest;
  const names = new Map(m.sources.map((s) => [s.id, s.name]));
  return (
    <section className="pane wide manifest-panel" aria-labelledby="manifest-title">
      <header className="pane-header">
        <h2 id="manifest-title">Integrity manifest</h2>
        <button onClick={() => void attempt(() => useIntegrityStore.getState().loadVerify())}>Check again</button>
        <button disabled={readOnly} onClick={() => void attempt(() => useIntegrityStore.getState().seal())} title={readOnly ? 'A read-only project cannot be sealed' : 'Write this manifest into the audit trail: later checks compare with it'}>
          Seal now
        </button>
      </header>
      <div className="pane-body padded manifest-body" tabIndex={0} role="region" aria-label="Manifest and verification">
        <Verdict verify={verify} />
        {report && <ReportSummary report={report} />}
        <h3>Audit chain</h3>
        <p className="manifest-line">{m.audit.entries.toLocaleString()} entries, each holding the hash of the one before; head <Hash value={m.audit.head} /></p>
        <h3>Codebook</h3>
        <p className="manifest-line">Codes, frameworks and links <Hash value={m.codebook} /></p>
        <h3>Source texts and codings</h3>
        <table className="data-table manifest-table" aria-label="Sources and their codings">
          <thead>
            <tr><th scope="col">Source</th><th scope="col">Text SHA-256</th><th scope="col" className="num">Codings</th><th scope="col">Codings SHA-256</th></tr>
          </thead>
          <tbody>
            {m.sources.map((s) => {
              const c = m.codings.find((x) => x.sourceId === s.id);
              return (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td><Hash value={s.sha256} /></td>
                  <td className="num">{c?.count ?? 0}</td>
                  <td>{c ? <Hash value={c.sha256} /> : <span className="muted">none</span>}</td>
                </tr>
              );
            })}
            {m.codings.filter((c) => !names.has(c.sourceId)).map((c) => (
              <tr key={`orphan-${c.sourceId}`}><td className="muted">source #{c.sourceId} (missing)</td><td /><td className="num">{c.count}</td><td><Hash value={c.sha256} /></td></tr>
            ))}
          </tbody>
        </table>
        <p className="anon-hint">The same check runs from the command line: <code>marginalia verify --project “{info?.path ?? 'P'}”</code>.</p>
      </div>
    </section>
  );
}
