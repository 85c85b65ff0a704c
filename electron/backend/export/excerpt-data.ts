import type { ParsedInput } from '../../../shared/api/contract.ts';
import { ApiFailure } from '../../../shared/api/errors.ts';
import { buildCodeTree, flattenTree, type CodeNode } from '../../../shared/domain/code-tree.ts';
import type { Excerpt } from '../../../shared/domain/analysis/types.ts';
import type { ExcerptMatch } from '../../../shared/domain/export-types.ts';
import { OffsetMap } from '../../../shared/domain/offsets.ts';
import type { Db } from '../db/database.ts';
import { loadParticipants, sourcesByIds } from '../repositories/analysis.ts';
import { excerptCounts, listExcerpts, type ExcerptFilter } from '../repositories/analysis-excerpts.ts';
import { listCodes } from '../repositories/codes.ts';
import { listCoders } from '../repositories/meta.ts';
import { describeFilter } from './filter-text.ts';
import { citationOf } from './citation.ts';

export type ExportFilter = ParsedInput<'export.count'>;

/** One coded excerpt with everything a row or a report needs. */
export type ExportExcerpt = Excerpt & {
  /** Names from the top of the codebook down to the excerpt's code. */
  codePath: string[];
  /** Offsets in characters (code points), as a reader counts them. */
  startChar: number;
  endChar: number;
  /** The participant's value of each attribute of `ExcerptExport.attributes`, in that order. */
  attributeValues: (string | null)[];
  citation: string;
};

export type ExcerptExport = {
  tree: CodeNode[];
  /** The codes the filter covers (with their subcodes when asked for). */
  codeIds: Set<number>;
  attributes: string[];
  /** In codebook order, then in source order. */
  excerpts: ExportExcerpt[];
  /** The filters in words, for a title page. */
  filterText: { label: string; value: string }[];
  match: ExcerptMatch;
};

function requireKnown(known: ReadonlySet<number>, ids: readonly number[] | undefined, what: string, field: string): void {
  const missing = (ids ?? []).filter((id) => !known.has(id));
  if (missing.length > 0) throw new ApiFailure('not_found', `${what} ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist`, field);
}

type Resolved = { filter: ExcerptFilter; tree: CodeNode[]; order: CodeNode[]; codeIds: Set<number> };

/** Checks every id the filter names and widens the codes to their subcodes when asked for. */
function resolve(db: Db, f: ExportFilter, field: string): Resolved {
  const tree = buildCodeTree(listCodes(db));
  const order = flattenTree(tree);
  const byId = new Map(order.map((n) => [n.code.id, n]));
  requireKnown(new Set(byId.keys()), f.codeIds, 'Code', `${field}codeIds`);
  const { participants, attributes } = loadParticipants(db);
  requireKnown(new Set(participants.map((p) => p.id)), f.participantIds, 'Participant', `${field}participantIds`);
  const attributeIds = [...(f.attribute ? [f.attribute.attributeId] : []), ...(f.attributeValues ?? []).map((a) => a.attributeId)];
  requireKnown(new Set(attributes.map((a) => a.id)), attributeIds, 'Attribute', `${field}attributeValues`);
  requireKnown(new Set(listCoders(db).map((c) => c.id)), f.coderIds, 'Coder', `${field}coderIds`);
  if (f.from && f.to && f.from > f.to) throw new ApiFailure('invalid_input', 'from must not be after to', `${field}from`);
  const codeIds = new Set<number>();
  for (const id of f.codeIds) {
    if (f.includeDescendants) flattenTree([byId.get(id)!]).forEach((n) => codeIds.add(n.code.id));
    else codeIds.add(id);
  }
  return { filter: { ...f, codeIds: [...codeIds] }, tree, order, codeIds };
}

export function countExcerpts(db: Db, f: ExportFilter): ExcerptMatch {
  return excerptCounts(db, resolve(db, f, '').filter);
}

/** Everything an excerpt export writes, read in one read transaction. */
export function loadExcerptExport(db: Db, f: ExportFilter): ExcerptExport {
  return db.raw.transaction((): ExcerptExport => {
    const { filter, tree, order, codeIds } = resolve(db, f, 'filter.');
    const match = excerptCounts(db, filter);
    const { excerpts } = listExcerpts(db, filter, { offset: 0, limit: match.excerpts });
    const { participants, attributes } = loadParticipants(db);
    const values = new Map(participants.map((p) => [p.id, p.attributes]));
    const rank = new Map(order.map((n, i) => [n.code.id, i]));
    const paths = new Map(order.map((n) => [n.code.id, n.path]));
    const maps = new Map(sourcesByIds(db, [...new Set(excerpts.map((e) => e.sourceId))]).map((s) => [s.id, new OffsetMap(s.text)]));
    // Array.prototype.sort is stable: within a code the excerpts keep their source order.
    const sorted = excerpts.slice().sort((a, b) => rank.get(a.codeId)! - rank.get(b.codeId)!);
    return {
      tree,
      codeIds,
      attributes: attributes.map((a) => a.name),
      excerpts: sorted.map((e) => {
        const map = maps.get(e.sourceId)!;
        const own = e.participantId === null ? undefined : values.get(e.participantId);
        return {
          ...e,
          codePath: paths.get(e.codeId) ?? [e.codeName],
          startChar: map.toCodePoint(e.start),
          endChar: map.toCodePoint(e.end),
          attributeValues: attributes.map((a) => own?.[a.id] ?? null),
          citation: citationOf(e),
        };
      }),
      filterText: describeFilter(db, f, order, codeIds),
      match,
    };
  })();
}
