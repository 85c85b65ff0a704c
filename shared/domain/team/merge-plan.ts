import { matchRows, type Matching } from './merge-match.ts';
import type { CopyManifest, MergeCoding, MergeItem, MergeMemo, MergeRows } from './merge-types.ts';

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
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function mergeContext(base: MergeRows, copy: MergeRows, manifest: CopyManifest | null): MergeContext {
  const match = matchRows(base, copy, manifest);
  // New in the copy: an id past the last one it held when made, or made after it was (SQLite may
  // hand out again the id of a coding deleted in the copy).
  const codings = manifest ? copy.codings.filter((c) => Number(c.key) > manifest.lastCodingId || c.createdAt > manifest.madeAt) : copy.codings;
  const memos: MergeMemo[] = [];
  const editedMemos = new Map<string, string | null>();
  const baseMemos = new Map(base.memos.map((m) => [m.key, m]));
  for (const m of copy.memos) {
    if (!manifest || Number(m.key) > manifest.lastMemoId || m.createdAt > manifest.madeAt) memos.push(m);
    else if (m.updatedAt > manifest.madeAt) {
      const here = baseMemos.get(m.key);
      editedMemos.set(m.key, here && here.createdAt === m.createdAt ? here.key : null);
    }
  }
  return { base, copy, manifest, match, codings, memos, editedMemos };
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
  const codingsByCoder = countBy(ctx.codings, (c) => c.coderKey);
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
    if (ours && (ours.updatedAt <= manifest!.madeAt || ours.body === theirs.body)) continue;
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
  return items;
}
