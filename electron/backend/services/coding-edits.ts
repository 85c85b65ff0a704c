import type { ParsedInput } from '../../../shared/api/contract.ts';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Coding } from '../../../shared/domain/types.ts';
import type { Ctx } from '../context.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode, subtreeIds } from '../repositories/codes.ts';
import { findTwin, getCodingInContext, getCodingRow, listCodingsForCodes, moveCodingMemos, type CodingRow } from '../repositories/coding-context.ts';
import { deleteCoding, findSameCoding, getCoding, insertCoding, setCodingCode, setCodingSpan } from '../repositories/codings.ts';
import { getSourceText, getUnit } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';
import { checkSpan } from './spans.ts';

type M = 'codings.get' | 'codings.listForCode' | 'codings.changeCode' | 'codings.adjust' | 'codings.applyToUnit';

const UNIT_WORD: Record<string, string> = { turn: 'speaker turn', answer: 'answer', paragraph: 'paragraph', heading: 'heading', question: 'question', page: 'page' };

/**
 * Two codings of one code at the same place are one coding: the edited one folds into the
 * twin that already exists, handing over its memos.
 */
function collapseInto(ctx: Ctx, coding: CodingRow, twinId: number): Coding {
  moveCodingMemos(ctx.db, coding.id, twinId);
  deleteCoding(ctx.db, coding.id);
  ctx.audit('collapse', 'coding', coding.id, { into: twinId });
  return getCoding(ctx.db, twinId)!;
}

export function changeCodingCode(input: ParsedInput<'codings.changeCode'>, ctx: Ctx): Coding {
  const coding = found(getCodingRow(ctx.db, input.id), `Coding ${input.id}`);
  const to = found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
  if (coding.codeId === to.id) return getCoding(ctx.db, coding.id)!;
  const from = getCode(ctx.db, coding.codeId)!;
  labelOperation(ctx.db, `Recode passage from ${q(from.name)} to ${q(to.name)}`);
  ctx.audit('recode', 'coding', coding.id, { from: from.id, to: to.id });
  const twin = findTwin(ctx.db, { ...coding, codeId: to.id }, coding.id);
  if (twin) return collapseInto(ctx, coding, twin.id);
  setCodingCode(ctx.db, coding.id, to.id);
  return getCoding(ctx.db, coding.id)!;
}

export function applyToUnit(input: ParsedInput<'codings.applyToUnit'>, ctx: Ctx): Coding {
  const unit = found(getUnit(ctx.db, input.unitId), `Unit ${input.unitId}`, 'unitId');
  const code = found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
  const text = getSourceText(ctx.db, unit.sourceId)!;
  let { start, end } = unit;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) throw new ApiFailure('invalid_input', `Unit ${input.unitId} holds no text to code`, 'unitId');
  const span = { sourceId: unit.sourceId, codeId: code.id, start, end };
  const same = findSameCoding(ctx.db, span, ctx.coderId);
  if (same) return getCoding(ctx.db, same.id)!;
  labelOperation(ctx.db, `Code ${UNIT_WORD[unit.kind] ?? 'unit'} with ${q(code.name)}`);
  const id = insertCoding(ctx.db, { ...span, quote: text.slice(start, end) }, ctx.coderId, ctx.now());
  ctx.audit('apply', 'coding', id, { ...span, unitId: input.unitId });
  return getCoding(ctx.db, id)!;
}

export const codingEditHandlers: HandlerMap<M> = {
  'codings.get': (input, { db }) => found(getCodingInContext(db, input.id), `Coding ${input.id}`),
  'codings.listForCode': (input, { db }) => {
    found(getCode(db, input.codeId), `Code ${input.codeId}`, 'codeId');
    return listCodingsForCodes(db, input.descendants ? subtreeIds(db, input.codeId) : [input.codeId]);
  },
  'codings.changeCode': changeCodingCode,
  'codings.adjust': (input, ctx) => {
    const coding = found(getCodingRow(ctx.db, input.id), `Coding ${input.id}`);
    const text = getSourceText(ctx.db, coding.sourceId)!;
    checkSpan(text, input);
    if (coding.start === input.start && coding.end === input.end) return getCoding(ctx.db, coding.id)!;
    labelOperation(ctx.db, `Adjust passage coded ${q(getCode(ctx.db, coding.codeId)!.name)}`);
    ctx.audit('adjust', 'coding', coding.id, { before: { start: coding.start, end: coding.end }, after: { start: input.start, end: input.end } });
    const twin = findTwin(ctx.db, { ...coding, start: input.start, end: input.end }, coding.id);
    if (twin) return collapseInto(ctx, coding, twin.id);
    setCodingSpan(ctx.db, coding.id, input.start, input.end, text.slice(input.start, input.end));
    return getCoding(ctx.db, coding.id)!;
  },
  'codings.applyToUnit': applyToUnit,
};
