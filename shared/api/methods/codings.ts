import { z } from 'zod';
import { command, query } from '../define.ts';
import { id, offset } from '../schemas.ts';
import type { Coding } from '../../domain/types.ts';

export const codingMethods = {
  'codings.apply': command(
    z
      .object({ sourceId: id, codeId: id, start: offset, end: offset })
      .strict()
      .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] }),
  ).returns<Coding>(),
  'codings.remove': command(z.object({ id }).strict()).returns<{ removed: number }>(),
  /** `quoteChars`: each quote cut to its first characters (the document view shows only a quote's start). */
  'codings.listForSource': query(z.object({ sourceId: id, quoteChars: z.number().int().min(1).max(1_000_000).optional() }).strict()).returns<Coding[]>(),
};
