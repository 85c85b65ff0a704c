/**
 * The review: which occurrences are replaced, and by what. Decisions are made on a rule (every
 * term of a kind), a term (all its occurrences) or one occurrence; the narrowest made wins,
 * and with none an occurrence is replaced (every proposal is applied unless rejected).
 */
import type { Replacement } from './replace.ts';
import type { Candidate, DecidedBy, Decision, DetectionKind, TermInfo } from './types.ts';

export type DecisionRecord = { decision: Decision; replacement: string | null };

/** Stored decisions by key: `rule:<kind>`, `term:<term key>`, `occurrence:<occurrence key>`. */
export type Decisions = ReadonlyMap<string, DecisionRecord>;

export const ruleDecisionKey = (kind: DetectionKind): string => `rule:${kind}`;
export const termDecisionKey = (termKey: string): string => `term:${termKey}`;
export const occurrenceDecisionKey = (occurrenceKey: string): string => `occurrence:${occurrenceKey}`;

/** An occurrence is known by its field, position and words, so a decision survives re-detection but not an edit of the text there. */
export const occurrenceKey = (ref: string, start: number, surface: string): string => `${ref}@${start}:${surface}`;

export type Verdict = { decision: Decision; by: DecidedBy };

export function verdictFor(decisions: Decisions, kind: DetectionKind, termKey: string, occKey: string | null): Verdict {
  const occ = occKey === null ? undefined : decisions.get(occurrenceDecisionKey(occKey));
  if (occ) return { decision: occ.decision, by: 'occurrence' };
  const term = decisions.get(termDecisionKey(termKey));
  if (term) return { decision: term.decision, by: 'term' };
  const rule = decisions.get(ruleDecisionKey(kind));
  if (rule) return { decision: rule.decision, by: 'rule' };
  return { decision: 'accept', by: 'default' };
}

/** A term's replacement: the researcher's edit, else the default. */
export const replacementOf = (decisions: Decisions, termKey: string, defaults: ReadonlyMap<string, string>): string =>
  decisions.get(termDecisionKey(termKey))?.replacement ?? defaults.get(termKey) ?? '[Removed]';

/** The replacements to make in one field's text, given what detection found there. */
export function plannedReplacements(
  ref: string,
  text: string,
  found: readonly Candidate[],
  decisions: Decisions,
  defaults: ReadonlyMap<string, string>,
): Replacement[] {
  const out: Replacement[] = [];
  for (const c of found) {
    const surface = text.slice(c.start, c.end);
    if (verdictFor(decisions, c.kind, c.termKey, occurrenceKey(ref, c.start, surface)).decision === 'reject') continue;
    out.push({ start: c.start, end: c.end, text: replacementOf(decisions, c.termKey, defaults) });
  }
  return out;
}

/** One term as the review screen lists it. */
export type ReviewTerm = {
  key: string;
  kind: DetectionKind;
  label: string;
  replacement: string;
  /** The term's own decision, else its rule's, else the default. */
  decision: Decision;
  decidedBy: Exclude<DecidedBy, 'occurrence'>;
  occurrences: number;
  /** Occurrences that will be replaced (some may be rejected one by one). */
  accepted: number;
};

export function reviewTerms(
  counts: ReadonlyMap<string, { occurrences: number; accepted: number }>,
  infos: ReadonlyMap<string, TermInfo>,
  decisions: Decisions,
  defaults: ReadonlyMap<string, string>,
): ReviewTerm[] {
  const out: ReviewTerm[] = [];
  for (const [key, n] of counts) {
    const info = infos.get(key);
    if (!info) continue;
    const v = verdictFor(decisions, info.kind, key, null);
    out.push({
      key,
      kind: info.kind,
      label: info.label,
      replacement: replacementOf(decisions, key, defaults),
      decision: v.decision,
      decidedBy: v.by === 'occurrence' ? 'default' : v.by,
      occurrences: n.occurrences,
      accepted: n.accepted,
    });
  }
  return out.sort((a, b) => (infos.get(a.key)?.order ?? 0) - (infos.get(b.key)?.order ?? 0));
}
