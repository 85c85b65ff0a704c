import { matchRows, type Matching } from './merge-match.ts';
import type { CopyManifest, HeldRows, MergeCoding, MergeItem, MergeMemo, MergeRows } from './merge-types.ts';

/**
 * The second step of a merge: the questions it asks. A conflict (a code renamed on both
 * sides, a source whose text changed, a code deleted on one side and used on the other, a memo
 * edited on both) has no default: the researcher answers it. A mapping (a new code, a new
 * source, whose work to bring) has a default they may change.
 */

export type MergeContext = {
  base: MergeRows;
  copy: MergeRows;
  manifest: CopyManifest | null;
  match: Matching;
  /** The copy's codings and memos made after the copy was (all of them without a manifest). */
  codings: MergeCoding[];
  memos: MergeMemo[];
  /** Edited in the copy after it was made, and kept in the project too: copy memo key → base memo key (null: gone here). */
  editedMemos: Map<string, string | null>;
  /** Edited since the copy was made: a memo here (by its updated time as the copy held it, or else after the copy was made). */
  editedSince: (m: MergeMemo) => boolean;
  /** Codings here that the copy held when made and the coder deleted there (only with the manifest's `held`). */
  removedCodings: { base: MergeCoding; changedHere: boolean }[];
  /** Memos here that the copy held when made and the coder deleted there (those on a removed coding go with it). */
  removedMemos: { base: MergeMemo; editedHere: boolean }[];
  /** Codings the copy held when made whose extent or code the coder changed there; `base` is the coding here (null: deleted here since). */
  changedCodings: { copy: MergeCoding; base: MergeCoding | null; changedHere: boolean }[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function mergeContext(base: MergeRows, copy: MergeRows, manifest: CopyManifest | null): MergeContext {
  const match = matchRows(base, copy, manifest);
  const held = manifest?.held ? heldKeys(manifest.held) : null;
  // New in the copy: not among the rows it held when made; without that list, an id past the
  // last one it held, or made after it was (SQLite may hand out again the id of a row deleted in
  // the copy); without a manifest, everything.
  const isNew = (r: { key: string; createdAt: string }, kind: 'codings' | 'memos', last: number) =>
    !manifest || (held ? held[kind].get(r.key)?.createdAt !== r.createdAt : Number(r.key) > last || r.createdAt > manifest.madeAt);
  const codings = copy.codings.filter((c) => isNew(c, 'codings', manifest?.lastCodingId ?? 0));
  const memos: MergeMemo[] = [];
  const editedMemos = new Map<string, string | null>();
  const baseMemos = new Map(base.memos.map((m) => [m.key, m]));
  const editedSince = (m: MergeMemo) => {
    const then = held?.memos.get(m.key);
    return then !== undefined && then.createdAt === m.createdAt ? m.updatedAt !== then.updatedAt : m.updatedAt > (manifest?.madeAt ?? '');
  };
  for (const m of copy.memos) {
    if (isNew(m, 'memos', manifest?.lastMemoId ?? 0)) memos.push(m);
    else if (editedSince(m)) {
      const here = baseMemos.get(m.key);
      editedMemos.set(m.key, here && here.createdAt === m.createdAt ? here.key : null);
    }
  }
  const ctx: MergeContext = { base, copy, manifest, match, codings, memos, editedMemos, editedSince, removedCodings: [], removedMemos: [], changedCodings: [] };
  if (held) heldSinceMade(ctx, held);
  return ctx;
}

type HeldKeys = {
  codings: Map<string, { codeKey: string; start: number; end: number; createdAt: string }>;
  memos: Map<string, { createdAt: string; updatedAt: string }>;
};

const heldKeys = (held: HeldRows): HeldKeys => ({
  codings: new Map(held.codings.map(([id, code, start, end, createdAt]) => [String(id), { codeKey: String(code), start, end, createdAt }])),
  memos: new Map(held.memos.map(([id, createdAt, updatedAt]) => [String(id), { createdAt, updatedAt }])),
});

/** The project's code a copy's code is matched to, if any. */
function baseCodeOf(match: Matching, copyCodeKey: string): string | null {
  const m = match.codes.get(copyCodeKey);
  return m !== undefined && 'base' in m ? m.base : null;
}

/**
 * What the coder deleted or changed in the copy among what it held when made: each held coding
 * and memo looked up in the copy now and in the project now, by id and creation time.
 */
function heldSinceMade(ctx: MergeContext, held: HeldKeys): void {
  const { base, copy, match } = ctx;
  const copyCodings = new Map(copy.codings.map((c) => [c.key, c]));
  const baseCodings = new Map(base.codings.map((c) => [c.key, c]));
  const removedHere = new Set<string>();
  for (const [key, then] of held.codings) {
    const theirs = copyCodings.get(key);
    const ours = baseCodings.get(key);
    const inCopy = theirs?.createdAt === then.createdAt ? theirs : undefined;
    const here = ours?.createdAt === then.createdAt ? ours : undefined;
    const changedHere = here !== undefined && (here.codeKey !== then.codeKey || here.start !== then.start || here.end !== then.end);
    if (inCopy === undefined) {
      if (here === undefined) continue;
      ctx.removedCodings.push({ base: here, changedHere });
      removedHere.add(key);
      continue;
    }
    if (inCopy.codeKey === then.codeKey && inCopy.start === then.start && inCopy.end === then.end) continue;
    // Changed the same way on both sides: nothing to do.
    if (here && baseCodeOf(match, inCopy.codeKey) === here.codeKey && here.start === inCopy.start && here.end === inCopy.end) continue;
    ctx.changedCodings.push({ copy: inCopy, base: here ?? null, changedHere });
  }
  const copyMemos = new Map(copy.memos.map((m) => [m.key, m]));
  const baseMemos = new Map(base.memos.map((m) => [m.key, m]));
  for (const [key, then] of held.memos) {
    const here = baseMemos.get(key);
    if (copyMemos.get(key)?.createdAt === then.createdAt || here?.createdAt !== then.createdAt) continue;
    // A memo on a coding the coder removed goes with that coding (as removing a coding does).
    if (here.target.kind === 'coding' && removedHere.has(here.target.key)) continue;
    ctx.removedMemos.push({ base: here, editedHere: ctx.editedSince(here) });
  }
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) out.set(key(t), (out.get(key(t)) ?? 0) + 1);
  return out;
}

const MAP_OPTION = { value: 'map', label: 'Put its codings under another code…' };

export function mergeItems(ctx: MergeContext): MergeItem[] {
  const { base, copy, manifest, match } = ctx;
  const items: MergeItem[] = [];
  const codingsByCoder = countBy([...ctx.codings, ...ctx.changedCodings.map((c) => c.copy)], (c) => c.coderKey);
  const memosByCoder = countBy(ctx.memos, (m) => m.coderKey);
  for (const c of copy.coders) {
    const codings = codingsByCoder.get(c.key) ?? 0;
    const memos = memosByCoder.get(c.key) ?? 0;
    if (codings + memos === 0) continue;
    items.push({
      id: `coder:${c.key}`,
      kind: 'coder',
      conflict: false,
      subject: `Coder ${c.name}`,
      detail: `${plural(codings, 'coding')} and ${plural(memos, 'memo')} in the copy; ${match.coders.get(c.key) ? 'a coder here already' : 'new to this project'}`,
      options: [{ value: 'bring', label: `Bring ${c.name}’s work` }, { value: 'leave', label: 'Leave it out' }],
      choice: 'bring',
    });
  }

  const codingsBySource = countBy(ctx.codings, (c) => c.sourceKey);
  for (const s of copy.sources) {
    const m = match.sources.get(s.key)!;
    const n = codingsBySource.get(s.key) ?? 0;
    if ('changed' in m) {
      if (n === 0) continue;
      items.push({
        id: `source:${s.key}`,
        kind: 'source-changed',
        conflict: true,
        subject: `Source ${s.name}`,
        detail: `Its text in the copy differs from the text here; ${plural(n, 'coding')} of the copy are on it.`,
        options: [
          { value: 'reanchor', label: 'Place the codings where their quoted text is found here' },
          { value: 'skip', label: 'Leave its codings out' },
        ],
        choice: null,
      });
    } else if ('none' in m) {
      items.push({
        id: `source:${s.key}`,
        kind: 'source-new',
        conflict: false,
        subject: `Source ${s.name}`,
        detail: `Only in the copy, with ${plural(n, 'coding')}.`,
        options: [{ value: 'add', label: 'Add it to the project' }, { value: 'skip', label: 'Leave it and its codings out' }],
        choice: 'add',
      });
    }
  }

  const codingsByCode = countBy(ctx.codings, (c) => c.codeKey);
  const baseCodes = new Map(base.codes.map((c) => [c.key, c]));
  const namedThen = new Map(manifest?.codes.map((c) => [c.guid, c.name]) ?? []);
  for (const c of match.codeOrder) {
    const m = match.codes.get(c.key)!;
    const n = codingsByCode.get(c.key) ?? 0;
    const path = match.pathOf(c.key);
    if ('base' in m) {
      const here = baseCodes.get(m.base)!;
      if (m.how !== 'identity' || here.name === c.name) continue;
      const then = namedThen.get(c.guid);
      if (then !== undefined && then !== c.name && then === here.name) {
        items.push({
          id: `code:${c.key}`,
          kind: 'code-renamed',
          conflict: false,
          subject: `Code ${match.basePathOf(here.key)}`,
          detail: `Renamed in the copy to “${c.name}”.`,
          options: [{ value: 'theirs', label: `Rename it “${c.name}”` }, { value: 'ours', label: `Keep “${here.name}”` }],
          choice: 'theirs',
        });
      } else if (then === undefined || then !== c.name) {
        items.push({
          id: `code:${c.key}`,
          kind: 'code-renamed',
          conflict: true,
          subject: `Code ${match.basePathOf(here.key)}`,
          detail: then === undefined ? `Named “${c.name}” in the copy.` : `Renamed on both sides since the copy was made (it was “${then}”): “${here.name}” here, “${c.name}” in the copy.`,
          options: [{ value: 'ours', label: `Keep “${here.name}”` }, { value: 'theirs', label: `Rename it “${c.name}”` }],
          choice: null,
        });
      }
    } else if ('deletedHere' in m) {
      if (n === 0) continue;
      items.push({
        id: `code:${c.key}`,
        kind: 'code-deleted-here',
        conflict: true,
        subject: `Code ${path}`,
        detail: `Deleted here since the copy was made, but the copy uses it: ${plural(n, 'coding')}.`,
        options: [{ value: 'add', label: 'Restore the code with these codings' }, MAP_OPTION, { value: 'drop', label: 'Leave these codings out' }],
        choice: null,
      });
    } else {
      const parent = c.parentKey === null ? null : match.codes.get(c.parentKey);
      items.push({
        id: `code:${c.key}`,
        kind: 'code-new',
        conflict: false,
        subject: `Code ${path}`,
        detail: `Only in the copy${parent && !('base' in parent) ? ' (under a code also new)' : ''}, with ${plural(n, 'coding')}.`,
        options: [{ value: 'add', label: 'Add it to the codebook' }, MAP_OPTION, { value: 'drop', label: n > 0 ? 'Leave it and its codings out' : 'Leave it out' }],
        choice: 'add',
      });
    }
  }

  const baseCodingsByCode = countBy(base.codings, (c) => c.codeKey);
  for (const key of match.deletedThere) {
    const n = baseCodingsByCode.get(key) ?? 0;
    items.push({
      id: `base-code:${key}`,
      kind: 'code-deleted-there',
      conflict: n > 0,
      subject: `Code ${match.basePathOf(key)}`,
      detail: n > 0 ? `Deleted in the copy, but used here: ${plural(n, 'coding')}.` : 'Deleted in the copy; no coding uses it here.',
      options: [{ value: 'keep', label: 'Keep it' }, { value: 'delete', label: n > 0 ? `Delete it here too, with its ${plural(n, 'coding')}` : 'Delete it here too' }],
      choice: n > 0 ? null : 'keep',
    });
  }

  const copyMemos = new Map(copy.memos.map((m) => [m.key, m]));
  const baseMemos = new Map(base.memos.map((m) => [m.key, m]));
  for (const [key, hereKey] of ctx.editedMemos) {
    const theirs = copyMemos.get(key)!;
    const ours = hereKey === null ? undefined : baseMemos.get(hereKey);
    const title = theirs.title || theirs.text.slice(0, 60) || '(untitled)';
    if (ours && (!ctx.editedSince(ours) || ours.body === theirs.body)) continue;
    items.push({
      id: `memo:${key}`,
      kind: 'memo-edited',
      conflict: true,
      subject: `Memo ${title}`,
      detail: ours ? 'Edited on both sides since the copy was made.' : 'Edited in the copy, deleted here.',
      options: ours
        ? [{ value: 'ours', label: 'Keep this project’s text' }, { value: 'theirs', label: 'Take the copy’s text' }, { value: 'both', label: 'Keep both (the copy’s as a new memo)' }]
        : [{ value: 'theirs', label: 'Restore it with the copy’s text' }, { value: 'ours', label: 'Leave it deleted' }],
      choice: null,
    });
  }
  items.push(...heldItems(ctx));
  return items;
}

const REMOVE_OPTIONS = [{ value: 'remove', label: 'Remove it here too' }, { value: 'keep', label: 'Keep it here' }];
const span = (c: { start: number; end: number }) => `characters ${c.start.toLocaleString('en')}–${c.end.toLocaleString('en')}`;
const excerpt = (text: string, max = 60) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
};

