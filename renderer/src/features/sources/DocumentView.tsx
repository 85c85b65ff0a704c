import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { codingById } from './coding-index.ts';
import type { Code, Coding, Participant } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { DocumentEditor, type DocumentHandle } from '../../editor/DocumentEditor.tsx';
import { coderColor } from '../../../../shared/domain/coder-colors.ts';
import { useMemosStore } from '../memos/store.ts';
import { useProjectStore } from '../project/store.ts';
import { CoderFilter, countCoders, type CoderInSource } from '../../ui/CoderFilter.tsx';
import { CodingToolbar } from './CodingToolbar.tsx';
import { useSourcesStore } from './store.ts';
import type { CodingActions, PickMode } from './use-coding-actions.ts';

export type DocumentViewProps = {
  codes: Code[];
  participants: Participant[];
  docRef: RefObject<DocumentHandle | null>;
  actions: CodingActions;
  onKeyDown: (event: KeyboardEvent) => boolean;
  onPick: (mode: PickMode) => void;
  onInductive: () => void;
  /** The project is open read-only here: the coding tools give way to a line that says so. */
  readOnly?: boolean;
};

const KIND_WORD = { interview: 'Interview', questionnaire: 'Questionnaire', document: 'Document' } as const;
const NONE: number[] = [];

/** The document pane: header, coding toolbar, the text with its codings, and a status line. */
export function DocumentView({ codes, participants, docRef, actions, onKeyDown, onPick, onInductive, readOnly = false }: DocumentViewProps) {
  const s = useSourcesStore();
  const { detail, codings, selection, selectedCodingId, adjustingId } = s;
  // The codebook reloads after every coding (its counts change); the document draws only names,
  // colours and the tree, so its map of codes stays the same object until one of those changes —
  // a new map makes the document place every coding again (~0.1 s at 100,000 codings).
  const look = codes.map((c) => `${c.id}\u0001${c.parentId}\u0001${c.color}\u0001${c.name}`).join('\u0002');
  const latestCodes = useRef(codes);
  latestCodes.current = codes;
  const codeMap = useMemo(() => new Map(latestCodes.current.map((c) => [c.id, c])), [look]);
  const labels = useMemo(() => new Map(participants.map((p) => [p.id, p.label])), [participants]);
  const loadMemo = useCallback(async (codingId: number) => {
    const memos = await call('memos.forTarget', { targetKind: 'coding', targetId: codingId });
    return memos.map((m) => (m.title ? `${m.title}: ${m.text}` : m.text)).join(' · ') || null;
  }, []);
  // Teamwork: a source coded by several coders shows all, some or one of them, told apart by colour.
  const projectPath = useProjectStore((p) => p.info?.path ?? '');
  const hiddenIds = s.hiddenCoders?.project === projectPath ? s.hiddenCoders.ids : NONE;
  const hidden = useMemo(() => new Set(hiddenIds), [hiddenIds]);
  // Counted again only after a load; a coding action adjusts the counts by what it changed.
  const counted = useRef<{ codings: readonly Coding[]; coders: CoderInSource[] } | null>(null);
  const coders = useMemo(() => {
    const prev = counted.current;
    const delta = s.codingsDelta;
    const next = prev && delta && delta.from === prev.codings ? countCoders(prev.coders, delta.change.added, delta.gone) : countCoders([], codings);
    counted.current = { codings, coders: next };
    return next;
  }, [codings, s.codingsDelta]);
  const shownCodings = useMemo(() => (hidden.size === 0 ? codings : codings.filter((c) => !hidden.has(c.coderId))), [codings, hidden]);
  // Keyed by who is shown, so a coding action keeps the same colours object (and the document patches, not redraws).
  const shownKey = coders.filter((c) => !hidden.has(c.id)).map((c) => c.id).join(',');
  const colors = useMemo(() => {
    const ids = shownKey === '' ? [] : shownKey.split(',').map(Number);
    return ids.length > 1 ? new Map(ids.map((id) => [id, coderColor(id)])) : null;
  }, [shownKey]);
  const listed = codingById(shownCodings, selectedCodingId) ?? null;
  // Listings carry the start of each quote only; the selected coding's line shows all of its words.
  const selected = useMemo(() => (listed && detail ? { ...listed, quote: detail.text.slice(listed.start, listed.end) } : listed), [listed, detail]);

  if (!detail) {
    return (
      <section className="pane document-pane" aria-label="Document">
        <header className="pane-header"><h2>No source open</h2></header>
        <p className="empty-state">Choose a source on the left to read and code it.</p>
      </section>
    );
  }
  return (
    <section className="pane document-pane" aria-label="Document">
      <header className="pane-header">
        <h2 title={detail.name}>{detail.name}</h2>
        <span className="muted doc-meta">
          {KIND_WORD[detail.kind]} · {detail.units.length} units · {shownCodings.length === codings.length ? `${codings.length} codings` : `${shownCodings.length} of ${codings.length} codings`}
        </span>
        {(coders.length > 1 || coders.some((c) => hidden.has(c.id))) && <CoderFilter coders={coders} hidden={hidden} onChange={(ids) => s.setHiddenCoders(projectPath, ids)} />}
        <button className="icon-button memo-button" title="Memo on this source" aria-label="Memo on this source" onClick={() => useMemosStore.getState().open({ kind: 'source', id: detail.id })}>✎</button>
      </header>
      {readOnly ? (
        <div className="coding-toolbar read-only-note" role="note">
          Read-only here: codings can be read and stepped through (Alt+↓), not changed.
        </div>
      ) : (
        <CodingToolbar
          codes={codes}
          hasSelection={selection !== null}
          keySlots={s.keySlots}
          selected={selected}
          adjusting={adjustingId !== null}
          snap={s.snapToWords}
          actions={actions}
          onSnap={s.setSnapToWords}
          onPick={onPick}
          onInductive={onInductive}
        />
      )}
      <DocumentEditor
        source={detail}
        participantLabel={(id) => labels.get(id)}
        codings={shownCodings}
        change={shownCodings === codings ? s.codingsDelta : null}
        codes={codeMap}
        coderColors={colors}
        selectedCodingId={selectedCodingId}
        handleRef={docRef}
        onSelectionChange={(range) => {
          s.setSelection(range);
          // Selecting new text leaves the selected coding, unless its boundaries are being moved.
          const now = useSourcesStore.getState();
          if (range && now.selectedCodingId !== null && now.adjustingId === null) now.selectCoding(null);
        }}
        onSelectCoding={actions.selectCoding}
        onKeyDown={onKeyDown}
        loadMemo={loadMemo}
      />
      <footer className="pane-footer hint doc-status" aria-live="polite">
        {s.status || (selection ? `${selection.end - selection.start} characters selected — click a code, press 1–9, or Ctrl+K` : 'Select text to code it · Alt+↓ steps through codings')}
      </footer>
    </section>
  );
}
