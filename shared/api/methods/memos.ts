import { z } from 'zod';
import { command, query } from '../define.ts';
import { id, memoTargetKind } from '../schemas.ts';
import type { Memo } from '../../domain/types.ts';

const body = z.string().max(1_000_000, 'memo body must be at most 1,000,000 characters');
const target = z
  .object({ targetKind: memoTargetKind, targetId: id.nullable() })
  .refine((t) => (t.targetKind === 'project') === (t.targetId === null), {
    message: 'targetId must be null for project memos and set for every other kind',
    path: ['targetId'],
  });

export const memoMethods = {
  'memos.list': query(
    z.object({ targetKind: memoTargetKind.optional(), targetId: id.optional(), search: z.string().max(200).optional() }).strict(),
  ).returns<Memo[]>(),
  'memos.get': query(z.object({ id }).strict()).returns<Memo>(),
  'memos.create': command(
    z.intersection(target, z.object({ title: z.string().max(300).default(''), body: body.default('') })),
  ).returns<Memo>(),
  'memos.update': command(
    z.object({ id, title: z.string().max(300).optional(), body: body.optional() }).strict(),
  ).returns<Memo>(),
  'memos.delete': command(z.object({ id }).strict()).returns<{ removed: number }>(),
};
