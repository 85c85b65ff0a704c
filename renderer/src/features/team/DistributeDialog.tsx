import { useState } from 'react';
import type { CoderCopy } from '../../../../shared/domain/team/api-types.ts';
import { call } from '../../api/client.ts';
import { saveFileDownload } from '../../ui/download.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { useExchangeJob } from '../exchange/use-exchange-job.ts';
import { useTeamStore } from './store.ts';

/**
 * "Make a coder's copy…": a copy of the project for one coder to code on their own machine,
 * by default without the other coders' codings (blind), saved as a .marginalia file.
 */
export function DistributeDialog({ onClose }: { onClose: () => void }) {
  const coders = useTeamStore((s) => s.coders);
  const [name, setName] = useState('');
  const [blind, setBlind] = useState(true);
  const [made, setMade] = useState<CoderCopy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job, run, cancel } = useExchangeJob();

  const make = async () => {
    setError(null);
    try {
      const copy = await run(`Making ${name.trim()}’s copy`, (jobId) => call('team.distribute', { jobId, coder: name.trim(), blind }));
      if (!copy) return;
      saveFileDownload(copy.file);
      setMade(copy);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal title="Make a coder’s copy" onClose={job ? () => {} : onClose} description="A copy of this project for one coder: the same sources and codebook, coded on their own and merged back later.">
      {!made ? (
        <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) void make(); }}>
          <label className="field">
            <span>Coder</span>
            <input type="text" list="team-coder-names" value={name} data-autofocus maxLength={80} placeholder="e.g. Ben Okafor" onChange={(e) => setName(e.target.value)} />
            <datalist id="team-coder-names">
              {coders.map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
          </label>
          <label className="inline-check team-blind">
            <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
            <span>Leave out the other coders’ codings, so this coder codes blind</span>
          </label>
          <p className="hint">
            The copy remembers this project and who it is for. The coder opens it in Marginalia under their own name, codes, and sends the file back; Merge a copy… brings their work in.
          </p>
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="form-actions">
            {job ? <JobProgress job={job} onCancel={cancel} /> : <span className="spacer" />}
            <button type="submit" className="primary" disabled={!name.trim() || job !== null}>Make the copy</button>
            <button type="button" disabled={job !== null} onClick={onClose}>Cancel</button>
          </div>
        </form>
      ) : (
        <>
          <p role="status">
            Saved <strong>{made.file.fileName}</strong> for {made.manifest.coder}: {made.counts.sources} sources, {made.counts.codes} codes, {made.counts.codings} codings
            {made.manifest.blind ? `; ${made.counts.codingsLeftOut} codings of other coders left out (blind).` : '.'}
          </p>
          <p className="hint">Send the file to {made.manifest.coder}. Nothing in this project changed.</p>
          <div className="form-actions">
            <button className="primary" data-autofocus onClick={onClose}>Close</button>
          </div>
        </>
      )}
    </Modal>
  );
}
