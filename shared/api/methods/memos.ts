import { z } from 'zod';
import { command, query } from '../define.ts';
import { freeText, id, label, memoTargetKind } from '../schemas.ts';
import type { Memo } from '../../domain/types.ts';

const body = freeText('Memo body', 1_000_000);
const title = label('Memo title', { max: 300, allowEmpty: true });
/** A memo's target: targetId is null exactly for the project's own memos. */
export const targetFitsKind = (t: { targetKind: string; targetId: number | null }): boolean => (t.targetKind === 'project') === (t.targetId === null);
export const targetKindMessage = { message: 'targetId must be null for project memos and set for every other kind', path: ['targetId'] };

export const memoMethods = {
  'memos.list': query(
    z.object({ targetKind: memoTargetKind.optional(), targetId: id.optional(), search: freeText('Search', 200).optional() }).strict(),
  ).returns<Memo[]>(),
  'memos.get': query(z.object({ id }).strict()).returns<Memo>(),
  'memos.create': command(
    z
      .object({ targetKind: memoTargetKind, targetId: id.nullable(), title: title.default(''), body: body.default('') })
      .strict()
      .refine(targetFitsKind, targetKindMessage),
  ).returns<Memo>(),
  'memos.update': command(
    z.object({ id, title: title.optional(), body: body.optional() }).strict(),
  ).returns<Memo>(),
  'memos.delete': command(z.object({ id }).strict()).returns<{ removed: number }>(),
};
