import { ApiFailure } from '../../../shared/api/errors.ts';
import { htmlToPlainText } from '../../../shared/domain/html-text.ts';
import type { MemoTargetKind } from '../../../shared/domain/types.ts';
import type { Db } from '../db/database.ts';
import type { HandlerMap } from '../handler-types.ts';
import { deleteMemo, getMemo, insertMemo, listMemos, memoTargetExists, updateMemo } from '../repositories/memos.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'memos.list' | 'memos.get' | 'memos.create' | 'memos.update' | 'memos.delete';

export function assertMemoTarget(db: Db, kind: MemoTargetKind, id: number | null): void {
  if (kind === 'project' || id === null) return;
  if (!memoTargetExists(db, kind, id)) throw new ApiFailure('not_found', `The ${kind} ${id} that this memo would belong to does not exist`, 'targetId');
}

export const memoHandlers: HandlerMap<M> = {
  'memos.list': (input, { db }) => listMemos(db, input),
  'memos.get': (input, { db }) => found(getMemo(db, input.id), `Memo ${input.id}`),
  'memos.create': (input, ctx) => {
    assertMemoTarget(ctx.db, input.targetKind, input.targetId);
    labelOperation(ctx.db, input.title ? `Create memo ${q(input.title)}` : 'Create memo');
    const id = insertMemo(ctx.db, { ...input, text: htmlToPlainText(input.body) }, ctx.coderId, ctx.now());
    ctx.audit('create', 'memo', id, { targetKind: input.targetKind, targetId: input.targetId, title: input.title });
    return getMemo(ctx.db, id)!;
  },
  'memos.update': (input, ctx) => {
    const memo = found(getMemo(ctx.db, input.id), `Memo ${input.id}`);
    const body = input.body ?? memo.body;
    labelOperation(ctx.db, memo.title ? `Edit memo ${q(memo.title)}` : 'Edit memo');
    updateMemo(ctx.db, input.id, { title: input.title ?? memo.title, body, text: htmlToPlainText(body) }, ctx.now());
    ctx.audit('update', 'memo', input.id, { title: input.title ?? memo.title });
    return getMemo(ctx.db, input.id)!;
  },
  'memos.delete': (input, ctx) => {
    const memo = found(getMemo(ctx.db, input.id), `Memo ${input.id}`);
    labelOperation(ctx.db, memo.title ? `Delete memo ${q(memo.title)}` : 'Delete memo');
    const removed = deleteMemo(ctx.db, input.id);
    ctx.audit('delete', 'memo', input.id, { title: memo.title, text: memo.text });
    return { removed };
  },
};
