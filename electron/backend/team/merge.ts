import { ApiFailure } from '../../../shared/api/errors.ts';
import type { MergeItem, MergePlan, MergeReport } from '../../../shared/domain/team/merge-types.ts';
import { MergeDecisionError, resolveMerge, type CodeRef, type MemoRef, type MergeActions, type SourceRef } from '../../../shared/domain/team/merge-resolve.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { Step } from '../exchange/job.ts';
import { runExchangeJob } from '../exchange/job.ts';
import { layoutUnits } from '../exchange/unit-layout.ts';
import { deleteCode, getCode, insertCode, nextPosition, placeCode, renameCode, siblingNameTaken } from '../repositories/codes.ts';
import { moveCodingMemos } from '../repositories/coding-context.ts';
import { deleteCoding, deleteCodingsOfCodes, getCoding, insertCodings, listCodingsOfCodes, type NewCodingRow } from '../repositories/codings.ts';
import { insertImportedMemo, storeExchangeGuid } from '../repositories/exchange.ts';
import { insertUnits } from '../repositories/import-units.ts';
import { deleteCodingMemos, deleteMemo, deleteMemosOnCodes, getMemo, listCodingMemos, listMemosOnCodes, updateMemo } from '../repositories/memos.ts';
import { ensureCoder } from '../repositories/meta.ts';
import { insertParticipant } from '../repositories/participants.ts';
import { getSourceText, insertSource, type NewUnit } from '../repositories/sources.ts';
import { childCodeIds, copySource, copyUnits, participantByLabel } from '../repositories/team.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { recordJobOperation } from '../undo/recorder.ts';
import { discardCopies, getStagedCopy, type LoadedCopy } from './staging.ts';
import { projectRows, shownManifest } from './rows.ts';

const fold = (s: string) => s.trim().toLocaleLowerCase('en');

const MERGE_JOB = { name: 'merge', cancelled: 'Merge cancelled: nothing was merged' };

type Planned = { items: MergeItem[]; actions: MergeActions; coders: Set<string> };

/** The questions and writes of merging `copy` into the project with these answers; a wrong or missing answer is `invalid_input` on decisions. */
export function planMerge(db: Db, copy: LoadedCopy, decisions: Readonly<Record<string, string>>, complete: boolean): Planned {
  const texts = new Map<string, string>();
  const textOf = (key: string) => texts.get(key) ?? texts.set(key, getSourceText(db, Number(key)) ?? '').get(key)!;
  const base = projectRows(db);
  try {
    return { ...resolveMerge(base, copy.rows, copy.manifest, { decisions, complete, textOf }), coders: new Set(base.coders.map((c) => fold(c.name))) };
  } catch (error) {
    if (error instanceof MergeDecisionError) throw new ApiFailure('invalid_input', error.message, 'decisions');
    throw error;
  }
}

/** The preview the dialog and the CLI show. */
export function describeMerge(copy: LoadedCopy, { items, actions, coders }: Planned): MergePlan {
  return {
    name: copy.name,
    format: copy.format,
    manifest: shownManifest(copy.manifest),
    items,
    coders: copy.rows.coders
      .filter((c) => items.some((i) => i.id === `coder:${c.key}`))
      .map((c) => ({
        name: c.name,
        codings: actions.codings.filter((x) => x.coderName === c.name).length,
        memos: actions.addMemos.filter((m) => m.coderName === c.name).length,
        existing: coders.has(fold(c.name)),
      })),
    counts: actions.counts,
    warnings: [...copy.warnings, ...actions.warnings],
    notes: actions.notes,
  };
}

export const previewMerge = (db: Db, stagedId: string, decisions: Readonly<Record<string, string>>): MergePlan => {
  const copy = getStagedCopy(stagedId);
  return describeMerge(copy, planMerge(db, copy, decisions, false));
};

/**
 * Merges a staged copy into the open project: planned again inside the transaction (so it
 * matches the project it is written to), refused while a conflict is unanswered, written in
 * one transaction recorded as one undoable step, all or nothing.
 */
export function mergeCopy(ctx: Ctx, stagedId: string, decisions: Readonly<Record<string, string>>, jobId: string | undefined): Promise<MergeReport> {
  const copy = getStagedCopy(stagedId);
  return runExchangeJob(ctx, jobId, MERGE_JOB, { done: () => `Merged ${copy.name}`, failed: 'Merge failed' }, async (step, job) => {
    const report = await recordJobOperation(ctx, 'team.merge', { file: copy.name }, job.check, async (): Promise<MergeReport> => {
      const planned = planMerge(ctx.db, copy, decisions, true);
      const { actions } = planned;
      const plan = describeMerge(copy, planned);
      await applyMerge(ctx, copy, actions, step);
      job.check();
      job.startWriting();
      const who = plan.coders.filter((c) => c.codings + c.memos > 0).map((c) => c.name);
      labelOperation(ctx.db, `Merge ${q(copy.name)}${who.length > 0 ? ` (${who.join(', ')})` : ''}`);
      ctx.audit('merge', 'project', null, { job: job.id, file: copy.name, format: copy.format, manifest: copy.manifest && { project: copy.manifest.projectName, coder: copy.manifest.coder, madeAt: copy.manifest.madeAt }, counts: actions.counts, decisions: actions.decisions });
      const { items: _items, ...rest } = plan;
      return { ...rest, decisions: actions.decisions, jobId: job.id };
    });
    discardCopies([stagedId]);
    return report;
  });
}


