import type { CodeHitsResult } from '../../../shared/domain/analysis/types.ts';
import type { Ctx } from '../context.ts';
import { findSameCoding, insertCodings, type NewCodingRow } from '../repositories/codings.ts';
import { sourceText } from '../repositories/analysis-search.ts';

export type Target = { sourceId: number; start: number; end: number };

/** Drops repeated ranges, keeping the first of each. */
export function distinctTargets(targets: readonly Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.sourceId}:${t.start}:${t.end}`;
    if (seen.has(key) || t.end <= t.start) return false;
    seen.add(key);
    return true;
  });
}

export const countAlreadyCoded = (ctx: Ctx, codeId: number, targets: readonly Target[]): number =>
  targets.filter((t) => findSameCoding(ctx.db, { ...t, codeId }, ctx.coderId) !== undefined).length;

/**
 * Codes each range with one code, as codings.apply would (the quote taken from the text, the
 * same range and code never twice), inside the caller's single transaction, so the whole
 * batch is one change to undo. Every new coding is written to the audit log.
 */
export function codeTargets(ctx: Ctx, codeId: number, targets: readonly Target[], via: Record<string, unknown>): CodeHitsResult {
  const texts = new Map<number, string>();
  let alreadyCoded = 0;
  const now = ctx.now();
  const coded: Target[] = [];
  const rows: NewCodingRow[] = [];
  for (const t of distinctTargets(targets)) {
    if (findSameCoding(ctx.db, { ...t, codeId }, ctx.coderId)) {
      alreadyCoded++;
      continue;
    }
    let text = texts.get(t.sourceId);
    if (text === undefined) {
      text = sourceText(ctx.db, t.sourceId);
      texts.set(t.sourceId, text);
    }
    coded.push(t);
    rows.push({ sourceId: t.sourceId, start: t.start, end: t.end, codeId, quote: text.slice(t.start, t.end), coderId: ctx.coderId, createdAt: now });
  }
  // One bulk insert (credited in one statement); distinctTargets already dropped repeats within the batch.
  const ids = insertCodings(ctx.db, rows);
  coded.forEach((t, i) => ctx.audit('apply', 'coding', ids[i]!, { ...t, codeId, ...via }));
  return { created: ids.length, alreadyCoded };
}
