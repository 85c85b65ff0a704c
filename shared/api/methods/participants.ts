import { z } from 'zod';
import { command, query } from '../define.ts';
import { attributeType, empty, freeText, id, label } from '../schemas.ts';
import type { AttributeDef, Participant } from '../../domain/types.ts';

const participantLabel = label('Participant label', { max: 40 });
const participantName = label('Participant name', { allowEmpty: true });
const description = freeText('Description', 20000);

export const participantMethods = {
  'participants.list': query(empty).returns<Participant[]>(),
  'participants.create': command(
    z.object({ label: participantLabel, name: participantName.default(''), description: description.default('') }).strict(),
  ).returns<Participant>(),
  'participants.update': command(
    z
      .object({ id, label: participantLabel.optional(), name: participantName.optional(), description: description.optional() })
      .strict(),
  ).returns<Participant>(),
  'attributes.list': query(empty).returns<AttributeDef[]>(),
  'attributes.define': command(z.object({ name: label('Attribute name', { max: 80 }), type: attributeType }).strict()).returns<AttributeDef>(),
  'participants.setAttribute': command(
    z.object({ participantId: id, attributeId: id, value: z.union([label('Attribute value', { max: 2000, allowEmpty: true }), z.number(), z.null()]) }).strict(),
  ).returns<Participant>(),
};
