import { z } from 'zod';
import { command, query } from '../define.ts';
import { empty } from '../schemas.ts';

/** What the Undo/Redo buttons show, for the current coder. */
export type UndoState = {
  canUndo: boolean;
  /** e.g. "Merge ‘Flexibility’ into ‘Definition’"; null when there is nothing to undo. */
  undoLabel: string | null;
  canRedo: boolean;
  redoLabel: string | null;
};

/** The result of undo.undo / undo.redo. */
export type UndoResult = {
  /** Label of the operation that was undone or redone. */
  label: string;
  /** The API method that made the operation, e.g. "codes.merge". */
  method: string;
  /** Store tables the replay changed (e.g. ["codes", "codings", "memos"]), so views know what to reload. */
  tables: string[];
  state: UndoState;
};

export type UndoEntry = {
  id: number;
  label: string;
  method: string;
  at: string;
  /** done: on the undo stack; undone: on the redo stack. */
  status: 'done' | 'undone';
};

export const undoMethods = {
  /** Reverts the current coder's latest operation; fails with `conflict` when nothing is left or later changes by someone else touched the same data. */
  'undo.undo': command(empty).returns<UndoResult>(),
  /** Re-applies the operation undone most recently. */
  'undo.redo': command(empty).returns<UndoResult>(),
  'undo.state': query(empty).returns<UndoState>(),
  /** The current coder's recent operations, newest first (redo stack included). */
  'undo.history': query(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict()).returns<UndoEntry[]>(),
};
