import { mergeContext, mergeItems, type MergeContext } from './merge-plan.ts';
import type { CopyManifest, MergeCode, MergeCoding, MergeCounts, MergeItem, MergeMemo, MergeRows } from './merge-types.ts';

/**
 * The last step of a merge: the researcher's answers turned into the writes that carry them
 * out. Pure: the backend writes what this returns, in one transaction.
 */

export type CodeRef = { base: string } | { added: string };
export type SourceRef = { base: string } | { added: string };
export type MemoRef =
  | { kind: 'project' }
  | { kind: 'source'; source: SourceRef }
  | { kind: 'code'; code: CodeRef }
  | { kind: 'participant'; base: string }
  | { kind: 'coding'; base: string }
  /** A coding this merge adds: its index in `codings`. */
  | { kind: 'coding'; index: number };

/** A coding to add; `replaces`: the coding here it takes the place of (changed in the copy), whose memos move to it. */
export type PlannedCoding = { coding: MergeCoding; source: SourceRef; code: CodeRef; coderName: string; start: number; end: number; quote: string; replaces?: string };

export type MergeActions = {
  coders: string[];
  addCodes: { code: MergeCode; parent: CodeRef | null }[];
  renameCodes: { base: string; name: string }[];
  deleteCodes: string[];
  addSources: string[];
  codings: PlannedCoding[];
  addMemos: { memo: MergeMemo; target: MemoRef; coderName: string }[];
  updateMemos: { base: string; memo: MergeMemo }[];
  /** Codings here the copy's changed version replaces when it is already here (a twin): the base key and the twin's. */
  replaceByPresent: { base: string; by: string }[];
  /** Codings and memos here deleted in the copy, removed here too (a coding with the memos on it). */
  removeCodings: string[];
  removeMemos: string[];
  counts: MergeCounts;
  decisions: { subject: string; detail: string; answer: string }[];
  warnings: string[];
  notes: string[];
};

export class MergeDecisionError extends Error {}

const fold = (s: string) => s.trim().toLocaleLowerCase('en');

/** The occurrence of `quote` in `text` nearest to where it was; -1 when the text no longer holds it. */
export function reanchor(text: string, quote: string, near: number): number {
  if (quote === '') return -1;
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/** Checks the answers: each names an item and one of its options (or `map:<code>` where mapping is offered); every conflict answered when `complete`. */
function answers(items: readonly MergeItem[], given: Readonly<Record<string, string>>, baseCodes: ReadonlySet<string>, complete: boolean): Map<string, string> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out = new Map<string, string>();
  for (const [id, value] of Object.entries(given)) {
    const item = byId.get(id);
    if (!item) throw new MergeDecisionError(`The merge asks nothing about ${id}: preview the merge again`);
    const mapTo = value.startsWith('map:') ? value.slice(4) : null;
    if (mapTo !== null && item.options.some((o) => o.value === 'map')) {
      if (!baseCodes.has(mapTo)) throw new MergeDecisionError(`${item.subject}: code ${mapTo} does not exist in this project`);
    } else if (!item.options.some((o) => o.value === value)) {
      throw new MergeDecisionError(`${item.subject}: “${value}” is not an answer (${item.options.map((o) => o.value).join(', ')})`);
    }
    out.set(id, value);
  }
  for (const item of items) {
    if (out.has(item.id)) continue;
    if (item.choice !== null) out.set(item.id, item.choice);
    else if (complete) throw new MergeDecisionError(`${item.subject}: ${item.detail} Choose what to do before merging.`);
  }
  return out;
}

const emptyCounts = (): MergeCounts => ({
  coders: 0, codesAdded: 0, codesMatched: 0, codesRenamed: 0, codesDeleted: 0, sourcesMatched: 0, sourcesAdded: 0,
  codings: 0, codingsPresent: 0, codingsLeftOut: 0, memos: 0, memosUpdated: 0, memosLeftOut: 0, codingsRemoved: 0, codingsReplaced: 0, memosRemoved: 0,
});

