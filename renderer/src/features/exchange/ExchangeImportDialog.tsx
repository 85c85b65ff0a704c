import { useEffect, useRef, useState } from 'react';
import type { ExchangeImportReport, ExchangePlan, StagedExchange } from '../../../../shared/domain/exchange-types.ts';
import { ApiCallError, call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { bytesToBase64 } from '../import/drafts.ts';
import { useProjectStore } from '../project/store.ts';
import { reloadEverything } from '../undo/reload.ts';
import { ExchangeSummary } from './ExchangeSummary.tsx';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { useExchangeJob } from './use-exchange-job.ts';
import './exchange.css';

/** Largest file the API carries (80 MB of base64); bigger projects go through the command line. */
const MAX_FILE_BYTES = 60 * 1024 * 1024;

type Step = { at: 'choose' } | { at: 'preview'; staged: StagedExchange; plan: ExchangePlan } | { at: 'done'; report: ExchangeImportReport };

const messageOf = (error: unknown) => (error instanceof ApiCallError ? error.error.message : error instanceof Error ? error.message : String(error));

/**
 * Importing a REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA,
 * QualCoder…: choose the file, read what would change (the preview), import it in one undoable
 * step, then read the report of what came in and what could not. With `newProject`, the file
 * becomes a new project at that path (no preview: nothing is there to change).
 */
export function ExchangeImportDialog({ onClose, newProject }: { onClose: () => void; newProject?: { path: string; file: File } }) {
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const { job, run, cancel } = useExchangeJob();
  const projectName = useProjectStore((s) => s.info?.name ?? 'this project');
  const staged = useRef<string | null>(null);
  const started = useRef(false);

  const close = () => {
    if (staged.current) void call('exchange.discard', { stagedIds: [staged.current] });
    onClose();
  };

  const stage = async (file: File): Promise<StagedExchange | undefined> => {
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(`${file.name} is ${Math.round(file.size / 1048576)} MB; files up to ${MAX_FILE_BYTES / 1048576} MB can be imported here. Import larger ones with: marginalia import --project P ${file.name}`);
    }
    const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await run(`Reading ${file.name}`, (jobId) => call('exchange.stage', { jobId, file: { name: file.name, dataBase64 } }));
    if (result) staged.current = result.stagedId;
    return result;
  };

  const importStaged = async (file: StagedExchange): Promise<ExchangeImportReport | undefined> => {
    const report = file.format === 'qdc'
      ? await call('exchange.applyCodebook', { stagedId: file.stagedId })
      : await run(`Importing ${file.name}`, (jobId) => call('exchange.importProject', { jobId, stagedId: file.stagedId }));
    if (!report) return undefined;
    staged.current = null;
    await reloadEverything();
    setStep({ at: 'done', report });
    return report;
  };

  const choose = async (file: File) => {
    setError(null);
    try {
      const result = await stage(file);
      if (!result) return;
      setStep({ at: 'preview', staged: result, plan: await call('exchange.preview', { stagedId: result.stagedId }) });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  // A new project from a file: read it first (a bad file creates nothing), then create and import.
  useEffect(() => {
    if (!newProject || started.current) return;
    started.current = true;
    void (async () => {
      try {
        // Reading needs an open project: with none open (a first start), the new one comes first.
        const first = useProjectStore.getState().info === null;
        if (first) await useProjectStore.getState().create(newProject.path, 'empty');
        const result = await stage(newProject.file);
        if (!result) return;
        if (!first) await useProjectStore.getState().create(newProject.path, 'empty');
        await importStaged(result);
      } catch (e) {
        setError(messageOf(e));
      }
    })();
    // Once, for the file the dialog was opened with.
  }, []);

  const title = newProject ? 'New project from a REFI-QDA file' : 'Import a REFI-QDA project or codebook';
  return (
    <Modal title={title} onClose={job ? () => {} : close} wide description="Projects (.qdpx) and codebooks (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette and other tools">
      <div className="xch-dialog">
        {step.at === 'choose' && !newProject && (
          <label className="field">
            <span>File (.qdpx or .qdc)</span>
            <input type="file" accept=".qdpx,.qdc" aria-label="REFI-QDA file" disabled={job !== null} onChange={(e) => { const f = e.target.files?.[0]; if (f) void choose(f); }} />
          </label>
        )}
        {step.at === 'choose' && newProject && !error && <p>Creating {newProject.path} from {newProject.file.name}…</p>}
        {step.at === 'preview' && <ExchangeSummary plan={step.plan} done={false} />}
        {step.at === 'done' && (
          <>
            <ExchangeSummary plan={step.report} done />
            <p className="hint">Undo takes the whole import back in one step.</p>
          </>
        )}
        {error && <p className="xch-error" role="alert">{error}</p>}
        <footer className="xch-foot">
          {job ? <JobProgress job={job} onCancel={cancel} /> : <span className="spacer" />}
          {step.at === 'preview' && (
            <>
              <button disabled={job !== null} onClick={close}>Cancel</button>
              <button className="primary" disabled={job !== null} onClick={() => void importStaged(step.staged).catch((e: unknown) => setError(messageOf(e)))}>
                {step.staged.format === 'qdc' ? 'Merge into the codebook' : `Import into ${projectName}`}
              </button>
            </>
          )}
          {step.at !== 'preview' && <button disabled={job !== null} onClick={close} data-autofocus={step.at === 'done' ? true : undefined}>{step.at === 'done' ? 'Close' : 'Cancel'}</button>}
        </footer>
      </div>
    </Modal>
  );
}
