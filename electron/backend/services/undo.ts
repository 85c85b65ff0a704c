import type { HandlerMap } from '../handler-types.ts';
import { redo, undo, undoHistory, undoState } from '../undo/history.ts';

type M = 'undo.undo' | 'undo.redo' | 'undo.state' | 'undo.history';

export const undoHandlers: HandlerMap<M> = {
  'undo.undo': (_i, ctx) => undo(ctx),
  'undo.redo': (_i, ctx) => redo(ctx),
  'undo.state': (_i, { db, coderId }) => undoState(db, coderId),
  'undo.history': (input, { db, coderId }) => undoHistory(db, coderId, input.limit),
};
