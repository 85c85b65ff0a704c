import { useState } from 'react';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { ExportProgress } from './ExportProgress.tsx';
import { EXCERPT_FORMATS, FormatChoice, isReport } from './FormatChoice.tsx';
import type { ExcerptFilter } from './store.ts';
import { useExportJob } from './use-export-job.ts';
import './export.css';

/**
 * Exports exactly the excerpts a panel shows (the Coded excerpts tab's filters, or one
 * frequency cell): every one of them, not only the page loaded.
 */
export function ExcerptExportDialog({ filter, title, total, onClose }: { filter: ExcerptFilter; title: string; total: number; onClose: () => void }) {
  const [format, setFormat] = useState<(typeof EXCERPT_FORMATS)[number]['value']>('docx');
  const [memos, setMemos] = useState(false);
  const exporter = useExportJob();
  const run = () => void exporter.run((jobId) => call('export.excerpts', { jobId, filter, format, memos, title: `Coded excerpts: ${title}`.slice(0, 200) })).then(onClose);
  return (
    <Modal title="Export excerpts" description={`${title}: ${total.toLocaleString()} excerpt${total === 1 ? '' : 's'}`} onClose={() => (exporter.job ? exporter.cancel() : onClose())}>
      <div className="export-dialog">
        <FormatChoice name="panel-export-format" legend="Format" options={EXCERPT_FORMATS} value={format} onChange={setFormat} disabled={exporter.job !== null} />
        <label className="inline-check">
          <input type="checkbox" checked={memos && isReport(format)} disabled={!isReport(format)} onChange={(e) => setMemos(e.target.checked)} />
          Include coding memos
        </label>
        <div className="export-actions">
          {exporter.job ? (
            <ExportProgress job={exporter.job} onCancel={exporter.cancel} />
          ) : (
            <>
              <button onClick={onClose}>Close</button>
              <button className="primary" data-autofocus onClick={run}>Export</button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
