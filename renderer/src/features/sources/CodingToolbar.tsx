import { keysOf } from '../../ui/shortcuts.ts';
import type { MouseEvent } from 'react';
import type { Code, Coding } from '../../../../shared/domain/types.ts';
import type { CodingActions, PickMode } from './use-coding-actions.ts';

export type CodingToolbarProps = {
  codes: Code[];
  hasSelection: boolean;
  /** Slot i: the code key i + 1 applies. */
  keySlots: (number | null)[];
  selected: Coding | null;
  adjusting: boolean;
  snap: boolean;
  actions: CodingActions;
  onSnap: (on: boolean) => void;
  onPick: (mode: PickMode) => void;
  onInductive: () => void;
};

/**
 * The slim toolbar above the document: coding actions with their keys, then either the
 * codes on number keys 1–9 (in key order, wrapping to a second line rather than scrolling) or,
 * when a coding is selected, what can be done with it.
 */
export function CodingToolbar(p: CodingToolbarProps) {
  const codeOf = (id: number) => p.codes.find((c) => c.id === id);
  const keyed = p.keySlots.flatMap((id, i) => {
    const code = id === null ? undefined : codeOf(id);
    return code ? [{ key: i + 1, code }] : [];
  });
  const selectedCode = p.selected ? codeOf(p.selected.codeId) : undefined;
  // Buttons keep focus in the document: a mouse click on them must not steal it.
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div className="coding-toolbar" role="toolbar" aria-label="Coding">
      <div className="toolbar-row">
        <button onMouseDown={keep} disabled={!p.hasSelection} onClick={() => p.onPick('apply')} title={`Apply a code to the selection (${keysOf('applyCode')})`}>Code…</button>
        <button onMouseDown={keep} disabled={!p.hasSelection} onClick={() => void p.actions.inVivo()} title={`New code named after the selected words (${keysOf('inVivo')})`}>In vivo</button>
        <button onMouseDown={keep} disabled={!p.hasSelection} onClick={p.onInductive} title={`New inductive category from this passage, with a memo on why (${keysOf('newCategory')})`}>New category…</button>
        <button onMouseDown={keep} onClick={() => p.onPick('unit')} title={`Code the whole turn, answer or paragraph at the caret (${keysOf('codeUnit')})`}>Code turn…</button>
        <span className="spacer" />
        <label className="toolbar-check" title="Widen selections to whole words before coding">
          <input type="checkbox" checked={p.snap} onChange={(e) => p.onSnap(e.target.checked)} /> Snap to words
        </label>
      </div>
      {p.selected ? (
        <div className="toolbar-row selected-coding" role="group" aria-label="Selected coding">
          <span className="swatch" style={{ background: selectedCode?.color ?? '#999' }} aria-hidden="true" />
          <span className="selected-name" title={p.selected.quote}>
            <strong>{selectedCode?.name ?? 'Unknown code'}</strong>
            <span className="muted"> “{p.selected.quote.slice(0, 60)}{p.selected.quote.length > 60 ? '…' : ''}”</span>
          </span>
          {p.adjusting ? (
            <>
              <button onMouseDown={keep} className="primary" onClick={() => void p.actions.commitAdjust()} title="Keep the selected extent (Enter)">Save boundaries</button>
              <button onMouseDown={keep} onClick={p.actions.cancelAdjust} title="Esc">Cancel</button>
            </>
          ) : (
            <>
              <button onMouseDown={keep} onClick={() => p.onPick('change')} title={`Change the code of this passage (${keysOf('applyCode')})`}>Change code…</button>
              <button onMouseDown={keep} onClick={p.actions.startAdjust} title="Move the start and end of this passage (F2)">Adjust</button>
              <button onMouseDown={keep} onClick={p.actions.memoOnSelected} title={`Write a memo on this passage (${keysOf('memo')})`}>{p.selected.memoCount > 0 ? 'Memo ✎' : 'Memo…'}</button>
              <button onMouseDown={keep} className="danger" onClick={() => void p.actions.removeSelected()} title="Remove this coding (Delete)">Remove</button>
              <button onMouseDown={keep} className="icon-button" aria-label="Deselect coding" title="Esc" onClick={() => p.actions.selectCoding(null)}>×</button>
            </>
          )}
        </div>
      ) : (
        <div className="toolbar-row code-keys" role="group" aria-label="Code keys">
          <span className="muted code-keys-label" title="The first nine codes you use take keys 1–9 and keep them. Change them in the Codebook view.">Keys</span>
          {keyed.length === 0 && <span className="muted">— the first nine codes you apply take keys 1–9, and keep them</span>}
          {keyed.map(({ key, code }) => (
            <button
              key={key}
              onMouseDown={keep}
              className="key-chip"
              disabled={!p.hasSelection}
              onClick={() => void p.actions.apply(code.id)}
              title={`Apply “${code.name}” to the selection (${key}; Shift+${key} codes the whole turn)`}
            >
              <kbd>{key}</kbd>
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              <span className="key-name">{code.name}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
