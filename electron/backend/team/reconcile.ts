import { ApiFailure } from '../../../shared/api/errors.ts';
import type { DifferingPassage, PassageDecision, PassageList, ReconcileResult } from '../../../shared/domain/team/api-types.ts';
import { consensusSpans, passagesOf, type Decision, type Passage } from '../../../shared/domain/team/passages.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { deleteCoding, insertCoding } from '../repositories/codings.ts';
import { deleteCodingMemos } from '../repositories/memos.ts';
import { ensureCoder, findCoderByName, getCoder } from '../repositories/meta.ts';
import { codingsOfCoders, consensusCodingsInside, reconciliationsBetween, saveReconciliation, sourceTexts } from '../repositories/team.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { codePaths, requireCoders, requireSources } from './agreement.ts';

/** Characters of context shown on each side of a passage. */
const CONTEXT = 160;

type Found = { sourceId: number; codeId: number; passage: Passage };

/** Every passage of two coders, per source and code, in source order then by position. */
function passagesBetween(db: Db, first: number, second: number, codeIds: readonly number[] | undefined, sourceIds: readonly number[] | undefined): Found[] {
  const groups = new Map<string, { sourceId: number; codeId: number; a: { id: number; start: number; end: number }[]; b: { id: number; start: number; end: number }[] }>();
  for (const c of codingsOfCoders(db, [first, second], codeIds, sourceIds)) {
    const key = `${c.sourceId}:${c.codeId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sourceId: c.sourceId, codeId: c.codeId, a: [], b: [] }));
    (c.coderId === first ? g.a : g.b).push({ id: c.id, start: c.start, end: c.end });
  }
  const out: Found[] = [];
  for (const g of groups.values()) for (const passage of passagesOf(g.a, g.b)) out.push({ sourceId: g.sourceId, codeId: g.codeId, passage });
  return out;
}

const decisionKey = (sourceId: number, codeId: number, start: number, end: number) => `${sourceId}:${codeId}:${start}:${end}`;

function describe(found: Found, source: { name: string; text: string }, codeName: string, decision: PassageDecision | null): DifferingPassage {
  const { passage: p } = found;
  return {
    sourceId: found.sourceId,
    sourceName: source.name,
    codeId: found.codeId,
    codeName,
    start: p.start,
    end: p.end,
    text: source.text.slice(p.start, p.end),
    before: source.text.slice(Math.max(0, p.start - CONTEXT), p.start),
    after: source.text.slice(p.end, p.end + CONTEXT),
    first: p.first,
    second: p.second,
    decision,
  };
}

export type PassageRequest = { first: number; second: number; codeIds?: number[] | undefined; sourceIds?: number[] | undefined; consensus: string; limit: number };

/** The passages where two coders differ, in source order, with the consensus coder's decisions. */
export function differingPassages(db: Db, input: PassageRequest): PassageList {
  const [first, second] = requireCoders(db, [input.first, input.second], 'first') as [{ id: number; name: string }, { id: number; name: string }];
  const sourceOrder = requireSources(db, input.sourceIds);
  const position = new Map(sourceOrder.map((s, i) => [s.id, i]));
  const all = passagesBetween(db, first.id, second.id, input.codeIds, input.sourceIds);
  const differing = all
    .filter((f) => !f.passage.agreed)
    .sort((x, y) => position.get(x.sourceId)! - position.get(y.sourceId)! || x.passage.start - y.passage.start || x.codeId - y.codeId);
  const consensus = findCoderByName(db, input.consensus);
  const decisions = new Map<string, PassageDecision>();
  if (consensus) {
    for (const r of reconciliationsBetween(db, first.id, second.id, consensus.id)) {
      decisions.set(decisionKey(r.sourceId, r.codeId, r.start, r.end), { decision: r.decision, consensus: consensus.name, decidedBy: r.decidedBy, decidedAt: r.decidedAt });
    }
  }
  const names = new Map(codePaths(db).map((c) => [c.id, c.path]));
  const texts = new Map(sourceOrder.map((s) => [s.id, s]));
  const decisionOf = (f: Found) => decisions.get(decisionKey(f.sourceId, f.codeId, f.passage.start, f.passage.end)) ?? null;
  return {
    first,
    second,
    total: differing.length,
    agreed: all.length - differing.length,
    decided: differing.filter((f) => decisionOf(f) !== null).length,
    passages: differing.slice(0, input.limit).map((f) => describe(f, texts.get(f.sourceId)!, names.get(f.codeId) ?? '', decisionOf(f))),
  };
}

export type ReconcileRequest = { first: number; second: number; sourceId: number; codeId: number; start: number; end: number; decision: Decision; consensus: string };

const DECISION_WORDS = (first: string, second: string): Record<Decision, string> => ({
  first: `take ${first}’s coding`,
  second: `take ${second}’s coding`,
  both: 'take both',
  neither: 'code neither',
});

/**
 * Settles one passage into the consensus coder: what it had of the code inside the passage is
 * replaced by the side chosen, and the decision is kept (a second decision on the same passage
 * replaces the first). The dispatcher makes it one transaction and one undoable step.
 */
export function reconcile(ctx: Ctx, input: ReconcileRequest): ReconcileResult {
  const { db } = ctx;
  const [first, second] = requireCoders(db, [input.first, input.second], 'first') as [{ id: number; name: string }, { id: number; name: string }];
  const source = sourceTexts(db, [input.sourceId])[0];
  if (!source) throw new ApiFailure('not_found', `Source ${input.sourceId} does not exist in this project`, 'sourceId');
  const codeName = codePaths(db).find((c) => c.id === input.codeId)?.path;
  if (codeName === undefined) throw new ApiFailure('not_found', `Code ${input.codeId} does not exist in this project`, 'codeId');
  const found = passagesBetween(db, first.id, second.id, [input.codeId], [input.sourceId]).find((f) => f.passage.start === input.start && f.passage.end === input.end);
  if (!found) {
    throw new ApiFailure('not_found', `${first.name} and ${second.name} have no passage of “${codeName}” at ${input.start}–${input.end} in ${source.name} any more: their codings changed; show the passages again`, 'start');
  }
  const now = ctx.now();
  const consensus = ensureCoder(db, input.consensus, now);
  if (consensus.id === first.id || consensus.id === second.id) {
    throw new ApiFailure('invalid_input', `The consensus coder must be someone other than ${first.name} and ${second.name}: name it “Consensus”, for example`, 'consensus');
  }
  labelOperation(db, `Reconcile ${q(codeName)} in ${q(source.name)}: ${DECISION_WORDS(first.name, second.name)[input.decision]}`);
  const replaced = consensusCodingsInside(db, consensus.id, input.codeId, input.sourceId, input.start, input.end);
  for (const id of replaced) {
    deleteCodingMemos(db, id);
    deleteCoding(db, id);
  }
  const spans = consensusSpans(found.passage, input.decision);
  const ids = spans.map((s) => insertCoding(db, { sourceId: input.sourceId, codeId: input.codeId, start: s.start, end: s.end, quote: source.text.slice(s.start, s.end) }, consensus.id, now));
  saveReconciliation(db, { sourceId: input.sourceId, codeId: input.codeId, start: input.start, end: input.end, first: first.id, second: second.id, consensus: consensus.id, decision: input.decision, decidedBy: ctx.coderId, at: now });
  ctx.audit('reconcile', 'coding', null, { sourceId: input.sourceId, codeId: input.codeId, start: input.start, end: input.end, first: first.name, second: second.name, consensus: consensus.name, decision: input.decision, replaced, added: ids });
  return {
    consensus,
    codings: ids.length,
    passage: describe(found, source, codeName, { decision: input.decision, consensus: consensus.name, decidedBy: getCoder(db, ctx.coderId)?.name ?? '', decidedAt: now }),
  };
}
