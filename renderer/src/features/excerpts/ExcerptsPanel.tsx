import { useState } from 'react';
import { attempt } from '../../ui/notify.ts';
import { ExcerptExportDialog } from '../export/ExcerptExportDialog.tsx';
import { ExcerptList, PassageList } from './ExcerptList.tsx';
import { jumpToCoding } from './jump.ts';
import { useExcerptsStore } from './store.ts';
import './excerpts.css';

/** The excerpts behind what was clicked (or retrieved), with paging and export. */
export function ExcerptsPanel({ onClose, emptyText }: { onClose?: () => void; emptyText?: string }) {
  const { shown, loading, contexts, more, toggleContext } = useExcerptsStore();
  const [exporting, setExporting] = useState(false);
  const jump = (sourceId: number, codingId: number) => void attempt(() => jumpToCoding(sourceId, codingId));
  return (
    <section className="excerpts-panel" aria-label="Excerpts" aria-busy={loading}>
      <header className="pane-header">
        <h2 title={shown?.title}>{shown?.title ?? 'Excerpts'}</h2>
        {shown && <span className="muted">{shown.total}</span>}
        {shown?.kind === 'excerpts' && (
          <button disabled={shown.total === 0} onClick={() => setExporting(true)} title="Save every excerpt shown here as Word, HTML, Markdown, Excel or CSV">
            Export…
          </button>
        )}
        {onClose && <button className="icon-button" aria-label="Close excerpts" title="Close (Esc)" onClick={onClose}>×</button>}
      </header>
      <div className="pane-body">
        {!shown ? (
          <p className="empty-note">{loading ? 'Loading…' : (emptyText ?? 'Choose a cell or a bar to read its excerpts.')}</p>
        ) : shown.kind === 'excerpts' ? (
          <>
            <ExcerptList excerpts={shown.excerpts} contexts={contexts} onToggleContext={(id) => void attempt(() => toggleContext(id))} onJump={jump} />
            {shown.excerpts.length < shown.total && (
              <div className="more-row">
                <button onClick={() => void attempt(more)}>Show more ({shown.total - shown.excerpts.length} left)</button>
              </div>
            )}
          </>
        ) : (
          <>
            <PassageList passages={shown.passages} onJump={jump} />
            {shown.passages.length < shown.total && <p className="empty-note">Showing the first {shown.passages.length} of {shown.total} pairs.</p>}
          </>
        )}
      </div>
      {exporting && shown?.kind === 'excerpts' && (
        <ExcerptExportDialog filter={shown.query} title={shown.title} total={shown.total} onClose={() => setExporting(false)} />
      )}
    </section>
  );
}