function resolveCodes(ctx: MergeContext, chosen: Map<string, string>, actions: MergeActions): Map<string, CodeRef | null> {
  const { match, base } = ctx;
  const refs = new Map<string, CodeRef | null>();
  const baseChild = new Map(base.codes.map((c) => [`${c.parentKey ?? ''}\u0000${fold(c.name)}`, c.key]));
  const baseName = new Map(base.codes.map((c) => [c.key, c.name]));
  for (const c of match.codeOrder) {
    const m = match.codes.get(c.key)!;
    const answer = chosen.get(`code:${c.key}`);
    if ('base' in m) {
      refs.set(c.key, { base: m.base });
      actions.counts.codesMatched++;
      if (answer === 'theirs' && baseName.get(m.base) !== c.name) actions.renameCodes.push({ base: m.base, name: c.name });
      continue;
    }
    if (answer === undefined || answer === 'drop' || answer === 'ours') {
      refs.set(c.key, null);
      continue;
    }
    if (answer.startsWith('map:')) {
      refs.set(c.key, { base: answer.slice(4) });
      continue;
    }
    const parent = c.parentKey === null ? null : (refs.get(c.parentKey) ?? null);
    // Under a mapped parent a code of the same name may exist: that one is it.
    const twin = parent === null ? baseChild.get(`\u0000${fold(c.name)}`) : 'base' in parent ? baseChild.get(`${parent.base}\u0000${fold(c.name)}`) : undefined;
    if (twin !== undefined) refs.set(c.key, { base: twin });
    else {
      refs.set(c.key, { added: c.key });
      actions.addCodes.push({ code: c, parent });
      actions.counts.codesAdded++;
    }
  }
  actions.counts.codesRenamed = actions.renameCodes.length;
  for (const key of match.deletedThere) if (chosen.get(`base-code:${key}`) === 'delete') actions.deleteCodes.push(key);
  actions.counts.codesDeleted = actions.deleteCodes.length;
  return refs;
}

function resolveSources(ctx: MergeContext, chosen: Map<string, string>, actions: MergeActions): Map<string, { ref: SourceRef; reanchor: boolean } | null> {
  const refs = new Map<string, { ref: SourceRef; reanchor: boolean } | null>();
  for (const s of ctx.copy.sources) {
    const m = ctx.match.sources.get(s.key)!;
    const answer = chosen.get(`source:${s.key}`);
    if ('base' in m) {
      refs.set(s.key, { ref: { base: m.base }, reanchor: false });
      actions.counts.sourcesMatched++;
    } else if ('changed' in m) refs.set(s.key, answer === 'reanchor' ? { ref: { base: m.changed }, reanchor: true } : null);
    else if (answer === 'add') {
      refs.set(s.key, { ref: { added: s.key }, reanchor: false });
      actions.addSources.push(s.key);
      actions.counts.sourcesAdded++;
    } else refs.set(s.key, null);
  }
  return refs;
}

/** What a merge of this copy cannot see, said in the plan. */
function notesOf(manifest: CopyManifest | null): string[] {
  if (!manifest) return ['Not a coder’s copy made by Marginalia (it has no manifest): nothing deleted or changed in it is inferred; codings and memos it holds that this project lacks are brought.'];
  if (!manifest.held) return ['This copy does not list what it held when it was made (an earlier Marginalia made it): codings and memos deleted or changed in it are not carried back; only work made in it is.'];
  return [];
}

export type ResolveOptions = {
  /** The answers, by item id. */
  decisions?: Readonly<Record<string, string>>;
  /** Refuse while a conflict is unanswered (the merge itself); a preview counts it as left out. */
  complete?: boolean;
  /** A source's text here, for codings placed again by their quote. */
  textOf: (baseSourceKey: string) => string;
};

