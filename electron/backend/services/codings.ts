import type { Ctx } from '../context.ts';
import type { Coding } from '../../../shared/domain/types.ts';
import type { ParsedInput } from '../../../shared/api/contract.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode } from '../repositories/codes.ts';
import { deleteCoding, findSameCoding, getCoding, insertCoding, listCodingsForSource } from '../repositories/codings.ts';
import { deleteCodingMemos, listCodingMemos } from '../repositories/memos.ts';
import { getSourceText } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';
import { checkSpan } from './spans.ts';

type M = 'codings.apply' | 'codings.remove' | 'codings.listForSource';

export function applyCoding(input: ParsedInput<'codings.apply'>, ctx: Ctx): Coding {
  const text = found(getSourceText(ctx.db, input.sourceId), `Source ${input.sourceId}`, 'sourceId');
  const code = found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
  checkSpan(text, input);
  const same = findSameCoding(ctx.db, input, ctx.coderId);
  if (same) return getCoding(ctx.db, same.id)!;
  labelOperation(ctx.db, `Code passage with ${q(code.name)}`);
  const id = insertCoding(ctx.db, { ...input, quote: text.slice(input.start, input.end) }, ctx.coderId, ctx.now());
  ctx.audit('apply', 'coding', id, input);
  return getCoding(ctx.db, id)!;
}

export const codingHandlers: HandlerMap<M> = {
  'codings.apply': applyCoding,
  'codings.remove': (input, ctx) => {
    const coding = found(getCoding(ctx.db, input.id), `Coding ${input.id}`);
    labelOperation(ctx.db, `Remove coding ${q(getCode(ctx.db, coding.codeId)?.name ?? '')}`);
    // Memos on the coding go with it; the audit keeps what they said.
    const memos = listCodingMemos(ctx.db, input.id);
    deleteCodingMemos(ctx.db, input.id);
    const removed = deleteCoding(ctx.db, input.id);
    ctx.audit('remove', 'coding', input.id, { sourceId: coding.sourceId, codeId: coding.codeId, start: coding.start, end: coding.end, quote: coding.quote, memos });
    return { removed };
  },
  'codings.listForSource': (input, { db }) => {
    found(getSourceText(db, input.sourceId), `Source ${input.sourceId}`, 'sourceId');
    return listCodingsForSource(db, input.sourceId, input.quoteChars ?? null);
  },
};
