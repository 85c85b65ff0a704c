import { ApiFailure } from '../../../shared/api/errors.ts';
import type { InductiveCode } from '../../../shared/api/methods/workbench.ts';
import { plainTextToHtml } from '../../../shared/domain/html-text.ts';
import { freshColor } from '../../../shared/domain/palette.ts';
import type { Memo } from '../../../shared/domain/types.ts';
import type { HandlerMap } from '../handler-types.ts';
import { codeColors, getCode, insertCode, listCodes, siblingNameTaken } from '../repositories/codes.ts';
import { getCoding, insertCoding } from '../repositories/codings.ts';
import { codeSpread, firstEvidence, inductiveCreators } from '../repositories/inductive.ts';
import { firstCodeMemo, getMemo, insertMemo } from '../repositories/memos.ts';
import { getSourceText } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';
import { checkSpan } from './spans.ts';
import { createCode } from './codes.ts';
import { applyCoding } from './codings.ts';
import { applyToUnit, changeCodingCode } from './coding-edits.ts';

type M = 'codes.createInductive' | 'codes.inductiveList' | 'codes.createAndCode';

export const inductiveHandlers: HandlerMap<M> = {
  'codes.createInductive': (input, ctx) => {
    const text = found(getSourceText(ctx.db, input.sourceId), `Source ${input.sourceId}`, 'sourceId');
    checkSpan(text, input);
    const parent = input.parentId === null ? undefined : found(getCode(ctx.db, input.parentId), `Parent code ${input.parentId}`, 'parentId');
    if (siblingNameTaken(ctx.db, input.parentId, input.name)) {
      throw new ApiFailure('conflict', `A code named ${q(input.name)} already exists at that level of the codebook`, 'name');
    }
    labelOperation(ctx.db, `Create inductive code ${q(input.name)}`);
    const color = input.color?.toLowerCase() ?? parent?.color ?? freshColor(codeColors(ctx.db));
    const now = ctx.now();
    const codeId = insertCode(ctx.db, { parentId: input.parentId, name: input.name, color, definition: input.definition, origin: 'inductive' }, ctx.coderId, now);
    ctx.audit('create', 'code', codeId, { name: input.name, parentId: input.parentId, origin: 'inductive' });
    const span = { sourceId: input.sourceId, codeId, start: input.start, end: input.end };
    const codingId = insertCoding(ctx.db, { ...span, quote: text.slice(input.start, input.end) }, ctx.coderId, now);
    ctx.audit('apply', 'coding', codingId, span);
    const why = input.memo?.trim() ?? '';
    let memo: Memo | null = null;
    if (why !== '') {
      const memoId = insertMemo(ctx.db, { targetKind: 'code', targetId: codeId, title: 'Why this category', body: plainTextToHtml(why), text: why }, ctx.coderId, now);
      ctx.audit('create', 'memo', memoId, { targetKind: 'code', targetId: codeId, title: 'Why this category' });
      memo = getMemo(ctx.db, memoId)!;
    }
    return { code: getCode(ctx.db, codeId)!, coding: getCoding(ctx.db, codingId)!, memo };
  },
  // The code and the coding through the same handlers as one at a time, inside this one command: one undo step.
  'codes.createAndCode': (input, ctx) => {
    const code = createCode({ name: input.name, parentId: input.parentId, origin: input.origin, definition: '' }, ctx);
    const t = input.target;
    const coding =
      t.kind === 'passage'
        ? applyCoding({ sourceId: t.sourceId, codeId: code.id, start: t.start, end: t.end }, ctx)
        : t.kind === 'unit'
          ? applyToUnit({ unitId: t.unitId, codeId: code.id }, ctx)
          : changeCodingCode({ id: t.codingId, codeId: code.id }, ctx);
    const what = t.kind === 'recode' ? `Recode passage as new code ${q(input.name)}` : `${input.inVivo ? 'In-vivo code' : 'New code'} ${q(input.name)}`;
    labelOperation(ctx.db, what);
    return { code: getCode(ctx.db, code.id)!, coding };
  },
  'codes.inductiveList': (_i, { db }) => {
    const codes = listCodes(db).filter((c) => c.origin === 'inductive');
    const creators = inductiveCreators(db);
    return codes
      .map((code): InductiveCode => {
        const s = codeSpread(db, code.id);
        return {
          code,
          createdAt: code.createdAt,
          createdBy: creators.get(code.id) ?? null,
          codingCount: code.codingCount,
          sourceCount: s.sources,
          participantCount: s.participants,
          firstEvidence: firstEvidence(db, code.id) ?? null,
          memo: firstCodeMemo(db, code.id) ?? null,
        };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.code.id - a.code.id);
  },
};
