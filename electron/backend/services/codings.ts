import { ApiFailure } from '../../../shared/api/errors.ts';
import { splitsSurrogatePair } from '../../../shared/domain/offsets.ts';
import { sql } from '../db/sql.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode } from '../repositories/codes.ts';
import { deleteCoding, findSameCoding, getCoding, insertCoding, listCodingsForSource } from '../repositories/codings.ts';
import { getSourceText } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'codings.apply' | 'codings.remove' | 'codings.listForSource';

export const codingHandlers: HandlerMap<M> = {
  'codings.apply': (input, ctx) => {
    const text = found(getSourceText(ctx.db, input.sourceId), `Source ${input.sourceId}`, 'sourceId');
    const code = found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    if (input.end > text.length) {
      throw new ApiFailure('invalid_input', `end ${input.end} is past the end of the source (${text.length} characters)`, 'end');
    }
    for (const field of ['start', 'end'] as const) {
      if (splitsSurrogatePair(text, input[field])) {
        throw new ApiFailure('invalid_input', `${field} ${input[field]} falls inside a character (between the halves of a surrogate pair)`, field);
      }
    }
    const same = findSameCoding(ctx.db, input);
    if (same) return getCoding(ctx.db, same.id)!;
    labelOperation(ctx.db, `Code passage with ${q(code.name)}`);
    const id = insertCoding(ctx.db, { ...input, quote: text.slice(input.start, input.end) }, ctx.coderId, ctx.now());
    ctx.audit('apply', 'coding', id, input);
    return getCoding(ctx.db, id)!;
  },
  'codings.remove': (input, ctx) => {
    const coding = found(getCoding(ctx.db, input.id), `Coding ${input.id}`);
    labelOperation(ctx.db, `Remove coding ${q(getCode(ctx.db, coding.codeId)?.name ?? '')}`);
    ctx.db.run(sql`DELETE FROM memos WHERE target_kind = 'coding' AND target_id = ${input.id}`);
    const removed = deleteCoding(ctx.db, input.id);
    ctx.audit('remove', 'coding', input.id, { sourceId: coding.sourceId, codeId: coding.codeId, start: coding.start, end: coding.end });
    return { removed };
  },
  'codings.listForSource': (input, { db }) => {
    found(getSourceText(db, input.sourceId), `Source ${input.sourceId}`, 'sourceId');
    return listCodingsForSource(db, input.sourceId);
  },
};