/** A name free among the siblings under `parentId`: the name itself, or with " (2)", " (3)"… */
function freeName(db: Db, parentId: number | null, name: string, exceptId = 0): string {
  let candidate = name;
  for (let n = 2; siblingNameTaken(db, parentId, candidate, exceptId); n++) candidate = `${name} (${n})`;
  return candidate;
}

async function applyMerge(ctx: Ctx, copy: LoadedCopy, actions: MergeActions, step: Step): Promise<void> {
  const { db } = ctx;
  const now = ctx.now();
  const via = { via: 'team merge', file: copy.name };
  const total = actions.addSources.length + 3;
  let done = 0;
  await step('Codebook', done++, total);

  const coderIds = new Map<string, number>();
  const coderOf = (name: string): number => {
    const key = fold(name);
    let id = coderIds.get(key);
    if (id === undefined) coderIds.set(key, (id = ensureCoder(db, name, now).id));
    return id;
  };
  for (const name of actions.coders) coderOf(name);

  const addedCodes = new Map<string, number>();
  const codeId = (ref: CodeRef): number => ('base' in ref ? Number(ref.base) : addedCodes.get(ref.added)!);
  for (const { code, parent } of actions.addCodes) {
    const parentId = parent === null ? null : codeId(parent);
    const name = freeName(db, parentId, code.name);
    const id = insertCode(db, { parentId, name, color: code.color, definition: code.definition, origin: code.origin }, ctx.coderId, now);
    storeExchangeGuid(db, 'code', id, code.guid);
    addedCodes.set(code.key, id);
    ctx.audit('create', 'code', id, { name, parentId, ...via });
  }
  for (const r of actions.renameCodes) {
    const id = Number(r.base);
    const code = getCode(db, id);
    if (!code) continue;
    if (siblingNameTaken(db, code.parentId, r.name, id)) {
      throw new ApiFailure('conflict', `Code “${code.name}” cannot be renamed “${r.name}”: a code of that name is already at that level here. Keep this project’s name, or rename one of them first.`, 'decisions');
    }
    renameCode(db, id, r.name);
    ctx.audit('rename', 'code', id, { before: code.name, after: r.name, ...via });
  }

  const addedSources = new Map<string, number>();
  const sourceId = (ref: SourceRef): number => ('base' in ref ? Number(ref.base) : addedSources.get(ref.added)!);
  for (const key of actions.addSources) {
    const guid = copy.rows.sources.find((s) => s.key === key)?.guid;
    const added = sourceOfCopy(ctx, copy, key);
    await step(`Adding ${added.name}`, done++, total);
    const id = insertSource(db, { kind: added.kind, name: added.name, text: added.text, origin: copy.name }, now);
    insertUnits(db, id, added.units);
    if (guid) storeExchangeGuid(db, 'source', id, guid);
    addedSources.set(key, id);
    ctx.audit('import', 'source', id, { kind: added.kind, ...via });
  }

  await step('Codings', done++, total);
  const texts = new Map<number, string>();
  const textOf = (id: number) => texts.get(id) ?? texts.set(id, getSourceText(db, id) ?? '').get(id)!;
  const newCodings: NewCodingRow[] = [];
  for (const c of actions.codings) {
    const sid = sourceId(c.source);
    const text = textOf(sid);
    if (c.end > text.length) throw new ApiFailure('bad_file', `${copy.name}: a coding of ${c.coderName} ends at ${c.end}, past the end of its source (${text.length} characters)`, 'file');
    newCodings.push({ sourceId: sid, codeId: codeId(c.code), start: c.start, end: c.end, quote: text.slice(c.start, c.end), coderId: coderOf(c.coderName), createdAt: c.coding.createdAt || now });
  }
  const codingIds = insertCodings(db, newCodings);

  await step('Memos', done++, total);
  const targetOf = (t: MemoRef): { targetKind: string; targetId: number | null } => {
    if (t.kind === 'project') return { targetKind: 'project', targetId: null };
    if (t.kind === 'source') return { targetKind: 'source', targetId: sourceId(t.source) };
    if (t.kind === 'code') return { targetKind: 'code', targetId: codeId(t.code) };
    if (t.kind === 'participant') return { targetKind: 'participant', targetId: Number(t.base) };
    return { targetKind: 'coding', targetId: 'base' in t ? Number(t.base) : codingIds[t.index]! };
  };
  for (const m of actions.addMemos) {
    const createdAt = m.memo.createdAt || now;
    insertImportedMemo(db, { ...targetOf(m.target), title: m.memo.title, body: m.memo.body, text: m.memo.text, coderId: coderOf(m.coderName), createdAt, updatedAt: m.memo.updatedAt || createdAt });
  }
  for (const u of actions.updateMemos) updateMemo(db, Number(u.base), { title: u.memo.title, body: u.memo.body, text: u.memo.text }, now);

  // What the coder changed or deleted in the copy, among what it held: the coding here gives way.
  const replaced = [
    ...actions.codings.flatMap((c, i) => (c.replaces === undefined ? [] : [{ base: Number(c.replaces), by: codingIds[i]! }])),
    ...actions.replaceByPresent.map((r) => ({ base: Number(r.base), by: Number(r.by) })),
  ];
  for (const r of replaced) {
    const before = getCoding(db, r.base);
    if (!before) continue;
    moveCodingMemos(db, r.base, r.by);
    deleteCoding(db, r.base);
    ctx.audit('replace', 'coding', r.base, { before: { sourceId: before.sourceId, codeId: before.codeId, start: before.start, end: before.end, quote: before.quote }, by: r.by, ...via });
  }
  for (const id of actions.removeCodings.map(Number)) {
    const coding = getCoding(db, id);
    if (!coding) continue;
    const memos = listCodingMemos(db, id);
    deleteCodingMemos(db, id);
    deleteCoding(db, id);
    ctx.audit('remove', 'coding', id, { sourceId: coding.sourceId, codeId: coding.codeId, start: coding.start, end: coding.end, quote: coding.quote, coder: coding.coderName, memos, ...via });
  }
  for (const id of actions.removeMemos.map(Number)) {
    const memo = getMemo(db, id);
    if (!memo) continue;
    deleteMemo(db, id);
    ctx.audit('delete', 'memo', id, { title: memo.title, text: memo.text, ...via });
  }

  deleteCodes(ctx, actions.deleteCodes.map(Number), via);
}

