import { ApiFailure } from '../../../shared/api/errors.ts';
import { splitsSurrogatePair } from '../../../shared/domain/offsets.ts';
import { ownerSegments } from '../../../shared/domain/analysis/ownership.ts';
import { subtree } from '../../../shared/domain/analysis/rows.ts';
import { wordFrequency } from '../../../shared/domain/analysis/word-frequency.ts';
import type { HandlerMap } from '../handler-types.ts';
import { existingIds, loadCodes, loadTexts, type WordUnit } from '../repositories/analysis.ts';
import { codingWithText, listExcerpts, neighbourUnits } from '../repositories/analysis-excerpts.ts';
import { found } from './require.ts';

type M = 'analysis.wordFrequency' | 'analysis.excerpts' | 'analysis.excerptContext';

function requireAll(found: Set<number>, ids: readonly number[] | undefined, what: string, field: string): void {
  const missing = (ids ?? []).filter((id) => !found.has(id));
  if (missing.length > 0) throw new ApiFailure('not_found', `${what} ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist`, field);
}

/** Moves a cut point back (or forward) to the nearest whitespace within 40 characters. */
function snap(text: string, pos: number, direction: -1 | 1): number {
  for (let i = 0; i < 40; i++) {
    const p = pos + i * direction;
    if (p <= 0 || p >= text.length) return Math.max(0, Math.min(text.length, p));
    if (/\s/.test(text[p]!)) return direction < 0 ? p + 1 : p;
  }
  return pos;
}

export const analysisTextHandlers: HandlerMap<M> = {
  'analysis.wordFrequency': (input, { db }) => {
    requireAll(existingIds(db, 'sources', input.sourceIds ?? []), input.sourceIds, 'Source', 'sourceIds');
    requireAll(existingIds(db, 'participants', input.participantIds ?? []), input.participantIds, 'Participant', 'participantIds');
    const { sources, units } = loadTexts(db, input.sourceIds);
    const only = input.participantIds && input.participantIds.length > 0 ? new Set(input.participantIds) : null;
    const counted = (u: WordUnit) =>
      only ? u.participantId !== null && only.has(u.participantId) : input.includeInterviewer || (u.isInterviewer === 0 && u.kind !== 'question');
    const bySource = new Map<number, WordUnit[]>();
    for (const u of units) {
      if (u.kind === 'page') continue;
      const list = bySource.get(u.sourceId);
      if (list) list.push(u);
      else bySource.set(u.sourceId, [u]);
    }
    function* passages() {
      for (const s of sources) {
        const list = bySource.get(s.id);
        if (!list) {
          // A source without units belongs to no participant: counted only when nobody is chosen.
          if (!only) yield { sourceId: s.id, text: s.text };
          continue;
        }
        const byId = new Map(list.map((u) => [u.id, u]));
        for (const seg of ownerSegments(list)) {
          if (counted(byId.get(seg.unitId)!)) yield { sourceId: s.id, text: s.text.slice(seg.start, seg.end) };
        }
      }
    }
    return wordFrequency(passages(), input);
  },
  'analysis.excerpts': (input, { db }) => {
    const codes = loadCodes(db);
    requireAll(new Set(codes.map((c) => c.id)), input.codeIds, 'Code', 'codeIds');
    const codeIds = input.includeDescendants ? [...new Set(input.codeIds.flatMap((id) => subtree(codes, id)))] : input.codeIds;
    if (input.from && input.to && input.from > input.to) throw new ApiFailure('invalid_input', 'from must not be after to', 'from');
    return listExcerpts(db, { ...input, codeIds }, input);
  },
  'analysis.excerptContext': (input, { db }) => {
    const c = found(codingWithText(db, input.codingId), `Coding ${input.codingId}`, 'codingId');
    const { prevStart, nextEnd } = neighbourUnits(db, c.sourceId, c.start, c.end);
    let windowStart = Math.max(0, c.start - input.chars, prevStart ?? 0);
    let windowEnd = Math.min(c.text.length, c.end + input.chars, nextEnd ?? c.text.length);
    if (windowStart > 0 && windowStart !== prevStart) windowStart = Math.min(c.start, snap(c.text, windowStart, -1));
    if (windowEnd < c.text.length && windowEnd !== nextEnd) windowEnd = Math.max(c.end, snap(c.text, windowEnd, 1));
    // Never cut an emoji (or any astral character) in half.
    if (splitsSurrogatePair(c.text, windowStart)) windowStart--;
    if (splitsSurrogatePair(c.text, windowEnd)) windowEnd++;
    return {
      codingId: c.id,
      sourceId: c.sourceId,
      windowStart,
      windowEnd,
      text: c.text.slice(windowStart, windowEnd),
      codingStart: c.start,
      codingEnd: c.end,
    };
  },
};
