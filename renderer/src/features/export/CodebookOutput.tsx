import type { CodebookFormat } from '../../../../shared/domain/export-types.ts';
import { call } from '../../api/client.ts';
import { FormatChoice } from './FormatChoice.tsx';
import { useExportStore } from './store.ts';
import type { useExportJob } from './use-export-job.ts';

const CODEBOOK_FORMATS: { value: CodebookFormat; label: string; note: string }[] = [
  { value: 'docx', label: 'Word', note: 'for an appendix or a supervisor' },
  { value: 'md', label: 'Markdown', note: 'plain text, for a repository or a wiki' },
];

/** The codebook as a document: tree, definitions, rules, origin, counts, framework links, examples. */
export function CodebookOutput({ exporter }: { exporter: ReturnType<typeof useExportJob> }) {
  const { codebookFormat, examples, set } = useExportStore();
  const run = () => void exporter.run((jobId) => call('export.codebook', { jobId, format: codebookFormat, examples }));
  return (
    <section className="export-section" aria-labelledby="export-codebook-title">
      <h3 id="export-codebook-title">Codebook</h3>
      <p className="hint">Every code with its definition, when to use it and when not, its origin, its counts and framework links.</p>
      <FormatChoice name="codebook-format" legend="Format" options={CODEBOOK_FORMATS} value={codebookFormat} onChange={(f) => set({ codebookFormat: f })} disabled={exporter.job !== null} />
      <label className="field export-examples">
        <span>Examples per code</span>
        <input type="number" min={0} max={20} value={examples} onChange={(e) => set({ examples: Math.max(0, Math.min(20, Math.round(Number(e.target.value) || 0))) })} />
      </label>
      <div className="export-actions">
        <button disabled={exporter.job !== null} onClick={run}>Export codebook</button>
      </div>
    </section>
  );
}
