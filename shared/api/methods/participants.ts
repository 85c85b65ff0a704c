import { z } from 'zod';
import { command, query } from '../define.ts';
import { attributeType, empty, id, nonBlank } from '../schemas.ts';
import type { AttributeDef, Participant } from '../../domain/types.ts';

const label = nonBlank('label', 40);

export const participantMethods = {
  'participants.list': query(empty).returns<Participant[]>(),
  'participants.create': command(
    z.object({ label, name: z.string().max(200).default(''), description: z.string().max(20000).default('') }).strict(),
  ).returns<Participant>(),
  'participants.update': command(
    z
      .object({ id, label: label.optional(), name: z.string().max(200).optional(), description: z.string().max(20000).optional() })
      .strict(),
  ).returns<Participant>(),
  'attributes.list': query(empty).returns<AttributeDef[]>(),
  'attributes.define': command(z.object({ name: nonBlank('attribute name', 80), type: attributeType }).strict()).returns<AttributeDef>(),
  'participants.setAttribute': command(
    z.object({ participantId: id, attributeId: id, value: z.union([z.string().max(2000), z.number(), z.null()]) }).strict(),
  ).returns<Participant>(),
};
