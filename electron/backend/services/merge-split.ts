import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Code } from '../../../shared/domain/types.ts';
import type { Ctx } from '../context.ts';
import { sql, sqlIds } from '../db/sql.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode, insertCode, nextPosition, siblingNameTaken, subtreeIds } from '../repositories/codes.ts';
import { moveCodingMemos } from '../repositories/coding-context.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'codes.merge' | 'codes.split' | 'codes.deleteImpact';

const list = sqlIds;

/** Sub-codes of merged codes move under the target, keeping their order, after its own. */
function reparentChildren(ctx: Ctx, merged: Set<number>, target: Code): number {
  const children = ctx.db.all<{ id: number; name: string; parentName: string }>(sql`SELECT c.id, c.name, p.name AS parentName
    FROM codes c JOIN codes p ON p.id = c.parent_id
    WHERE c.parent_id IN (${list([...merged])}) AND c.id NOT IN (${list([...merged])})
    ORDER BY p.position, p.id, c.position, c.id`);
  for (const child of children) {
    if (siblingNameTaken(ctx.db, target.id, child.name, child.id)) {
      throw new ApiFailure(
        'conflict',
        `${q(target.name)} already has a sub-code named ${q(child.name)} (from ${q(child.parentName)}); rename one of them, then merge`,
        'sourceIds',
      );
    }
    ctx.db.run(sql`UPDATE codes SET parent_id = ${target.id}, position = ${nextPosition(ctx.db, target.id)} WHERE id = ${child.id}`);
  }
  return children.length;
}

/** Moves codings to the target; one already there at the same source, start and end absorbs its twin. */
function moveCodings(ctx: Ctx, merged: Set<number>, targetId: number): { moved: number; collapsed: number } {
  const codings = ctx.db.all<{ id: number; sourceId: number; start: number; end: number }>(sql`SELECT id, source_id AS sourceId,
    start, end FROM codings WHERE code_id IN (${list([...merged])}) ORDER BY id`);
  let moved = 0;
  let collapsed = 0;
  for (const c of codings) {
    const twin = ctx.db.get<{ id: number }>(sql`SELECT id FROM codings WHERE code_id = ${targetId} AND source_id = ${c.sourceId}
      AND start = ${c.start} AND end = ${c.end} LIMIT 1`);
    if (twin) {
      moveCodingMemos(ctx.db, c.id, twin.id);
      ctx.db.run(sql`DELETE FROM codings WHERE id = ${c.id}`);
      collapsed++;
    } else {
      ctx.db.run(sql`UPDATE codings SET code_id = ${targetId} WHERE id = ${c.id}`);
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
    const ids = list([...merged]);
    ctx.db.run(sql`UPDATE memos SET target_id = ${target.id} WHERE target_kind = 'code' AND target_id IN (${ids})`);
    ctx.db.run(sql`INSERT OR IGNORE INTO code_element_links (code_id, element_id)
      SELECT ${target.id}, element_id FROM code_element_links WHERE code_id IN (${ids})`);
    ctx.db.run(sql`DELETE FROM code_element_links WHERE code_id IN (${ids})`);
    ctx.db.run(sql`UPDATE questions SET section_code_id = ${target.id} WHERE section_code_id IN (${ids})`);
    // Merged codes may sit under one another: delete leaves first so no parent outlives a child.
    const left = new Set(merged);
    while (left.size > 0) {
      const leaves = [...left].filter((id) => !ctx.db.get(sql`SELECT 1 FROM codes WHERE parent_id = ${id}`));
      for (const id of leaves) {
        ctx.db.run(sql`DELETE FROM codes WHERE id = ${id}`);
        left.delete(id);
      }
    }
    ctx.audit('merge', 'code', target.id, { merged: sources.map((s) => ({ id: s.id, name: s.name })), moved, collapsed, reparented });
    return { target: getCode(ctx.db, target.id)!, moved, collapsed, mergedCodes: sources.length, reparented };
  },
  'codes.split': (input, ctx) => {
    const code = found(getCode(ctx.db, input.id), `Code ${input.id}`);
    const codingIds = [...new Set(input.codingIds)];
    const owners = new Map(
      ctx.db.all<{ id: number; codeId: number }>(sql`SELECT id, code_id AS codeId FROM codings WHERE id IN (${list(codingIds)})`).map((r) => [r.id, r.codeId]),
    );
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
    const moved = ctx.db.run(sql`UPDATE codings SET code_id = ${newId} WHERE id IN (${list(codingIds)})`).changes;
    ctx.audit('split', 'code', code.id, { into: newId, name: input.name, codings: moved });
    return { code: getCode(ctx.db, newId)!, moved };
  },
  'codes.deleteImpact': (input, { db }) => {
    found(getCode(db, input.id), `Code ${input.id}`);
    const ids = list(subtreeIds(db, input.id));
    return db.get<{ codes: number; codings: number; memos: number }>(sql`SELECT
      (SELECT count(*) FROM codes WHERE id IN (${ids})) AS codes,
      (SELECT count(*) FROM codings WHERE code_id IN (${ids})) AS codings,
      (SELECT count(*) FROM memos WHERE (target_kind = 'code' AND target_id IN (${ids}))
         OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN (${ids})))) AS memos`)!;
  },
};