/**
 * Codes deleted in the copy and, as the researcher chose, here too, with their codings and
 * memos (the audit keeps what went). Deepest first; a sub-code the copy kept moves up to the
 * deleted code's parent rather than going with it.
 */
function deleteCodes(ctx: Ctx, ids: number[], via: object): void {
  const { db } = ctx;
  const depth = (id: number) => {
    let n = 0;
    for (let c = getCode(db, id); c && c.parentId !== null && n < 1000; c = getCode(db, c.parentId)) n++;
    return n;
  };
  const doomed = new Set(ids);
  for (const id of [...ids].sort((a, b) => depth(b) - depth(a))) {
    const code = getCode(db, id);
    if (!code) continue;
    for (const child of childCodeIds(db, id)) {
      if (doomed.has(child)) continue;
      const name = getCode(db, child)!.name;
      const free = freeName(db, code.parentId, name, child);
      if (free !== name) renameCode(db, child, free);
      placeCode(db, child, code.parentId, nextPosition(db, code.parentId));
    }
    const codings = listCodingsOfCodes(db, [id]);
    const memos = listMemosOnCodes(db, [id]);
    deleteMemosOnCodes(db, [id]);
    deleteCodingsOfCodes(db, [id]);
    deleteCode(db, id);
    ctx.audit('delete', 'code', id, { name: code.name, codings, memos, ...via });
  }
}

type AddedSource = { kind: 'interview' | 'questionnaire' | 'document'; name: string; text: string; units: NewUnit[] };

/** A source only in the copy, with its units: from the copy's file, or as the exchange reads a .qdpx. */
function sourceOfCopy(ctx: Ctx, copy: LoadedCopy, key: string): AddedSource {
  if (copy.format === 'qdpx') {
    const planned = copy.sources.get(key)!;
    const kind = planned.kind ?? 'document';
    const units = layoutUnits(planned.text, kind, [], null).map((u) => ({ kind: u.kind, start: u.start, end: u.end, speaker: u.speaker, isInterviewer: u.isInterviewer }));
    return { kind, name: planned.name, text: planned.text, units };
  }
  const s = copySource(copy.db, Number(key));
  if (!s) throw new ApiFailure('bad_file', `${copy.name}: source ${key} is listed but cannot be read`, 'file');
  const participants = new Map<string, number>();
  const participantOf = (label: string | null): number | null => {
    if (label === null) return null;
    const k = fold(label);
    let id = participants.get(k) ?? participantByLabel(ctx.db, label);
    if (id === undefined) {
      id = insertParticipant(ctx.db, { label, name: '', description: '' }, ctx.now());
      ctx.audit('create', 'participant', id, { label, via: 'team merge', file: copy.name });
    }
    participants.set(k, id);
    return id;
  };
  const units = copyUnits(copy.db, Number(key)).map((u) => ({
    kind: u.kind,
    start: u.start,
    end: u.end,
    participantId: participantOf(u.participantLabel),
    speaker: u.speaker,
    isInterviewer: u.isInterviewer === 1,
    timestampMs: u.timestampMs,
    page: u.page,
  }));
  return { kind: s.kind, name: s.name, text: s.text, units };
}
