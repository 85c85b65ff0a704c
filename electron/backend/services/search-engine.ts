import { ApiFailure } from '../../../shared/api/errors.ts';
import { kwic } from '../../../shared/domain/analysis/kwic.ts';
import { ownerSegments, segmentAt } from '../../../shared/domain/analysis/ownership.ts';
import { hasPositiveTerm, matchUnit, parseQuery, toFtsMatch, type QueryNode } from '../../../shared/domain/analysis/search-query.ts';
import { tokenize } from '../../../shared/domain/analysis/tokenize.ts';
import type { KwicHit } from '../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import type { Db } from '../db/database.ts';
import { participantLabels } from '../repositories/analysis.ts';
import { candidateSources, sourceText, unitsOfSource, type SearchUnit } from '../repositories/analysis-search.ts';

export type SearchFilters = { query: string; sourceKinds?: SourceKind[] | undefined; participantIds?: number[] | undefined };

/** A hit plus the unit it is credited to (for coding whole units). */
export type Hit = KwicHit & { unitStart: number | null; unitEnd: number | null };

export function parseOrFail(query: string): QueryNode {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new ApiFailure('invalid_input', `query: ${parsed.message}`, 'query');
  if (!hasPositiveTerm(parsed.node)) throw new ApiFailure('invalid_input', 'query: say what to look for, not only what to leave out', 'query');
  return parsed.node;
}

/** The stretches a source is searched in: its units (pages only when it has nothing finer), or all of it. */
function searchUnits(units: SearchUnit[], sourceId: number, length: number): SearchUnit[] {
  const fine = units.filter((u) => u.kind !== 'page' && u.end > u.start);
  if (fine.length > 0) return fine;
  const pages = units.filter((u) => u.end > u.start);
  return pages.length > 0 ? pages : [{ id: 0, kind: 'paragraph', start: 0, end: length, participantId: null, speaker: null, sourceId }];
}

/**
 * Finds hits source by source in the sources list's order, calling `visit` for each until
 * it returns false. FTS5 narrows the sources; each unit is then matched in JavaScript so
 * AND/OR/NOT apply within a unit and offsets are UTF-16 units of the source text.
 * Returns the number of candidate sources.
 */
export function findHits(db: Db, filters: SearchFilters, visit: (hit: Hit) => boolean): number {
  const node = parseOrFail(filters.query);
  const sources = candidateSources(db, toFtsMatch(node), filters);
  const labels = participantLabels(db);
  const only = filters.participantIds && filters.participantIds.length > 0 ? new Set(filters.participantIds) : null;
  for (const source of sources) {
    const text = sourceText(db, source.id);
    const all = unitsOfSource(db, source.id);
    const owners = ownerSegments(all.filter((u) => u.kind !== 'page' || all.every((x) => x.kind === 'page')));
    const unitsById = new Map(all.map((u) => [u.id, u]));
    const seen = new Set<number>();
    const hits: Hit[] = [];
    for (const unit of searchUnits(all, source.id, text.length)) {
      const spans = matchUnit(node, tokenize(text, unit.start, unit.end));
      if (!spans) continue;
      for (const span of spans) {
        if (seen.has(span.start)) continue;
        seen.add(span.start);
        const seg = segmentAt(owners, span.start);
        const credited = seg ? unitsById.get(seg.unitId) : undefined;
        const participantId = credited?.participantId ?? null;
        if (only && (participantId === null || !only.has(participantId))) continue;
        hits.push({
          sourceId: source.id,
          sourceName: source.name,
          sourceKind: source.kind,
          unitId: credited?.id ?? null,
          unitKind: credited?.kind ?? null,
          participantId,
          participantLabel: participantId === null ? null : (labels.get(participantId) ?? null),
          speaker: credited?.speaker ?? null,
          start: span.start,
          end: span.end,
          ...kwic(text, span, unit),
          unitStart: credited ? credited.start : null,
          unitEnd: credited ? credited.end : null,
        });
      }
    }
    hits.sort((a, b) => a.start - b.start);
    for (const h of hits) if (!visit(h)) return sources.length;
  }
  return sources.length;
}

/** Every hit (for coding them); capped so one command cannot create millions of codings. */
export function allHits(db: Db, filters: SearchFilters, cap = 50_000): Hit[] {
  const hits: Hit[] = [];
  findHits(db, filters, (h) => {
    hits.push(h);
    return true;
  });
  if (hits.length > cap) {
    throw new ApiFailure('invalid_input', `query: ${hits.length} hits are too many to code at once (at most ${cap}); narrow the search`, 'query');
  }
  return hits;
}

export const toKwic = ({ unitStart: _s, unitEnd: _e, ...hit }: Hit): KwicHit => hit;
