/**
 * The review screen's side of the backend: a detection run kept per project file (it is
 * recomputed on demand, never stored: the decisions are what is saved, as they are made),
 * terms and occurrences a page at a time, and decisions on a rule, a term or an occurrence.
 */
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { DetectionSummary, KindSummary, OccurrencePage, ReviewOccurrence, TermPage } from '../../../shared/domain/anonymize/api-types.ts';
import { detectionText } from '../../../shared/domain/anonymize/fields.ts';
import { fold } from '../../../shared/domain/anonymize/fold.ts';
import {
  occurrenceDecisionKey,
  occurrenceKey,
  replacementOf,
  reviewTerms,
  ruleDecisionKey,
  termDecisionKey,
  verdictFor,
  type Decisions,
} from '../../../shared/domain/anonymize/review.ts';
import { DETECTION_KINDS, type Decision, type DetectionKind } from '../../../shared/domain/anonymize/types.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { runExchangeJob } from '../exchange/job.ts';
import { deleteDecisions, listDecisions, saveDecision } from '../repositories/anonymize.ts';
import { detect, loadConfig, readProjectFields, type DetectionRun } from './detection.ts';

type Occurrence = { ref: string; start: number; end: number; kind: DetectionKind; termKey: string; key: string };
type Session = { run: DetectionRun; at: string; views: Map<string, string>; byTerm: Map<string, Occurrence[]> };

/** The latest detection of each open connection: reopening a project starts afresh (its texts may have changed). */
const sessions = new WeakMap<Db, Session>();

const DETECT_JOB = { name: 'detection', cancelled: 'Detection cancelled' };

export const forgetDetection = (db: Db): void => {
  sessions.delete(db);
};

function session(db: Db): Session {
  const s = sessions.get(db);
  if (!s) throw new ApiFailure('conflict', 'Run the detection first (anonymize.detect): there is nothing to review yet');
  return s;
}

const decisionsOf = (db: Db): Decisions => new Map(listDecisions(db).map((d) => [d.key, { decision: d.decision, replacement: d.replacement }]));

export async function runDetection(ctx: Ctx, jobId: string | undefined): Promise<DetectionSummary> {
  const config = loadConfig(ctx.db);
  const fields = readProjectFields(ctx.db);
  return runExchangeJob(ctx, jobId, DETECT_JOB, { done: (s) => `Found ${s.occurrences} to review`, failed: 'Detection failed' }, async (step) => {
    const run = await detect(config, fields, (done, total) => step('Finding identifiers', done, total));
    const byTerm = new Map<string, Occurrence[]>();
    const views = new Map(fields.map((f) => [f.ref, detectionText(f)]));
    for (const [ref, found] of run.found) {
      const text = views.get(ref)!;
      for (const c of found) {
        const list = byTerm.get(c.termKey) ?? [];
        list.push({ ref, start: c.start, end: c.end, kind: c.kind, termKey: c.termKey, key: occurrenceKey(ref, c.start, text.slice(c.start, c.end)) });
        byTerm.set(c.termKey, list);
      }
    }
    sessions.set(ctx.db, { run, at: ctx.now(), views, byTerm });
    return summarize(ctx.db);
  });
}

function counts(s: Session, decisions: Decisions): Map<string, { occurrences: number; accepted: number }> {
  const out = new Map<string, { occurrences: number; accepted: number }>();
  for (const [termKey, list] of s.byTerm) {
    let accepted = 0;
    for (const o of list) if (verdictFor(decisions, o.kind, termKey, o.key).decision === 'accept') accepted++;
    out.set(termKey, { occurrences: list.length, accepted });
  }
  return out;
}

export function summarize(db: Db): DetectionSummary {
  const s = session(db);
  const decisions = decisionsOf(db);
  const terms = reviewTerms(counts(s, decisions), s.run.detector.infos, decisions, s.run.defaults);
  const byKind: KindSummary[] = DETECTION_KINDS.map((kind) => {
    const of = terms.filter((t) => t.kind === kind);
    return {
      kind,
      terms: of.length,
      occurrences: of.reduce((n, t) => n + t.occurrences, 0),
      accepted: of.reduce((n, t) => n + t.accepted, 0),
      decision: decisions.get(ruleDecisionKey(kind))?.decision ?? null,
    };
  });
  return {
    at: s.at,
    fields: s.run.fields.length,
    terms: terms.length,
    occurrences: terms.reduce((n, t) => n + t.occurrences, 0),
    accepted: terms.reduce((n, t) => n + t.accepted, 0),
    reviewed: terms.filter((t) => t.decidedBy !== 'default').length,
    byKind,
    problems: s.run.config.problems,
  };
}

export type TermFilter = { kind?: DetectionKind | undefined; status?: 'proposed' | 'accept' | 'reject' | undefined; search?: string | undefined; offset: number; limit: number };

export function termPage(db: Db, f: TermFilter): TermPage {
  const s = session(db);
  const decisions = decisionsOf(db);
  const needle = f.search ? fold(f.search) : '';
  const all = reviewTerms(counts(s, decisions), s.run.detector.infos, decisions, s.run.defaults).filter(
    (t) =>
      (!f.kind || t.kind === f.kind) &&
      (!f.status || (f.status === 'proposed' ? t.decidedBy === 'default' : t.decision === f.status && t.decidedBy !== 'default')) &&
      (!needle || fold(t.label).includes(needle) || fold(t.replacement).includes(needle)),
  );
  return { summary: summarize(db), total: all.length, terms: all.slice(f.offset, f.offset + f.limit) };
}

