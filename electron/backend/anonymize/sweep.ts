/**
 * Replacing as the review decided, occurrence by occurrence in the reviewed texts, term by term
 * everywhere else (speakers, file names, coder names, the audit log's details…): whatever a
 * copy keeps is rewritten with the same replacement for the same term. Keeps the tally the
 * report and the key are made from.
 */
import { fold } from '../../../shared/domain/anonymize/fold.ts';
import { replaceSpans, type Rewritten } from '../../../shared/domain/anonymize/replace.ts';
import { occurrenceKey, replacementOf, verdictFor, type Decisions } from '../../../shared/domain/anonymize/review.ts';
import type { Candidate, DetectionKind } from '../../../shared/domain/anonymize/types.ts';
import type { DetectionRun } from './detection.ts';

export type TermTally = { kind: DetectionKind; replacement: string; written: Set<string>; occurrences: number };

export class Replacer {
  /** Terms replaced at least once, with how they were written. */
  readonly replaced = new Map<string, TermTally>();
  /** Folded forms left in place by a decision: a byte scan of the copy may find them. */
  readonly kept = new Set<string>();
  keptCount = 0;
  private readonly reviewedTerms: ReadonlySet<string>;

  constructor(
    private readonly run: DetectionRun,
    private readonly decisions: Decisions,
  ) {
    this.reviewedTerms = new Set([...run.found.values()].flatMap((list) => list.map((c) => c.termKey)));
  }

  /** How a term is shown to the researcher (its list entry, or how it was first written). */
  label(termKey: string): string {
    return this.run.detector.infos.get(termKey)?.label ?? termKey;
  }

  private replacementFor(c: Candidate): string {
    if (!this.run.defaults.has(c.termKey)) {
      const info = this.run.detector.infos.get(c.termKey);
      if (info) this.run.defaults.set(c.termKey, this.run.namer.name(info));
    }
    return replacementOf(this.decisions, c.termKey, this.run.defaults);
  }

  private tally(c: Candidate, surface: string, replacement: string): void {
    const t = this.replaced.get(c.termKey) ?? { kind: c.kind, replacement, written: new Set<string>(), occurrences: 0 };
    t.written.add(surface);
    t.occurrences++;
    this.replaced.set(c.termKey, t);
  }

  private keep(surface: string): void {
    this.kept.add(fold(surface));
    this.keptCount++;
  }

  /** A reviewed field, as the review decided each occurrence. */
  field(ref: string, text: string): Rewritten {
    const found = this.run.found.get(ref) ?? [];
    const reps = [];
    for (const c of found) {
      const surface = text.slice(c.start, c.end);
      if (verdictFor(this.decisions, c.kind, c.termKey, occurrenceKey(ref, c.start, surface)).decision === 'reject') {
        this.keep(surface);
        continue;
      }
      const replacement = this.replacementFor(c);
      this.tally(c, surface, replacement);
      reps.push({ start: c.start, end: c.end, text: replacement });
    }
    return replaceSpans(text, reps);
  }

  /**
   * Any other text: every term found is replaced as its term or rule was decided. A guessed
   * name counts only if the review proposed it (elsewhere a capitalised word is just a word).
   */
  text(text: string): string {
    if (text === '') return text;
    const reps = [];
    for (const c of this.run.detector.find(text)) {
      if (c.kind === 'candidate' && !this.reviewedTerms.has(c.termKey)) continue;
      const surface = text.slice(c.start, c.end);
      if (verdictFor(this.decisions, c.kind, c.termKey, null).decision === 'reject') {
        this.keep(surface);
        continue;
      }
      const replacement = this.replacementFor(c);
      this.tally(c, surface, replacement);
      reps.push({ start: c.start, end: c.end, text: replacement });
    }
    return reps.length === 0 ? text : replaceSpans(text, reps).text;
  }

  /** Only the tags of an HTML text (link targets, titles): its text was rewritten as a field. */
  tags(html: string): string {
    return html.replace(/<[^>]*>/g, (tag) => this.text(tag));
  }

  /** Every string of a JSON value, object keys included; a value that is not JSON is rewritten as text. */
  json(text: string): string {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.text(text);
    }
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.text(k), walk(x)]));
      return v;
    };
    return JSON.stringify(walk(value));
  }
}
