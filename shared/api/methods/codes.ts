import { z } from 'zod';
import { command, query } from '../define.ts';
import { codeOrigin, color, empty, id, nonBlank } from '../schemas.ts';
import type { Code, Framework } from '../../domain/types.ts';

const longText = (what: string) => z.string().max(20000, `${what} must be at most 20000 characters`);

export const codeMethods = {
  'codes.list': query(empty).returns<Code[]>(),
  'codes.create': command(
    z
      .object({
        name: nonBlank('code name', 120),
        parentId: id.nullable().default(null),
        color: color.optional(),
        definition: longText('definition').default(''),
        origin: codeOrigin.default('deductive'),
      })
      .strict(),
  ).returns<Code>(),
  'codes.rename': command(z.object({ id, name: nonBlank('code name', 120) }).strict()).returns<Code>(),
  'codes.recolor': command(z.object({ id, color }).strict()).returns<Code>(),
  'codes.describe': command(
    z
      .object({
        id,
        definition: longText('definition').optional(),
        whenToUse: longText('when to use').optional(),
        whenNotToUse: longText('when not to use').optional(),
        example: longText('example').optional(),
      })
      .strict(),
  ).returns<Code>(),
  'codes.move': command(
    z.object({ id, parentId: id.nullable(), position: z.number().int().nonnegative().optional() }).strict(),
  ).returns<Code>(),
  'codes.delete': command(z.object({ id }).strict()).returns<{ deletedCodes: number; deletedCodings: number }>(),
  'frameworks.list': query(empty).returns<Framework[]>(),
};
