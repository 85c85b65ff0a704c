import { create } from 'zustand';
import type { UndoResult, UndoState } from '../../../../shared/api/methods/undo.ts';
import { call } from '../../api/client.ts';

type UndoStore = UndoState & {
  busy: boolean;
  refresh: () => Promise<void>;
  undo: () => Promise<UndoResult | null>;
  redo: () => Promise<UndoResult | null>;
};

const NOTHING: UndoState = { canUndo: false, undoLabel: null, canRedo: false, redoLabel: null };

/** What Undo and Redo would do for the current coder; the backend keeps the history. */
export const useUndoStore = create<UndoStore>((set, get) => ({
  ...NOTHING,
  busy: false,
  refresh: async () => set(await call('undo.state', {})),
  undo: async () => {
    // Ctrl+Z pressed right after a change may come before the refreshed state: ask once more.
    if (!get().busy && !get().canUndo) await get().refresh();
    if (get().busy || !get().canUndo) return null;
    set({ busy: true });
    try {
      const result = await call('undo.undo', {});
      set(result.state);
      return result;
    } finally {
      set({ busy: false });
    }
  },
  redo: async () => {
    if (!get().busy && !get().canRedo) await get().refresh();
    if (get().busy || !get().canRedo) return null;
    set({ busy: true });
    try {
      const result = await call('undo.redo', {});
      set(result.state);
      return result;
    } finally {
      set({ busy: false });
    }
  },
}));