/** The questions about what the coder deleted or changed in the copy among what it held when made. */
function heldItems(ctx: MergeContext): MergeItem[] {
  const { base, copy, manifest, match } = ctx;
  if (!manifest) return [];
  const items: MergeItem[] = [];
  const baseCoder = new Map(base.coders.map((c) => [c.key, c.name]));
  const copyCoder = new Map(copy.coders.map((c) => [c.key, c.name]));
  const sourceName = new Map(base.sources.map((s) => [s.key, s.name]));
  const copySourceName = new Map(copy.sources.map((s) => [s.key, s.name]));
  const own = (name: string | undefined) => name !== undefined && name.trim().toLocaleLowerCase('en') === manifest.coder.trim().toLocaleLowerCase('en');
  const memosOn = countBy(base.memos.filter((m) => m.target.kind === 'coding'), (m) => ('key' in m.target ? m.target.key : ''));
  // Memos others wrote on a coding: removing the coding would take their words with it, so never by default.
  const othersMemosOn = countBy(
    base.memos.filter((m) => m.target.kind === 'coding' && !own(baseCoder.get(m.coderKey))),
    (m) => ('key' in m.target ? m.target.key : ''),
  );
  const whose = (name: string | undefined) => (own(name) ? `${name}’s` : `${name ?? 'Another coder'}’s (not ${manifest.coder}’s)`);

  for (const { base: c, changedHere } of ctx.removedCodings) {
    const coder = baseCoder.get(c.coderKey);
    const memos = memosOn.get(c.key) ?? 0;
    const othersMemos = othersMemosOn.get(c.key) ?? 0;
    const conflict = !own(coder) || changedHere || othersMemos > 0;
    items.push({
      id: `coding-deleted:${c.key}`,
      kind: 'coding-deleted',
      conflict,
      subject: `Coding ${match.basePathOf(c.codeKey)} in ${sourceName.get(c.sourceKey) ?? 'a source'}`,
      detail:
        `${whose(coder)} coding ${excerpt(c.quote)} (${span(c)}) was deleted in ${manifest.coder}’s copy` +
        (changedHere ? ', and changed here since the copy was made' : '') +
        (memos > 0 ? `; ${plural(memos, 'memo')} on it here would go with it${othersMemos > 0 ? `, ${othersMemos === memos ? (memos === 1 ? 'written' : 'all written') : `${othersMemos.toLocaleString('en')} of them written`} by other coders` : ''}.` : '.'),
      options: REMOVE_OPTIONS,
      choice: conflict ? null : 'remove',
    });
  }

  for (const { copy: c, base: here, changedHere } of ctx.changedCodings) {
    const coder = copyCoder.get(c.coderKey);
    const conflict = !own(coder) || here === null || changedHere;
    const what: string[] = [];
    if (here === null || here.start !== c.start || here.end !== c.end) what.push(`its extent to ${span(c)} ${excerpt(c.quote)}`);
    if (here === null || baseCodeOf(match, c.codeKey) !== here.codeKey) what.push(`its code to ${match.pathOf(c.codeKey)}`);
    const where = here ? `${match.basePathOf(here.codeKey)} in ${sourceName.get(here.sourceKey) ?? 'a source'}` : `${match.pathOf(c.codeKey)} in ${copySourceName.get(c.sourceKey) ?? 'a source'}`;
    items.push({
      id: `coding-changed:${c.key}`,
      kind: 'coding-changed',
      conflict,
      subject: `Coding ${where}`,
      detail: here
        ? `${whose(coder)} coding at ${span(here)} was changed in ${manifest.coder}’s copy: ${what.join(' and ')}${changedHere ? '; it was changed here too since the copy was made' : ''}. Taking the copy’s version removes the coding here and adds ${coder ?? 'the coder'}’s coding as changed.`
        : `${whose(coder)} coding was changed in ${manifest.coder}’s copy (${what.join(' and ')}) and deleted here since the copy was made.`,
      options: here
        ? [{ value: 'theirs', label: 'Take the copy’s version (the coding here is removed)' }, { value: 'ours', label: 'Keep the coding as it is here' }]
        : [{ value: 'theirs', label: 'Restore it as changed in the copy' }, { value: 'ours', label: 'Leave it deleted' }],
      choice: conflict ? null : 'theirs',
    });
  }

  for (const { base: m, editedHere } of ctx.removedMemos) {
    const coder = baseCoder.get(m.coderKey);
    const conflict = !own(coder) || editedHere;
    items.push({
      id: `memo-deleted:${m.key}`,
      kind: 'memo-deleted',
      conflict,
      subject: `Memo ${m.title || m.text.slice(0, 60) || '(untitled)'}`,
      detail: `${whose(coder)} memo was deleted in ${manifest.coder}’s copy${editedHere ? ', and edited here since the copy was made' : ''}.`,
      options: REMOVE_OPTIONS,
      choice: conflict ? null : 'remove',
    });
  }
  return items;
}
