import { useEffect, useRef, useState } from 'react';
import { attempt, useNotices } from '../../ui/notify.ts';
import { CodebookPanel } from '../codebook/CodebookPanel.tsx';
import { useCodebookStore } from '../codebook/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { DocumentView, selectionOffsets } from './DocumentView.tsx';
import { SourcesPane } from './SourcesPane.tsx';
import { useSourcesStore } from './store.ts';

/** sources | document | codebook: the coding workbench. */
export function Workbench() {
  const { sources, openId, detail, codings, openSource, apply, removeCoding } = useSourcesStore();
  const codes = useCodebookStore((s) => s.codes);
  const loadCodes = useCodebookStore((s) => s.load);
  const participants = useParticipantsStore((s) => s.participants);
  const docRef = useRef<HTMLDivElement>(null);
  // The last non-empty selection in the document survives a click into the codebook.
  const lastSelection = useRef<{ start: number; end: number } | null>(null);
  const [selectionLabel, setSelectionLabel] = useState('');

  useEffect(() => {
    const onChange = () => {
      if (!docRef.current) return;
      const sel = selectionOffsets(docRef.current);
      if (sel) {
        lastSelection.current = sel;
        setSelectionLabel(`${sel.end - sel.start} characters selected`);
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  useEffect(() => {
    lastSelection.current = null;
    setSelectionLabel('');
  }, [openId]);

  const applyCode = (codeId: number) => {
    const sel = lastSelection.current;
    if (!sel || !detail) {
      useNotices.getState().push('error', 'Select a passage in the document first, then choose a code.');
      return;
    }
    void attempt(async () => {
      await apply(codeId, sel.start, sel.end);
      await loadCodes();
      const name = codes.find((c) => c.id === codeId)?.name ?? 'code';
      useNotices.getState().push('info', `Coded ${sel.end - sel.start} characters as “${name}”`);
    });
  };

  return (
    <div className="workbench">
      <SourcesPane sources={sources} openId={openId} onOpen={(id) => void attempt(() => openSource(id))} />
      <section className="pane document-pane" aria-label="Document">
        <header className="pane-header">
          <h2>{detail?.name ?? 'No source open'}</h2>
          {detail && <span className="muted">{detail.kind} · {detail.units.length} units · {codings.length} codings</span>}
        </header>
        <div className="pane-body document-scroll" ref={docRef}>
          {detail ? (
            <DocumentView source={detail} codings={codings} codes={codes} participants={participants} onRemoveCoding={(id) => void attempt(() => removeCoding(id))} />
          ) : (
            <p className="empty-state">Choose a source on the left to read and code it.</p>
          )}
        </div>
        <footer className="pane-footer hint">{selectionLabel || 'Select text to code it'}</footer>
      </section>
      <CodebookPanel onApply={applyCode} />
    </div>
  );
}