export function resolveMerge(base: MergeRows, copy: MergeRows, manifest: CopyManifest | null, options: ResolveOptions): { items: MergeItem[]; actions: MergeActions } {
  const ctx = mergeContext(base, copy, manifest);
  const items = mergeItems(ctx);
  const chosen = answers(items, options.decisions ?? {}, new Set(base.codes.map((c) => c.key)), options.complete ?? false);
  const actions: MergeActions = {
    coders: [], addCodes: [], renameCodes: [], deleteCodes: [], addSources: [], codings: [], addMemos: [], updateMemos: [],
    replaceByPresent: [], removeCodings: [], removeMemos: [], counts: emptyCounts(), decisions: [], warnings: [], notes: notesOf(manifest),
  };
  for (const item of items) {
    const answer = chosen.get(item.id);
    if (answer === undefined) continue;
    const label = answer.startsWith('map:') ? `Put under ${ctx.match.basePathOf(answer.slice(4))}` : (item.options.find((o) => o.value === answer)?.label ?? answer);
    actions.decisions.push({ subject: item.subject, detail: item.detail, answer: label });
  }
  const codeRefs = resolveCodes(ctx, chosen, actions);
  const sourceRefs = resolveSources(ctx, chosen, actions);
  const coderName = new Map(copy.coders.map((c) => [c.key, c.name]));
  const brought = (coderKey: string) => chosen.get(`coder:${coderKey}`) !== 'leave' && coderName.has(coderKey);
  actions.coders = copy.coders.filter((c) => chosen.get(`coder:${c.key}`) === 'bring').map((c) => c.name);
  actions.counts.coders = actions.coders.length;

  const baseCoder = new Map(base.coders.map((k) => [k.key, fold(k.name)]));
  const baseCodingByKey = new Map(base.codings.map((c) => [`${c.sourceKey}|${c.codeKey}|${baseCoder.get(c.coderKey) ?? ''}|${c.start}|${c.end}`, c.key]));
  const present = new Set(baseCodingByKey.keys());
  const keyOf = (source: SourceRef, code: CodeRef, coder: string, start: number, end: number) =>
    'base' in source && 'base' in code ? `${source.base}|${code.base}|${fold(coder)}|${start}|${end}` : null;
  const codingIndex = new Map<string, { base: string } | { index: number }>();
  actions.counts.codingsPresent = copy.codings.length - ctx.codings.length - ctx.changedCodings.length;
  const lost = new Map<string, number>();
  const planned = new Map<string, { index: number }>();
  // New codings, then the held ones the coder changed whose change is taken (in place of the coding here).
  const candidates: { c: MergeCoding; replaces?: string }[] = ctx.codings.map((c) => ({ c }));
  for (const { copy: c, base: here } of ctx.changedCodings) {
    if (chosen.get(`coding-changed:${c.key}`) === 'theirs') candidates.push(here ? { c, replaces: here.key } : { c });
    else actions.counts.codingsPresent++;
  }
  for (const { c, replaces } of candidates) {
    const source = sourceRefs.get(c.sourceKey);
    const code = codeRefs.get(c.codeKey);
    if (!source || !code || !brought(c.coderKey)) {
      actions.counts.codingsLeftOut++;
      continue;
    }
    let { start, end } = c;
    if (source.reanchor && 'base' in source.ref) {
      const at = reanchor(options.textOf(source.ref.base), c.quote, c.start);
      if (at < 0) {
        actions.counts.codingsLeftOut++;
        lost.set(c.sourceKey, (lost.get(c.sourceKey) ?? 0) + 1);
        continue;
      }
      start = at;
      end = at + c.quote.length;
    }
    const name = coderName.get(c.coderKey)!;
    const key = keyOf(source.ref, code, name, start, end);
    if (key !== null && present.has(key)) {
      const here = baseCodingByKey.get(key);
      // The coding here, or the copy's own twin listed before it (an export may list one twice).
      const twin = here !== undefined ? { base: here } : planned.get(key);
      if (twin !== undefined) codingIndex.set(c.key, twin);
      if (replaces !== undefined && here !== undefined && here !== replaces) {
        actions.replaceByPresent.push({ base: replaces, by: here });
        actions.counts.codingsReplaced++;
      } else actions.counts.codingsPresent++;
      continue;
    }
    if (key !== null) {
      present.add(key);
      planned.set(key, { index: actions.codings.length });
    }
    codingIndex.set(c.key, { index: actions.codings.length });
    actions.codings.push({ coding: c, source: source.ref, code, coderName: name, start, end, quote: c.quote, ...(replaces === undefined ? {} : { replaces }) });
    if (replaces !== undefined) actions.counts.codingsReplaced++;
  }
  actions.counts.codings = actions.codings.filter((c) => c.replaces === undefined).length;
  for (const { base: c } of ctx.removedCodings) if (chosen.get(`coding-deleted:${c.key}`) === 'remove') actions.removeCodings.push(c.key);
  for (const { base: m } of ctx.removedMemos) if (chosen.get(`memo-deleted:${m.key}`) === 'remove') actions.removeMemos.push(m.key);
  actions.counts.codingsRemoved = actions.removeCodings.length;
  actions.counts.memosRemoved = actions.removeMemos.length;
  const sourceName = new Map(copy.sources.map((s) => [s.key, s.name]));
  for (const [key, n] of lost) actions.warnings.push(`${sourceName.get(key)}: ${n} coding${n === 1 ? '' : 's'} left out, their quoted text is no longer in the source here`);

  resolveMemos(ctx, chosen, { codeRefs, sourceRefs, codingIndex, brought, coderName }, actions);
  return { items, actions };
}

