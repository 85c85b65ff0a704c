import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Code } from '../../../shared/domain/types.ts';
import type { Ctx } from '../context.ts';
import type { HandlerMap } from '../handler-types.ts';
import {
  deleteCode,
  deleteImpact,
  getCode,
  hasSubCodes,
  insertCode,
  moveElementLinks,
  nextPosition,
  placeCode,
  siblingNameTaken,
  subCodesOutside,
  subtreeIds,
} from '../repositories/codes.ts';
import { moveCodingMemos } from '../repositories/coding-context.ts';
import { codesOfCodings, codingSpansOfCodes, deleteCoding, findSameCoding, moveCodingsToCode, setCodingCode } from '../repositories/codings.ts';
import { moveCodeMemos } from '../repositories/memos.ts';
import { moveQuestionSections } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'codes.merge' | 'codes.split' | 'codes.deleteImpact';

/** Sub-codes of merged codes move under the target, keeping their order, after its own. */
function reparentChildren(ctx: Ctx, merged: Set<number>, target: Code): number {
  const children = subCodesOutside(ctx.db, [...merged]);
  for (const child of children) {
    if (siblingNameTaken(ctx.db, target.id, child.name, child.id)) {
      throw new ApiFailure(
        'conflict',
        `${q(target.name)} already has a sub-code named ${q(child.name)} (from ${q(child.parentName)}); rename one of them, then merge`,
        'sourceIds',
      );
    }
    placeCode(ctx.db, child.id, target.id, nextPosition(ctx.db, target.id));
  }
  return children.length;
}

/** Moves codings to the target; one already there at the same source, start and end absorbs its twin. */
function moveCodings(ctx: Ctx, merged: Set<number>, targetId: number): { moved: number; collapsed: number } {
  const codings = codingSpansOfCodes(ctx.db, [...merged]);
  let moved = 0;
  let collapsed = 0;
  for (const c of codings) {
    const twin = findSameCoding(ctx.db, { sourceId: c.sourceId, codeId: targetId, start: c.start, end: c.end }, c.coderId);
    if (twin) {
      moveCodingMemos(ctx.db, c.id, twin.id);
      deleteCoding(ctx.db, c.id);
      collapsed++;
    } else {
      setCodingCode(ctx.db, c.id, targetId);
      moved++;
    }
  }
  return { moved, collapsed };
}

export const mergeSplitHandlers: HandlerMap<M> = {
  'codes.merge': (input, ctx) => {
    const target = found(getCode(ctx.db, input.targetId), `Code ${input.targetId}`, 'targetId');
    const sources = input.sourceIds.map((id) => found(getCode(ctx.db, id), `Code ${id}`, 'sourceIds'));
    const merged = new Set(input.sourceIds);
    if (merged.has(target.id)) throw new ApiFailure('invalid_input', `${q(target.name)} cannot be merged into itself`, 'sourceIds');
    for (const s of sources) {
      if (subtreeIds(ctx.db, s.id).includes(target.id)) {
        throw new ApiFailure('invalid_input', `${q(target.name)} lies under ${q(s.name)}, which the merge removes; merge into a code outside it`, 'targetId');
      }
    }
    labelOperation(ctx.db, sources.length === 1 ? `Merge ${q(sources[0]!.name)} into ${q(target.name)}` : `Merge ${sources.length} codes into ${q(target.name)}`);
    const reparented = reparentChildren(ctx, merged, target);
    const { moved, collapsed } = moveCodings(ctx, merged, target.id);
    const ids = [...merged];
    moveCodeMemos(ctx.db, ids, target.id);
    moveElementLinks(ctx.db, ids, target.id);
    moveQuestionSections(ctx.db, ids, target.id);
    // Merged codes may sit under one another: delete leaves first so no parent outlives a child.
    const left = new Set(merged);
    while (left.size > 0) {
      const leaves = [...left].filter((id) => !hasSubCodes(ctx.db, id));
      for (const id of leaves) {
        deleteCode(ctx.db, id);
        left.delete(id);
      }
    }
    ctx.audit('merge', 'code', target.id, { merged: sources.map((s) => ({ id: s.id, name: s.name })), moved, collapsed, reparented });
    return { target: getCode(ctx.db, target.id)!, moved, collapsed, mergedCodes: sources.length, reparented };
  },
  'codes.split': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    const codingIds = [...new Set(input.codingIds)];
    const owners = codesOfCodings(ctx.db, codingIds);
    for (const id of codingIds) {
      const owner = found(owners.get(id), `Coding ${id}`, 'codingIds');
      if (owner !== code.id) {
        const other = getCode(ctx.db, owner)!;
        throw new ApiFailure('invalid_input', `Coding ${id} belongs to ${q(other.name)}, not ${q(code.name)}`, 'codingIds');
      }
    }
    if (siblingNameTaken(ctx.db, code.id, input.name)) {
      throw new ApiFailure('conflict', `${q(code.name)} already has a sub-code named ${q(input.name)}`, 'name');
    }
    labelOperation(ctx.db, `Split ${q(input.name)} off ${q(code.name)}`);
    const newId = insertCode(ctx.db, { parentId: code.id, name: input.name, color: code.color, definition: '', origin: code.origin }, ctx.coderId, ctx.now());
    const moved = moveCodingsToCode(ctx.db, codingIds, newId);
    ctx.audit('split', 'code', code.id, { into: newId, name: input.name, codings: moved });
    return { code: getCode(ctx.db, newId)!, moved };
  },
  'codes.deleteImpact': (input, { db }) => {
    found(getCode(db, input.id), `Code ${input.id}`);
    return deleteImpact(db, subtreeIds(db, input.id));
  },
};
