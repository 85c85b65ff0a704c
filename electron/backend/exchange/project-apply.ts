import { plainTextToHtml } from '../../../shared/domain/html-text.ts';
import type { ExchangeCounts } from '../../../shared/domain/exchange-types.ts';
import type { Ctx } from '../context.ts';
import { insertCodings } from '../repositories/codings.ts';
import { insertImportedMemo, storeExchangeGuid } from '../repositories/exchange.ts';
import { insertUnits } from '../repositories/import-units.ts';
import { ensureCoder } from '../repositories/meta.ts';
import { defineAttribute, insertParticipant, setAttributeValue } from '../repositories/participants.ts';
import { insertSource } from '../repositories/sources.ts';
import { applyCodebook } from './codebook-apply.ts';
import type { Step } from './job.ts';
import type { MemoTarget, ProjectPlan } from './plan-types.ts';
import { layoutUnits } from './unit-layout.ts';

/** A date from the file as an ISO timestamp; the import's own time when it has none or an unreadable one. */
const isoOr = (at: string | null, now: string): string => {
  if (!at) return now;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? now : new Date(ms).toISOString();
};

/**
 * Writes a project plan inside the caller's transaction. Sources are written one at a time
 * with a `step` between them (progress out, a cancel in). Returns what was written.
 */
export async function applyProject(ctx: Ctx, plan: ProjectPlan, fileName: string, step: Step): Promise<ExchangeCounts> {
  const { db } = ctx;
  const now = ctx.now();
  const codebook = applyCodebook(ctx, plan.codebook);

  const coders = new Map<string, number>();
  for (const c of plan.coders) {
    const coder = ensureCoder(db, c.name, now);
    coders.set(c.guid, coder.id);
    storeExchangeGuid(db, 'coder', coder.id, c.guid);
  }
  const coderOf = (user: string | null) => (user === null ? ctx.coderId : (coders.get(user) ?? ctx.coderId));

  const attributeIds = new Map<string, number>();
  for (const a of plan.attributes) {
    const id = a.existingId ?? defineAttribute(db, a.name, a.type).id;
    attributeIds.set(a.key, id);
    if (a.existingId === null && a.guid) storeExchangeGuid(db, 'attribute', id, a.guid);
  }
  const participantIds = new Map<string, number>();
  let participantsAdded = 0;
  for (const p of plan.participants) {
    let id = p.existingId;
    if (id === null) {
      id = insertParticipant(db, { label: p.label, name: p.name, description: p.description }, now);
      ctx.audit('create', 'participant', id, { label: p.label, via: 'refi-qda import' });
      if (p.guid) storeExchangeGuid(db, 'participant', id, p.guid);
      participantsAdded++;
    }
    participantIds.set(p.key, id);
    for (const [key, value] of p.values) setAttributeValue(db, id, attributeIds.get(key)!, value);
  }

  const sourceIds = new Map<string, number>();
  const codingIds = new Map<string, number[]>();
  let codings = 0;
  for (const [i, s] of plan.sources.entries()) {
    await step(`Importing ${s.name}`, i, plan.sources.length);
    const kind = s.kind ?? 'document';
    const sourceId = insertSource(db, { kind, name: s.name, text: s.text, origin: fileName }, now);
    sourceIds.set(s.guid, sourceId);
    storeExchangeGuid(db, 'source', sourceId, s.guid);
    const units = layoutUnits(s.text, kind, s.units, s.whole);
    insertUnits(db, sourceId, units.map((u) => ({ kind: u.kind, start: u.start, end: u.end, speaker: u.speaker, isInterviewer: u.isInterviewer, participantId: u.participant === null ? null : (participantIds.get(u.participant) ?? null) })));
    const ids = insertCodings(
      db,
      s.codings.map((c) => ({ sourceId, codeId: codebook.codeIds.get(c.codeKey)!, start: c.start, end: c.end, quote: s.text.slice(c.start, c.end), coderId: coderOf(c.user), createdAt: isoOr(c.at, now) })),
    );
    codingIds.set(s.guid, ids);
    codings += ids.length;
    ctx.audit('import', 'source', sourceId, { file: fileName, kind, codings: ids.length, via: 'refi-qda import' });
  }

  const targetOf = (t: MemoTarget): { targetKind: string; targetId: number | null } => {
    if (t.kind === 'project') return { targetKind: 'project', targetId: null };
    if (t.kind === 'source') return { targetKind: 'source', targetId: sourceIds.get(t.source)! };
    if (t.kind === 'code') return { targetKind: 'code', targetId: codebook.codeIds.get(t.codeKey)! };
    if (t.kind === 'participant') return { targetKind: 'participant', targetId: participantIds.get(t.participant)! };
    return { targetKind: 'coding', targetId: codingIds.get(t.source)![t.index]! };
  };
  for (const m of plan.memos) {
    const createdAt = isoOr(m.at, now);
    const id = insertImportedMemo(db, { ...targetOf(m.target), title: m.title, body: plainTextToHtml(m.text), text: m.text, coderId: coderOf(m.user), createdAt, updatedAt: isoOr(m.modifiedAt, createdAt) });
    if (m.guid) storeExchangeGuid(db, 'memo', id, m.guid);
  }
  return {
    codesAdded: codebook.codesAdded,
    codesMatched: codebook.codesMatched,
    coders: plan.coders.length,
    participantsAdded,
    participantsMatched: plan.participants.length - participantsAdded,
    attributes: plan.attributes.filter((a) => a.existingId === null).length,
    sources: plan.sources.length,
    codings,
    memos: plan.memos.length,
    frameworkElements: codebook.elementsAdded,
  };
}