type Refs = {
  codeRefs: Map<string, CodeRef | null>;
  sourceRefs: Map<string, { ref: SourceRef } | null>;
  codingIndex: Map<string, { base: string } | { index: number }>;
  brought: (coderKey: string) => boolean;
  coderName: Map<string, string>;
};

function resolveMemos(ctx: MergeContext, chosen: Map<string, string>, refs: Refs, actions: MergeActions): void {
  const { base, copy } = ctx;
  const participants = new Map(base.participants.map((p) => [fold(p.label), p.key]));
  const copyParticipants = new Map(copy.participants.map((p) => [p.key, p.label]));
  const baseCoder = new Map(base.coders.map((k) => [k.key, fold(k.name)]));
  const baseMemoKeys = new Set(base.memos.map((m) => `${m.target.kind}|${'key' in m.target ? m.target.key : ''}|${baseCoder.get(m.coderKey) ?? ''}|${m.text}`));
  const targetOf = (m: MergeMemo): MemoRef | null => {
    const t = m.target;
    if (t.kind === 'project') return { kind: 'project' };
    if (t.kind === 'source') {
      const s = refs.sourceRefs.get(t.key);
      return s ? { kind: 'source', source: s.ref } : null;
    }
    if (t.kind === 'code') {
      const c = refs.codeRefs.get(t.key);
      return c ? { kind: 'code', code: c } : null;
    }
    if (t.kind === 'participant') {
      const label = copyParticipants.get(t.key);
      const here = label === undefined ? undefined : participants.get(fold(label));
      return here === undefined ? null : { kind: 'participant', base: here };
    }
    const coding = refs.codingIndex.get(t.key) ?? (ctx.manifest && Number(t.key) <= ctx.manifest.lastCodingId && base.codings.some((c) => c.key === t.key) ? { base: t.key } : undefined);
    return coding === undefined ? null : { kind: 'coding', ...coding };
  };
  const plain = (r: MemoRef): string => (r.kind === 'project' ? 'project|' : r.kind === 'participant' ? `participant|${r.base}` : r.kind === 'coding' ? ('base' in r ? `coding|${r.base}` : '') : r.kind === 'source' ? ('base' in r.source ? `source|${r.source.base}` : '') : 'base' in r.code ? `code|${r.code.base}` : '');
  const add = (m: MergeMemo) => {
    if (!refs.brought(m.coderKey)) {
      actions.counts.memosLeftOut++;
      return;
    }
    const target = targetOf(m);
    if (target === null) {
      actions.counts.memosLeftOut++;
      actions.warnings.push(`Memo ${m.title || m.text.slice(0, 40) || '(untitled)'}: left out, what it is about is not in this project or not brought`);
      return;
    }
    const name = refs.coderName.get(m.coderKey)!;
    const same = plain(target);
    if (same !== '' && baseMemoKeys.has(`${same}|${fold(name)}|${m.text}`)) return;
    actions.addMemos.push({ memo: m, target, coderName: name });
  };
  for (const m of ctx.memos) add(m);
  const copyMemos = new Map(copy.memos.map((m) => [m.key, m]));
  const baseMemos = new Map(base.memos.map((m) => [m.key, m]));
  for (const [key, hereKey] of ctx.editedMemos) {
    const theirs = copyMemos.get(key)!;
    const ours = hereKey === null ? undefined : baseMemos.get(hereKey);
    const answer = chosen.get(`memo:${key}`);
    if (ours && ours.body === theirs.body && ours.title === theirs.title) continue;
    if (ours && (!ctx.editedSince(ours) || answer === 'theirs')) actions.updateMemos.push({ base: ours.key, memo: theirs });
    else if (answer === 'both' || (!ours && answer === 'theirs')) add(theirs);
  }
  actions.counts.memos = actions.addMemos.length;
  actions.counts.memosUpdated = actions.updateMemos.length;
}

