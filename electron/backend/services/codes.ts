import { ApiFailure } from '../../../shared/api/errors.ts';
import { paletteColor } from '../../../shared/domain/palette.ts';
import { sql, sqlIds } from '../db/sql.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode, insertCode, listCodes, listFrameworks, siblingNameTaken, subtreeIds } from '../repositories/codes.ts';
import type { Ctx } from '../context.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'codes.list' | 'codes.create' | 'codes.rename' | 'codes.recolor' | 'codes.describe' | 'codes.move' | 'codes.delete' | 'frameworks.list';

const nameFree = (ctx: Ctx, parentId: number | null, name: string, exceptId = 0) => {
  if (siblingNameTaken(ctx.db, parentId, name, exceptId)) {
    throw new ApiFailure('conflict', `A code named "${name}" already exists at that level of the codebook`, 'name');
  }
};

export const codeHandlers: HandlerMap<M> = {
  'codes.list': (_i, { db }) => listCodes(db),
  'codes.create': (input, ctx) => {
    if (input.parentId !== null) found(getCode(ctx.db, input.parentId), `Parent code ${input.parentId}`, 'parentId');
    nameFree(ctx, input.parentId, input.name);
    const parent = input.parentId === null ? undefined : getCode(ctx.db, input.parentId);
    const color = input.color ?? parent?.color ?? paletteColor(ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM codes`)!.n);
    labelOperation(ctx.db, `Create code ${q(input.name)}`);
    const id = insertCode(ctx.db, { ...input, color }, ctx.coderId, ctx.now());
    ctx.audit('create', 'code', id, { name: input.name, parentId: input.parentId, origin: input.origin });
    return getCode(ctx.db, id)!;
  },
  'codes.rename': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    nameFree(ctx, code.parentId, input.name, code.id);
    labelOperation(ctx.db, `Rename ${q(code.name)} to ${q(input.name)}`);
    ctx.db.run(sql`UPDATE codes SET name = ${input.name} WHERE id = ${input.id}`);
    ctx.audit('rename', 'code', input.id, { before: code.name, after: input.name });
    return getCode(ctx.db, input.id)!;
  },
  'codes.recolor': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    labelOperation(ctx.db, `Recolour ${q(code.name)}`);
    const color = input.color.toLowerCase();
    ctx.db.run(sql`UPDATE codes SET color = ${color} WHERE id = ${input.id}`);
    ctx.audit('recolor', 'code', input.id, { before: code.color, after: color });
    return getCode(ctx.db, input.id)!;
  },
  'codes.describe': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    labelOperation(ctx.db, `Edit definition of ${q(code.name)}`);
    ctx.db.run(sql`UPDATE codes SET definition = ${input.definition ?? code.definition},
      when_to_use = ${input.whenToUse ?? code.whenToUse}, when_not_to_use = ${input.whenNotToUse ?? code.whenNotToUse},
      example = ${input.example ?? code.example} WHERE id = ${input.id}`);
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
      if (c.id === code.id || c.position !== i) ctx.db.run(sql`UPDATE codes SET parent_id = ${input.parentId}, position = ${i} WHERE id = ${c.id}`);
    });
    // Close the gap the code leaves among its old siblings.
    if (code.parentId !== input.parentId) {
      listCodes(ctx.db)
        .filter((c) => c.parentId === code.parentId)
        .forEach((c, i) => {
          if (c.position !== i) ctx.db.run(sql`UPDATE codes SET position = ${i} WHERE id = ${c.id}`);
        });
    }
    ctx.audit('move', 'code', code.id, { from: { parentId: code.parentId, position: code.position }, to: { parentId: input.parentId, position: at } });
    return getCode(ctx.db, code.id)!;
  },
  'codes.delete': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    const ids = subtreeIds(ctx.db, code.id);
    const idList = sqlIds(ids);
    labelOperation(ctx.db, `Delete ${q(code.name)}`);
    // The audit keeps what goes: every coding's span and quote, every memo's text.
    const codings = ctx.db.all<{ id: number; codeId: number; sourceId: number; start: number; end: number; quote: string }>(
      sql`SELECT id, code_id AS codeId, source_id AS sourceId, start, end, quote FROM codings WHERE code_id IN (${idList})`,
    );
    const memoScope = sql`(target_kind = 'code' AND target_id IN (${idList}))
      OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN (${idList})))`;
    const memos = ctx.db.all<{ id: number; targetKind: string; targetId: number; title: string; text: string }>(
      sql`SELECT id, target_kind AS targetKind, target_id AS targetId, title, text FROM memos WHERE ${memoScope}`,
    );
    ctx.db.run(sql`DELETE FROM memos WHERE ${memoScope}`);
    ctx.db.run(sql`DELETE FROM codings WHERE code_id IN (${idList})`);
    for (const id of [...ids].reverse()) ctx.db.run(sql`DELETE FROM codes WHERE id = ${id}`);
    ctx.audit('delete', 'code', code.id, { name: code.name, codes: ids, codings, memos });
    return { deletedCodes: ids.length, deletedCodings: codings.length };
  },
  'frameworks.list': (_i, { db }) => listFrameworks(db),
};
