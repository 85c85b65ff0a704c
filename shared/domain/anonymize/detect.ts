/**
 * Detection: every rule run over one text, overlaps resolved (the longest match wins, so
 * `Universidad de Monterrey` beats `Universidad`; on a tie, the lists before the patterns),
 * rules that are switched off dropped, and capitalised-name guesses looked for in what is left.
 */
import { foldText } from './fold.ts';
import { findNameCandidates, readVocabulary, type Vocabulary } from './heuristic.ts';
import { buildForms, ListMatcher } from './list-matcher.ts';
import type { PersonEntry, TermEntry } from './lists.ts';
import { findPatterns } from './patterns.ts';
import type { Candidate, DetectionKind, RuleSettings, TermInfo } from './types.ts';

export type DetectorConfig = { people: readonly PersonEntry[]; terms: readonly TermEntry[]; rules: RuleSettings };

const PRIORITY: Record<DetectionKind, number> = { name: 0, term: 1, email: 2, url: 3, date: 4, phone: 5, id: 6, candidate: 7 };

type Span = { start: number; end: number };

/** Keeps the longest of overlapping candidates (ties: by kind priority, then the earlier). */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start,
  );
  const kept: Candidate[] = [];
  // Accepted spans ordered by start, to test a newcomer against its two neighbours only.
  const byStart: Span[] = [];
  for (const c of sorted) {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = byStart[lo - 1];
    const after = byStart[lo];
    if ((before && before.end > c.start) || (after && after.start < c.end)) continue;
    byStart.splice(lo, 0, c);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export class Detector {
  /** Every term found so far (and every list entry), by key. Grows as texts are read. */
  readonly infos: Map<string, TermInfo>;
  private readonly lists: ListMatcher;
  private readonly rules: RuleSettings;
  private readonly vocabulary: Vocabulary;
  private order: number;

  /** `corpus`: every text of the project, read once for the words written in lower case. */
  constructor(config: DetectorConfig, corpus: Iterable<string> = []) {
    const { forms, infos } = buildForms(config.people, config.terms);
    this.infos = infos;
    this.order = infos.size;
    this.lists = new ListMatcher(forms);
    this.rules = config.rules;
    this.vocabulary = config.rules.candidate ? readVocabulary(corpus) : { lower: new Set(), capitalisedInside: new Set() };
  }

  /** The identifiers in one text, in order, not overlapping. */
  find(text: string): Candidate[] {
    if (text.length === 0) return [];
    const resolved = resolveOverlaps([...this.lists.find(text, foldText(text)), ...findPatterns(text)]);
    const found = resolved.filter((c) => c.kind === 'name' || c.kind === 'term' || this.rules[c.kind]);
    if (this.rules.candidate) {
      found.push(...findNameCandidates(text, this.vocabulary, resolved));
      found.sort((a, b) => a.start - b.start);
    }
    for (const c of found) this.note(c, text);
    return found;
  }

  private note(c: Candidate, text: string): void {
    if (this.infos.has(c.termKey)) return;
    this.infos.set(c.termKey, { key: c.termKey, kind: c.kind, label: text.slice(c.start, c.end).replace(/\s+/g, ' '), participantLabel: null, category: null, order: this.order++ });
  }
}
