import { useState } from 'react';
import type { ExchangeExport, ExchangeExportSummary } from '../../../../shared/domain/exchange-types.ts';
import { call } from '../../api/client.ts';
import { saveFileDownload } from '../../ui/download.ts';
import { attempt, useNotices } from '../../ui/notify.ts';
import { ExchangeImportDialog } from '../exchange/ExchangeImportDialog.tsx';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { useExchangeJob } from '../exchange/use-exchange-job.ts';
import '../exchange/exchange.css';

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

function savedLine(s: ExchangeExportSummary): string {
  const c = s.counts;
  if (s.format === 'qdc') return `${s.fileName}: ${n(c.codes, 'code')}, ${n(c.sets, 'set')}`;
  return `${s.fileName}: ${n(c.sources, 'source')}, ${n(c.codes, 'code')}, ${n(c.codings, 'coding')}, ${n(c.cases, 'case')}, ${n(c.notes, 'memo')}`;
}

/**
 * REFI-QDA exchange in the Export view: the project (.qdpx) or the codebook (.qdc) for NVivo,
 * ATLAS.ti, MAXQDA, QualCoder…, and importing theirs.
 */
export function ExchangeSection() {
  const { job, run, cancel } = useExchangeJob();
  const [saved, setSaved] = useState<ExchangeExportSummary | null>(null);
  const [importing, setImporting] = useState(false);

  const exportFile = (format: 'qdpx' | 'qdc') =>
    void attempt(async () => {
      const exported: ExchangeExport | undefined =
        format === 'qdc' ? await call('exchange.exportCodebook', {}) : await run('Exporting the project', (jobId) => call('exchange.exportProject', { jobId }));
      if (!exported) {
        useNotices.getState().push('info', 'Export cancelled');
        return;
      }
      saveFileDownload(exported.file);
      setSaved(exported.summary);
      useNotices.getState().push('info', `Saved ${exported.file.fileName}`);
    });

  return (
    <section className="export-section" aria-labelledby="export-exchange-title">
      <h3 id="export-exchange-title">Exchange with NVivo, ATLAS.ti, MAXQDA…</h3>
      <p className="hint">REFI-QDA files, which other qualitative analysis tools open: the whole project with its sources, codings, memos and participants, or the codebook alone.</p>
      <div className="export-actions">
        {job ? (
          <JobProgress job={job} onCancel={cancel} />
        ) : (
          <>
            <button onClick={() => exportFile('qdpx')}>Export the project as .qdpx</button>
            <button onClick={() => exportFile('qdc')}>Export the codebook as .qdc</button>
          </>
        )}
      </div>
      {saved && (
        <div className="xch-saved" role="status">
          Saved {savedLine(saved)}.
          {saved.remarks.length > 0 && (
            <ul className="hint">
              {saved.remarks.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="export-actions">
        <button disabled={job !== null} onClick={() => setImporting(true)}>Import a REFI-QDA project or codebook…</button>
      </div>
      {importing && <ExchangeImportDialog onClose={() => setImporting(false)} />}
    </section>
  );
}
