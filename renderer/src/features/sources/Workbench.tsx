import { useEffect, useRef, useState } from 'react';
import type { DocumentHandle } from '../../editor/DocumentEditor.tsx';
import { attempt } from '../../ui/notify.ts';
import { changesProject, matches } from '../../ui/shortcuts.ts';
import { CodebookPanel } from '../codebook/CodebookPanel.tsx';
import { onTablistKey } from '../codebook/tablist-keys.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { MemosPanel } from '../memos/MemosPanel.tsx';
import { useParticipantsStore } from '../participants/store.ts';
import { isReadOnly, useProjectStore } from '../project/store.ts';
import { DocumentView } from './DocumentView.tsx';
import { InductiveDialog } from './InductiveDialog.tsx';
import { QuickPick } from './QuickPick.tsx';
import { SourcesPane } from './SourcesPane.tsx';
import { useSourcesStore } from './store.ts';
import { useCodingActions, type PickMode } from './use-coding-actions.ts';
import './workbench.css';

const SIDE_TABS = ['codebook', 'memos'] as const;

const PICK_TITLE: Record<PickMode, string> = {
  apply: 'Apply a code to the selection',
  unit: 'Code the whole turn',
  change: 'Change the code of this passage',
};

/** sources | document | codebook (or memos): the coding workbench. */
export function Workbench() {
  // Narrow subscriptions: a new coding re-renders the document, not the whole workbench.
  const sources = useSourcesStore((s) => s.sources);
  const openId = useSourcesStore((s) => s.openId);
  const openSource = useSourcesStore((s) => s.openSource);
  const codes = useCodebookStore((s) => s.codes);
  const participants = useParticipantsStore((s) => s.participants);
  const docRef = useRef<DocumentHandle | null>(null);
  const actions = useCodingActions(docRef);
  const [pick, setPick] = useState<PickMode | null>(null);
  const [inductive, setInductive] = useState(false);
  const [side, setSide] = useState<'codebook' | 'memos'>('codebook');
  const backToDoc = () => docRef.current?.focus();
  // Reviewer mode, or a project another window writes: codings can be read and stepped through, not changed.
  const readOnly = useProjectStore((p) => isReadOnly(p.info));

  // Ctrl+E: into the document text once it is drawn (the source may be opening now).
  const focusPending = useSourcesStore((s) => s.focusPending);
  const hasDetail = useSourcesStore((s) => s.detail !== null);
  useEffect(() => {
    if (!focusPending || !hasDetail) return;
    useSourcesStore.getState().requestDocumentFocus(false);
    requestAnimationFrame(() => docRef.current?.focus());
  }, [focusPending, hasDetail]);

  const openPick = (mode: PickMode) => setPick(mode);
  const openInductive = () => {
    if (useSourcesStore.getState().selection) setInductive(true);
    else void actions.inVivo(); // says what is missing
  };

  const onDocKey = (e: KeyboardEvent): boolean => {
    const st = useSourcesStore.getState();
    if (readOnly && changesProject(e, 'document')) {
      st.setStatus('This project is open read-only here: codings can be read, not changed.');
      return true;
    }
    if (st.adjustingId !== null && (matches(e, 'selectAtCaret') || matches(e, 'deselect'))) {
      if (e.key === 'Enter') void actions.commitAdjust();
      else actions.cancelAdjust();
      return true;
    }
    if (matches(e, 'applyCode')) {
      openPick(!st.selection && st.selectedCodingId !== null ? 'change' : 'apply');
      return true;
    }
    if (matches(e, 'newCategory')) { openInductive(); return true; }
    if (matches(e, 'inVivo')) { void actions.inVivo(); return true; }
    if (matches(e, 'codeUnit')) { openPick('unit'); return true; }
    if (matches(e, 'memo') && st.selectedCodingId !== null) { actions.memoOnSelected(); return true; }
    if (matches(e, 'applyKeyToUnit')) { actions.applyKey(Number(e.code.slice(5)) - 1, true); return true; }
    if (matches(e, 'applyKey')) {
      if (st.selection) actions.applyKey(Number(e.code.slice(5)) - 1, false);
      return true;
    }
    if (matches(e, 'nextCoding') || matches(e, 'previousCoding')) {
      const id = docRef.current?.neighbourCoding(matches(e, 'nextCoding') ? 1 : -1, st.selectedCodingId) ?? null;
      if (id !== null) actions.selectCoding(id);
      return true;
    }
    if (matches(e, 'deselect') && st.selectedCodingId !== null) { actions.selectCoding(null); return true; }
    if (matches(e, 'selectAtCaret')) {
      const ids = docRef.current?.codingsAtCaret() ?? [];
      if (ids[0] !== undefined) actions.selectCoding(ids[0]);
      return true;
    }
    if (matches(e, 'removeCoding') && st.selectedCodingId !== null) { void actions.removeSelected(); return true; }
    if (matches(e, 'adjust') && st.selectedCodingId !== null) { actions.startAdjust(); return true; }
    return false;
  };

  const detail = useSourcesStore((s) => s.detail);
  const selection = useSourcesStore((s) => s.selection);
  const recentIds = useSourcesStore((s) => s.recentCodeIds);
  const keySlots = useSourcesStore((s) => s.keySlots);

  return (
    <div className="workbench">
      <SourcesPane sources={sources} openId={openId} onOpen={(id) => void attempt(() => openSource(id))} />
      <DocumentView codes={codes} participants={participants} docRef={docRef} actions={actions} onKeyDown={onDocKey} onPick={openPick} onInductive={openInductive} readOnly={readOnly} />
      <div className="side-column">
        <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={(e) => onTablistKey(e, SIDE_TABS, side, setSide)}>
          {SIDE_TABS.map((t) => (
            <button key={t} role="tab" id={`side-tab-${t}`} aria-selected={side === t} tabIndex={side === t ? 0 : -1} aria-controls={`side-panel-${t}`} className={`side-tab${side === t ? ' active' : ''}`} onClick={() => setSide(t)}>
              {t === 'codebook' ? 'Codebook' : 'Memos'}
            </button>
          ))}
        </div>
        <div className="side-panel" role="tabpanel" id={`side-panel-${side}`} aria-labelledby={`side-tab-${side}`}>
          {side === 'codebook' && readOnly ? (
            <CodebookPanel keySlots={keySlots} />
          ) : side === 'codebook' ? (
            <CodebookPanel
              applyMode={selection !== null}
              keySlots={keySlots}
              onApply={(codeId) => void actions.apply(codeId)}
              onDropPassage={(codeId, range) => {
                if (range.sourceId === openId) void actions.apply(codeId, range);
              }}
            />
          ) : (
            <MemosPanel />
          )}
        </div>
      </div>
      {pick && (
        <QuickPick
          title={PICK_TITLE[pick]}
          codes={codes}
          recentIds={recentIds}
          keySlots={keySlots}
          onClose={() => setPick(null)}
          returnFocus={backToDoc}
          onPick={(codeId) => {
            const mode = pick;
            setPick(null);
            void (mode === 'unit' ? actions.applyToUnit(codeId) : mode === 'change' ? actions.changeCode(codeId) : actions.apply(codeId));
          }}
          onCreate={(name) => {
            const mode = pick;
            setPick(null);
            void actions.createAndApply(name, mode);
          }}
        />
      )}
      {inductive && selection && detail && (
        <InductiveDialog
          quote={detail.text.slice(selection.start, selection.end)}
          onClose={() => setInductive(false)}
          returnFocus={backToDoc}
          onCreate={(name, memo) =>
            void actions.createInductive(name, memo).then((ok) => {
              if (ok) setInductive(false);
            })
          }
        />
      )}
    </div>
  );
}
