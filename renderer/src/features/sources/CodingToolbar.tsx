import type { MouseEvent } from 'react';
import type { Code, Coding } from '../../../../shared/domain/types.ts';
import type { CodingActions, PickMode } from './use-coding-actions.ts';

export type CodingToolbarProps = {
  codes: Code[];
  hasSelection: boolean;
  recentIds: number[];
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
 * recent codes (1–9) or, when a coding is selected, what can be done with it.
 */
export function CodingToolbar(p: CodingToolbarProps) {
  const codeOf = (id: number) => p.codes.find((c) => c.id === id);
  const recent = p.recentIds.map(codeOf).filter((c): c is Code => !!c);
  const selectedCode = p.selected ? codeOf(p.selected.codeId) : undefined;
  // Buttons keep focus in the document: a mouse click on them must not steal it.
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div className="coding-toolbar" role="toolbar" aria-label="Coding">
      <div className="toolbar-row">
        <button onMouseDown={keep} disabled={!p.hasSelection} onClick={() => p.onPick('apply')} title="Apply a code to the selection (Ctrl+K or /)">Code…</button>
        <button onMouseDown={keep} disabled={!p.hasSelection} onClick={() => void p.actions.inVivo()} title="New code named after the selected words (Ctrl+I)">In vivo</button>
        <button onMouseDown={keep} disabled={!p.hasSelection} onClick={p.onInductive} title="New inductive category from this passage, with a memo on why (Ctrl+Alt+I)">New category…</button>
        <button onMouseDown={keep} onClick={() => p.onPick('unit')} title="Code the whole turn, answer or paragraph at the caret (Ctrl+U)">Code turn…</button>
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
              <button onMouseDown={keep} onClick={() => p.onPick('change')} title="Change the code of this passage (Ctrl+K)">Change code…</button>
              <button onMouseDown={keep} onClick={p.actions.startAdjust} title="Move the start and end of this passage (F2)">Adjust</button>
              <button onMouseDown={keep} onClick={p.actions.memoOnSelected} title="Write a memo on this passage (Ctrl+M)">{p.selected.memoCount > 0 ? 'Memo ✎' : 'Memo…'}</button>
              <button onMouseDown={keep} className="danger" onClick={() => void p.actions.removeSelected()} title="Remove this coding (Delete)">Remove</button>
              <button onMouseDown={keep} className="icon-button" aria-label="Deselect coding" title="Esc" onClick={() => p.actions.selectCoding(null)}>×</button>
            </>
          )}
        </div>
      ) : (
        <div className="toolbar-row recent-codes" role="group" aria-label="Recent codes">
          <span className="muted">Recent</span>
          {recent.length === 0 && <span className="muted">— codes you apply get keys 1–9</span>}
          {recent.map((c, i) => (
            <button
              key={c.id}
              onMouseDown={keep}
              className="recent-chip"
              disabled={!p.hasSelection}
              onClick={() => void p.actions.apply(c.id)}
              title={`Apply “${c.name}” to the selection (${i + 1}; Shift+${i + 1} codes the whole turn)`}
            >
              <kbd>{i + 1}</kbd>
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className="recent-name">{c.name}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
