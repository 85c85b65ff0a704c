import { ApiFailure } from '../../../shared/api/errors.ts';
import { isCalendarDay } from '../../../shared/domain/calendar.ts';
import type { HandlerMap } from '../handler-types.ts';
import {
  defineAttribute,
  findParticipantByLabel,
  getParticipant,
  insertParticipant,
  listAttributes,
  listParticipants,
  setAttributeValue,
  updateParticipant,
} from '../repositories/participants.ts';
import { found } from './require.ts';

type M = 'participants.list' | 'participants.create' | 'participants.update' | 'attributes.list' | 'attributes.define' | 'participants.setAttribute';

export const participantHandlers: HandlerMap<M> = {
  'participants.list': (_i, { db }) => listParticipants(db),
  'participants.create': (input, ctx) => {
    if (findParticipantByLabel(ctx.db, input.label)) {
      throw new ApiFailure('conflict', `A participant labelled ${input.label} already exists`, 'label');
    }
    const id = insertParticipant(ctx.db, input, ctx.now());
    ctx.audit('create', 'participant', id, input);
    return getParticipant(ctx.db, id)!;
  },
  'participants.update': (input, ctx) => {
    const before = found(getParticipant(ctx.db, input.id), `Participant ${input.id}`);
    if (input.label !== undefined) {
      const other = findParticipantByLabel(ctx.db, input.label);
      if (other && other.id !== input.id) throw new ApiFailure('conflict', `A participant labelled ${input.label} already exists`, 'label');
    }
    updateParticipant(ctx.db, input.id, {
      label: input.label ?? before.label,
      name: input.name ?? before.name,
      description: input.description ?? before.description,
    });
    ctx.audit('update', 'participant', input.id, { before: { label: before.label, name: before.name }, after: input });
    return getParticipant(ctx.db, input.id)!;
  },
  'attributes.list': (_i, { db }) => listAttributes(db),
  'attributes.define': (input, ctx) => {
    const existing = listAttributes(ctx.db).find((a) => a.name.toLowerCase() === input.name.toLowerCase());
    if (existing && existing.type !== input.type) {
      throw new ApiFailure('conflict', `Attribute ${existing.name} already exists with type ${existing.type}`, 'type');
    }
    const def = defineAttribute(ctx.db, input.name, input.type);
    if (!existing) ctx.audit('create', 'attribute', def.id, input);
    return def;
  },
  'participants.setAttribute': (input, ctx) => {
    found(getParticipant(ctx.db, input.participantId), `Participant ${input.participantId}`, 'participantId');
    const def = found(listAttributes(ctx.db).find((a) => a.id === input.attributeId), `Attribute ${input.attributeId}`, 'attributeId');
    let value: string | null = input.value === null ? null : String(input.value).trim();
    if (value === '') value = null;
    if (value !== null && def.type === 'number' && !Number.isFinite(Number(value))) {
      throw new ApiFailure('invalid_input', `${def.name} is a number attribute; "${value}" is not a number`, 'value');
    }
    if (value !== null && def.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new ApiFailure('invalid_input', `${def.name} is a date attribute; write dates as YYYY-MM-DD, not "${value}"`, 'value');
    }
    if (value !== null && def.type === 'date' && !isCalendarDay(...(value.split('-').map(Number) as [number, number, number]))) {
      throw new ApiFailure('invalid_input', `${def.name} is a date attribute; ${value} is not a day of the calendar`, 'value');
    }
    setAttributeValue(ctx.db, input.participantId, input.attributeId, value);
    ctx.audit('set-attribute', 'participant', input.participantId, { attribute: def.name, value });
    return getParticipant(ctx.db, input.participantId)!;
  },
};
