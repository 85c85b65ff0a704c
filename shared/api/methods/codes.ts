import { z } from 'zod';
import { command, query } from '../define.ts';
import { codeOrigin, color, empty, freeText, id, label } from '../schemas.ts';
import type { Code, Framework } from '../../domain/types.ts';

export const codeName = label('Code name', { max: 120 });
export const codeDefinition = freeText('Definition', 20000);

export const codeMethods = {
  'codes.list': query(empty).returns<Code[]>(),
  'codes.create': command(
    z
      .object({
        name: codeName,
        parentId: id.nullable().default(null),
        color: color.optional(),
        definition: codeDefinition.default(''),
        origin: codeOrigin.default('deductive'),
      })
      .strict(),
  ).returns<Code>(),
  'codes.rename': command(z.object({ id, name: codeName }).strict()).returns<Code>(),
  'codes.recolor': command(z.object({ id, color }).strict()).returns<Code>(),
  'codes.describe': command(
    z
      .object({
        id,
        definition: codeDefinition.optional(),
        whenToUse: freeText('When to use', 20000).optional(),
        whenNotToUse: freeText('When not to use', 20000).optional(),
        example: freeText('Example', 20000).optional(),
      })
      .strict(),
  ).returns<Code>(),
  'codes.move': command(
    z.object({ id, parentId: id.nullable(), position: z.number().int().nonnegative().optional() }).strict(),
  ).returns<Code>(),
  'codes.delete': command(z.object({ id }).strict()).returns<{ deletedCodes: number; deletedCodings: number }>(),
  'frameworks.list': query(empty).returns<Framework[]>(),
};
