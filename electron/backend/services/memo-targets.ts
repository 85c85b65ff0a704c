import type { HandlerMap } from '../handler-types.ts';
import { listMemos } from '../repositories/memos.ts';
import { assertMemoTarget } from './memos.ts';

type M = 'memos.forTarget';

export const memoTargetHandlers: HandlerMap<M> = {
  'memos.forTarget': (input, { db }) => {
    assertMemoTarget(db, input.targetKind, input.targetId);
    const memos = listMemos(db, input.targetId === null ? { targetKind: input.targetKind } : { targetKind: input.targetKind, targetId: input.targetId });
    // Oldest first: a code's memos read as the history of the category (its "why" comes first).
    return memos.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  },
};
