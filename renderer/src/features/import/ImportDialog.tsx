import { useEffect, useRef } from 'react';
import { onProgress } from '../../api/client.ts';
import { problemsOf } from './drafts.ts';
import { FileList } from './FileList.tsx';
import { FilePanel } from './FilePanel.tsx';
import { ImportResult } from './ImportResult.tsx';
import { FOCUSABLE, useModalTrap } from '../../ui/modal-trap.ts';
import { useImportStore } from './store.ts';
import './import.css';

/**
 * The import dialog: files on the left, the selected file's preview and choices on the
 * right, progress and the Import button below. Nothing is written until Import.
 */
export function ImportDialog({ onImported }: { onImported: (openSourceId: number | null) => void }) {
  const s = useImportStore();
  const ref = useRef<HTMLDivElement>(null);
  const running = s.phase === 'running';
  const selected = s.drafts.find((d) => d.key === s.selected) ?? null;
  const labels = new Set(s.choices.participants.map((p) => p.label.toLowerCase()));
  const problems = s.drafts.flatMap((d) => problemsOf(d, labels));
  const failed = s.drafts.filter((d) => d.status === 'error').length;
  const importable = s.drafts.length - failed;
  const busy = s.drafts.some((d) => d.status === 'uploading' || d.status === 'previewing');
  const canRun = s.drafts.length > 0 && problems.length === 0 && !running;
  useModalTrap(ref, () => { if (!running) s.close(); });

  // Listen while the dialog is open, so the channel is connected before a run starts.
  useEffect(() => onProgress((e) => useImportStore.getState().progress(e)), []);
  useEffect(() => {
    const before = document.activeElement;
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) queueMicrotask(() => before.focus());
    };
  }, []);

  const run = () => void s.run().then((report) => report && onImported(null));

  return (
    <div className="modal-backdrop imp-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && !running) s.close(); }}>
      <div
        ref={ref}
        className={`imp-dialog${s.phase === 'done' ? ' done' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="imp-title"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') { e.preventDefault(); if (!running) s.close(); }
          else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canRun && s.phase === 'editing') { e.preventDefault(); run(); }
          else if (e.key === 'Tab' && ref.current) {
            const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
            const first = items[0];
            const last = items[items.length - 1];
            if (e.shiftKey && document.activeElement === first) { last?.focus(); e.preventDefault(); }
            else if (!e.shiftKey && document.activeElement === last) { first?.focus(); e.preventDefault(); }
          }
        }}
      >
        <div className="imp-head">
          <h2 id="imp-title">{s.phase === 'done' ? 'Import finished' : 'Import files'}</h2>
          <span className="hint">{s.phase === 'done' ? '' : 'Interviews (.txt .md .docx .odt .vtt .srt .json) · documents (.pdf .docx .odt .html .md .txt) · questionnaires (.csv .tsv .xlsx)'}</span>
          <button className="icon-button" aria-label="Close" onClick={s.close} disabled={running}>×</button>
        </div>
        {s.phase === 'done' && s.report ? (
          <ImportResult report={s.report} onOpen={(id) => { onImported(id); s.close(); }} onClose={s.close} />
        ) : (
          <>
            <div className="imp-body">
              <FileList drafts={s.drafts} selected={s.selected} disabled={running} onSelect={s.select} onRemove={s.remove} onAdd={(f) => void s.addFiles(f)} />
              {selected ? (
                <FilePanel draft={selected} disabled={running} others={importable} />
              ) : (
                <div className="imp-empty">
                  <p>Add interview transcripts, documents or questionnaire exports.</p>
                  <p className="hint">Nothing is written to the project until you press Import; you can check every file first.</p>
                  <button data-autofocus className="primary" onClick={() => ref.current?.querySelector<HTMLInputElement>('input[type=file]')?.click()}>Choose files…</button>
                </div>
              )}
            </div>
            <div className="imp-foot">
              {running && s.job ? (
                <div className="imp-progress" role="status" aria-live="polite">
                  <span className="imp-progress-label">{s.job.label}</span>
                  <progress max={s.job.total} value={s.job.done} aria-label="Import progress" />
                  <span className="count">{s.job.done} / {s.job.total}</span>
                </div>
              ) : s.runError ? (
                <p className="imp-foot-msg imp-problem" role="alert">{s.runError}</p>
              ) : problems.length > 0 && !busy ? (
                <p className="imp-foot-msg imp-problem">
                  {problems[0]}{problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}
                  {failed > 0 && importable > 0 && <button className="link" onClick={s.removeProblems}>Remove {failed === 1 ? 'the file' : `the ${failed} files`} that cannot be imported</button>}
                </p>
              ) : (
                <p className="imp-foot-msg hint">{s.drafts.length > 0 ? 'All files are imported in one step, and can be undone in one step.' : ''}</p>
              )}
              <span className="spacer" />
              {running ? (
                <button onClick={() => void s.cancel()}>Cancel import</button>
              ) : (
                <button onClick={s.close}>Close</button>
              )}
              <button className="primary" disabled={!canRun || busy} onClick={run} title="Import (Ctrl+Enter)">
                {running ? 'Importing…' : importable === 0 ? 'Import' : `Import ${importable === 1 ? '1 file' : `${importable} files`}`}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