const CONTEXT = 60;
const flat = (text: string): string => text.replace(/\s+/g, ' ');

export function occurrencePage(db: Db, termKey: string, offset: number, limit: number): OccurrencePage {
  const s = session(db);
  const list = s.byTerm.get(termKey);
  if (!list) throw new ApiFailure('not_found', 'No such term in the latest detection; run the detection again', 'termKey');
  const decisions = decisionsOf(db);
  const where = new Map(s.run.fields.map((f) => [f.ref, f.where]));
  const occurrences: ReviewOccurrence[] = list.slice(offset, offset + limit).map((o) => {
    const text = s.views.get(o.ref)!;
    const v = verdictFor(decisions, o.kind, termKey, o.key);
    return {
      key: o.key,
      ref: o.ref,
      where: where.get(o.ref) ?? o.ref,
      before: flat(text.slice(Math.max(0, o.start - CONTEXT), o.start)).trimStart(),
      match: text.slice(o.start, o.end),
      after: flat(text.slice(o.end, o.end + CONTEXT)).trimEnd(),
      replacement: replacementOf(decisions, termKey, s.run.defaults),
      decision: v.decision,
      decidedBy: v.by,
    };
  });
  return { termKey, total: list.length, occurrences };
}

export type DecideInput =
  | { scope: 'rule'; kind: DetectionKind; decision: Decision | null }
  | { scope: 'term'; termKey: string; decision: Decision | null; replacement?: string | null | undefined }
  | { scope: 'occurrence'; key: string; decision: Decision | null };

/**
 * Saves one decision. A rule's decision replaces those of its terms and occurrences (it is
 * "accept all" or "reject all"); a term's replaces those of its occurrences. An edited
 * replacement that would itself hold an identifier is refused.
 */
export function decide(ctx: Ctx, input: DecideInput): DetectionSummary {
  const s = session(ctx.db);
  const at = { coderId: ctx.coderId > 0 ? ctx.coderId : null, decidedAt: ctx.now() };
  const save = (key: string, decision: Decision | null, replacement: string | null = null) =>
    decision === null ? deleteDecisions(ctx.db, [key]) : saveDecision(ctx.db, { key, decision, replacement, ...at });
  if (input.scope === 'rule') {
    const termKeys = [...s.byTerm.keys()].filter((k) => s.run.detector.infos.get(k)?.kind === input.kind);
    const existing = decisionsOf(ctx.db);
    // Edited replacements are kept: a rule says whether, not what.
    const terms = termKeys.filter((k) => !existing.get(termDecisionKey(k))?.replacement).map(termDecisionKey);
    deleteDecisions(ctx.db, [...terms, ...termKeys.flatMap((k) => s.byTerm.get(k)!.map((o) => occurrenceDecisionKey(o.key)))]);
    for (const k of termKeys.filter((k) => existing.get(termDecisionKey(k))?.replacement)) {
      save(termDecisionKey(k), input.decision ?? 'accept', existing.get(termDecisionKey(k))!.replacement);
    }
    save(ruleDecisionKey(input.kind), input.decision);
  } else if (input.scope === 'term') {
    const list = s.byTerm.get(input.termKey);
    if (!list) throw new ApiFailure('not_found', 'No such term in the latest detection; run the detection again', 'termKey');
    const decisions = decisionsOf(ctx.db);
    const replacement = input.replacement === undefined ? (decisions.get(termDecisionKey(input.termKey))?.replacement ?? null) : input.replacement;
    if (replacement !== null) assertClean(s, replacement);
    const decision = input.decision ?? (replacement !== null ? 'accept' : null);
    // A new decision for the whole term replaces its occurrences'; new words for the same decision keep them.
    const before = verdictFor(decisions, list[0]!.kind, input.termKey, null).decision;
    if (decision !== before || input.decision === null) deleteDecisions(ctx.db, list.map((o) => occurrenceDecisionKey(o.key)));
    save(termDecisionKey(input.termKey), decision, replacement);
  } else {
    const known = [...s.byTerm.values()].some((list) => list.some((o) => o.key === input.key));
    if (!known) throw new ApiFailure('not_found', 'No such occurrence in the latest detection; run the detection again', 'key');
    save(occurrenceDecisionKey(input.key), input.decision);
  }
  return summarize(ctx.db);
}

/** A replacement must not itself name anyone the lists or patterns know. */
function assertClean(s: Session, replacement: string): void {
  const { rules } = s.run.config;
  const hits = s.run.detector.find(replacement).filter((c) => c.kind !== 'candidate' && (c.kind === 'name' || c.kind === 'term' || rules[c.kind]));
  if (hits.length > 0) {
    const what = replacement.slice(hits[0]!.start, hits[0]!.end);
    throw new ApiFailure('invalid_input', `The replacement “${replacement}” would itself hold “${what}”, which is to be replaced`, 'replacement');
  }
}

/** The config as it would be with new lists: for the settings screen's problems. */
export const settingsProblems = (db: Db, names: string, terms: string) => loadConfig(db, { names, terms }).problems;
