import type { HandlerMap } from '../handler-types.ts';
import { getCode } from '../repositories/codes.ts';
import { existingCodeIds, readKeySlots, writeKeySlots } from '../repositories/code-keys.ts';
import type { Db } from '../db/database.ts';
import { found } from './require.ts';

type M = 'codes.keys' | 'codes.setKey' | 'codes.claimKey';

/** The slots as the coding view shows them: a deleted code's key reads as free. */
function liveSlots(db: Db, coderId: number): (number | null)[] {
  const slots = readKeySlots(db, coderId);
  const live = existingCodeIds(db, slots.filter((s): s is number => s !== null));
  return slots.map((s) => (s !== null && live.has(s) ? s : null));
}

/**
 * Number keys are a researcher's own arrangement, not research data: they live in the
 * project's settings per coder, outside undo (an undo that deletes a code leaves its key to
 * come back with it), and change only when the researcher moves them or a code is first used.
 */
export const codeKeyHandlers: HandlerMap<M> = {
  'codes.keys': (_i, { db, coderId }) => liveSlots(db, coderId),
  'codes.setKey': (input, { db, coderId }) => {
    if (input.codeId !== null) found(getCode(db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const slots = readKeySlots(db, coderId).map((s) => (s === input.codeId ? null : s));
    slots[input.key - 1] = input.codeId;
    writeKeySlots(db, coderId, slots);
    return liveSlots(db, coderId);
  },
  'codes.claimKey': (input, { db, coderId }) => {
    found(getCode(db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const live = liveSlots(db, coderId);
    const free = live.indexOf(null);
    if (live.includes(input.codeId) || free < 0) return live;
    const slots = readKeySlots(db, coderId);
    slots[free] = input.codeId;
    writeKeySlots(db, coderId, slots);
    return liveSlots(db, coderId);
  },
};
