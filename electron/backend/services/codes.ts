import type { Code } from '../../../shared/domain/types.ts';
import type { ParsedInput } from '../../../shared/api/contract.ts';
import { ApiFailure } from '../../../shared/api/errors.ts';
import { freshColor } from '../../../shared/domain/palette.ts';
import type { HandlerMap } from '../handler-types.ts';
import {
  codeColors,
  deleteCode,
  describeCode,
  getCode,
  insertCode,
  listCodes,
  listFrameworks,
  placeCode,
  recolorCode,
  renameCode,
  setCodePosition,
  siblingNameTaken,
  subtreeIds,
} from '../repositories/codes.ts';
import { deleteCodingsOfCodes, listCodingsOfCodes } from '../repositories/codings.ts';
import { deleteMemosOnCodes, listMemosOnCodes } from '../repositories/memos.ts';
import type { Ctx } from '../context.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'codes.list' | 'codes.create' | 'codes.rename' | 'codes.recolor' | 'codes.describe' | 'codes.move' | 'codes.delete' | 'frameworks.list';

const nameFree = (ctx: Ctx, parentId: number | null, name: string, exceptId = 0) => {
  if (siblingNameTaken(ctx.db, parentId, name, exceptId)) {
    throw new ApiFailure('conflict', `A code named "${name}" already exists at that level of the codebook`, 'name');
  }
};

export function createCode(input: ParsedInput<'codes.create'>, ctx: Ctx): Code {
  if (input.parentId !== null) found(getCode(ctx.db, input.parentId), `Parent code ${input.parentId}`, 'parentId');
  nameFree(ctx, input.parentId, input.name);
  const parent = input.parentId === null ? undefined : getCode(ctx.db, input.parentId);
  const color = input.color ?? parent?.color ?? freshColor(codeColors(ctx.db));
  labelOperation(ctx.db, `Create code ${q(input.name)}`);
  const id = insertCode(ctx.db, { ...input, color }, ctx.coderId, ctx.now());
  ctx.audit('create', 'code', id, { name: input.name, parentId: input.parentId, origin: input.origin });
  return getCode(ctx.db, id)!;
}

export const codeHandlers: HandlerMap<M> = {
  'codes.list': (_i, { db }) => listCodes(db),
  'codes.create': createCode,
  'codes.rename': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    nameFree(ctx, code.parentId, input.name, code.id);
    labelOperation(ctx.db, `Rename ${q(code.name)} to ${q(input.name)}`);
    renameCode(ctx.db, input.id, input.name);
    ctx.audit('rename', 'code', input.id, { before: code.name, after: input.name });
    return getCode(ctx.db, input.id)!;
  },
  'codes.recolor': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    labelOperation(ctx.db, `Recolour ${q(code.name)}`);
    const color = input.color.toLowerCase();
    recolorCode(ctx.db, input.id, color);
    ctx.audit('recolor', 'code', input.id, { before: code.color, after: color });
    return getCode(ctx.db, input.id)!;
  },
  'codes.describe': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    labelOperation(ctx.db, `Edit definition of ${q(code.name)}`);
    describeCode(ctx.db, input.id, {
      definition: input.definition ?? code.definition,
      whenToUse: input.whenToUse ?? code.whenToUse,
      whenNotToUse: input.whenNotToUse ?? code.whenNotToUse,
      example: input.example ?? code.example,
    });
    ctx.audit('describe', 'code', input.id, input);
    return getCode(ctx.db, input.id)!;
  },
  'codes.move': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    if (input.parentId !== null) {
      found(getCode(ctx.db, input.parentId), `Parent code ${input.parentId}`, 'parentId');
      if (subtreeIds(ctx.db, code.id).includes(input.parentId)) {
        throw new ApiFailure('invalid_input', `"${code.name}" cannot be moved under itself or one of its own sub-codes`, 'parentId');
      }
    }
    nameFree(ctx, input.parentId, code.name, code.id);
    labelOperation(ctx.db, `Move ${q(code.name)}`);
    // Renumber the new siblings so the moved code lands at the requested position.
    const siblings = listCodes(ctx.db).filter((c) => c.parentId === input.parentId && c.id !== code.id);
    const at = Math.min(input.position ?? siblings.length, siblings.length);
    siblings.splice(at, 0, code);
    siblings.forEach((c, i) => {
      if (c.id === code.id || c.position !== i) placeCode(ctx.db, c.id, input.parentId, i);
    });
    // Close the gap the code leaves among its old siblings.
    if (code.parentId !== input.parentId) {
      listCodes(ctx.db)
        .filter((c) => c.parentId === code.parentId)
        .forEach((c, i) => {
          if (c.position !== i) setCodePosition(ctx.db, c.id, i);
        });
    }
    ctx.audit('move', 'code', code.id, { from: { parentId: code.parentId, position: code.position }, to: { parentId: input.parentId, position: at } });
    return getCode(ctx.db, code.id)!;
  },
  'codes.delete': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    const ids = subtreeIds(ctx.db, code.id);
    labelOperation(ctx.db, `Delete ${q(code.name)}`);
    // The audit keeps what goes: every coding's span and quote, every memo's text.
    const codings = listCodingsOfCodes(ctx.db, ids);
    const memos = listMemosOnCodes(ctx.db, ids);
    deleteMemosOnCodes(ctx.db, ids);
    deleteCodingsOfCodes(ctx.db, ids);
    for (const id of [...ids].reverse()) deleteCode(ctx.db, id);
    ctx.audit('delete', 'code', code.id, { name: code.name, codes: ids, codings, memos });
    return { deletedCodes: ids.length, deletedCodings: codings.length };
  },
  'frameworks.list': (_i, { db }) => listFrameworks(db),
};
