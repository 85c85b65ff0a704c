import { useEffect } from 'react';
import { attempt, useNotices } from '../../ui/notify.ts';
import { isTextField, keysOf, matches } from '../../ui/shortcuts.ts';
import { reloadEverything } from './reload.ts';
import { useUndoStore } from './store.ts';
import './undo.css';

/** Runs undo or redo, reloads every view and says what happened. */
export function runUndo(kind: 'undo' | 'redo'): Promise<void> {
  return attempt(async () => {
    const s = useUndoStore.getState();
    const result = kind === 'undo' ? await s.undo() : await s.redo();
    if (!result) return;
    await reloadEverything();
    useNotices.getState().push('info', `${kind === 'undo' ? 'Undone' : 'Redone'}: ${result.label}`);
  }).then(() => undefined);
}


/**
 * Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (and Edit → Undo / Redo in the desktop menu) undo and redo
 * project changes anywhere except inside a text field or the memo editor, where they keep
 * their usual meaning (undo typing).
 */
export function useUndoShortcuts(projectPath: string | null): void {
  useEffect(() => {
    if (projectPath === null) return;
    void attempt(() => useUndoStore.getState().refresh());
    const onKey = (e: KeyboardEvent) => {
      if (isTextField(document.activeElement)) return;
      if (matches(e, 'undo')) { e.preventDefault(); void runUndo('undo'); }
      else if (matches(e, 'redo')) { e.preventDefault(); void runUndo('redo'); }
    };
    window.addEventListener('keydown', onKey);
    // Edit → Undo / Redo of the desktop menu: the same choice as the keys make.
    const stopMenu = window.marginalia?.onMenuCommand((command) => {
      if (command !== 'undo' && command !== 'redo') return;
      if (isTextField(document.activeElement)) document.execCommand(command);
      else void runUndo(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu?.();
    };
  }, [projectPath]);
}

/** Undo and redo buttons for the top bar; their titles say what they would do. */
export function UndoButtons() {
  const { canUndo, canRedo, undoLabel, redoLabel, busy } = useUndoStore();
  return (
    <span className="undo-buttons" role="group" aria-label="Undo and redo">
      <button
        disabled={!canUndo || busy}
        onClick={() => void runUndo('undo')}
        title={canUndo ? `Undo ${undoLabel ?? ''} (${keysOf('undo')})` : 'Nothing to undo'}
      >
        {/* Named by what it shows ("Undo" and the step), so the name read out holds the words seen; the arrow is decoration. */}
        <span aria-hidden="true">↶ </span>Undo{canUndo && undoLabel ? <> <span className="undo-what">{undoLabel}</span></> : null}
      </button>
      <button
        disabled={!canRedo || busy}
        onClick={() => void runUndo('redo')}
        title={canRedo ? `Redo ${redoLabel ?? ''} (${keysOf('redo')})` : 'Nothing to redo'}
        aria-label={canRedo ? `Redo ${redoLabel ?? ''}` : 'Redo'}
      >
        <span aria-hidden="true">↷ </span>Redo
      </button>
    </span>
  );
}
