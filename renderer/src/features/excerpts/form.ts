import { subtree } from '../../../../shared/domain/analysis/rows.ts';
import type { CodeLite } from '../../../../shared/domain/analysis/rows.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import type { ExcerptQuery } from './store.ts';

/** The Coded excerpts tab's filters, as its form holds them ('' for "any"). */
export type ExcerptForm = {
  codeId: number | null;
  descendants: boolean;
  /** A participant id, 'none' for text of no participant, or '' for anyone. */
  who: string;
  attributeId: number | null;
  /** An attribute value, '\u0000' for "no value", or '' for any value. */
  value: string;
  kind: '' | SourceKind;
  coderId: number | null;
  from: string;
  to: string;
};

export const EMPTY_FORM: ExcerptForm = { codeId: null, descendants: true, who: '', attributeId: null, value: '', kind: '', coderId: null, from: '', to: '' };

/** The query the form asks for; null until a code is chosen. */
export function queryOf(f: ExcerptForm): ExcerptQuery | null {
  if (f.codeId === null) return null;
  const q: ExcerptQuery = { codeIds: [f.codeId], includeDescendants: f.descendants };
  if (f.who === 'none') q.unattributed = true;
  else if (f.who) q.participantIds = [Number(f.who)];
  if (f.attributeId !== null && f.value) q.attribute = { attributeId: f.attributeId, value: f.value === '\u0000' ? null : f.value };
  if (f.kind) q.sourceKinds = [f.kind];
  if (f.coderId !== null) q.coderIds = [f.coderId];
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  return q;
}

/**
 * The form that asks for what another view showed (a frequency cell, a framework link), so
 * the tab's filters say what its list holds; null when the form cannot say it (several codes
 * that are not one code's subtree, several participants, coders or source kinds).
 */
export function formOf(q: ExcerptQuery, codes: readonly CodeLite[]): ExcerptForm | null {
  const ids = [...new Set(q.codeIds)];
  let codeId: number | null = null;
  let descendants = q.includeDescendants ?? true;
  if (ids.length === 1) {
    codeId = ids[0]!;
    // A code without subcodes reads the same either way: keep the form's usual "with subcodes".
    if (subtree(codes, codeId).length === 1) descendants = true;
  } else {
    // A rolled-up row lists its code and every descendant: the same as the code with subcodes.
    const wanted = new Set(ids);
    const root = ids.find((id) => {
      const all = subtree(codes, id);
      return all.length === wanted.size && all.every((x) => wanted.has(x));
    });
    if (root === undefined) return null;
    codeId = root;
    descendants = true;
  }
  if ((q.participantIds?.length ?? 0) > 1 || (q.coderIds?.length ?? 0) > 1 || (q.sourceKinds?.length ?? 0) > 1) return null;
  if (q.unattributed && q.participantIds?.length) return null;
  return {
    codeId,
    descendants,
    who: q.unattributed ? 'none' : q.participantIds?.length ? String(q.participantIds[0]) : '',
    attributeId: q.attribute?.attributeId ?? null,
    value: q.attribute ? (q.attribute.value === null ? '\u0000' : q.attribute.value) : '',
    kind: q.sourceKinds?.[0] ?? '',
    coderId: q.coderIds?.[0] ?? null,
    from: q.from ?? '',
    to: q.to ?? '',
  };
}
