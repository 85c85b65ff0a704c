import { mergeContext, mergeItems } from '../../../shared/domain/team/merge-plan.ts';
import type { CopyManifest, MergeCoding, MergeItem, MergeMemo, MergeMemoTarget, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { benManifest, code, TEXT } from './merge-fixtures.ts';

/** Rows for the tests of the questions a merge asks (merge-plan.ts): a project, Ben's copy of it, and the plan between them. */

export const MADE = '2026-02-01T00:00:00.000Z';

export const coding = (key: string, codeKey: string, coderKey: string, start: number, end: number, createdAt: string, sourceKey = '10'): MergeCoding =>
  ({ key, sourceKey, codeKey, coderKey, start, end, quote: TEXT.slice(start, end), createdAt });
export const memo = (key: string, coderKey: string, target: MergeMemoTarget, title: string, text: string, createdAt: string, updatedAt = createdAt): MergeMemo =>
  ({ key, target, coderKey, title, body: `<p>${text}</p>`, text, createdAt, updatedAt });

/** The project: Ana's coding 100 and memo 50; Ben's coding 98 with his memo 49 on it, and his project memo 48. All older than the copy. */
export const project = (): MergeRows => ({
  coders: [{ key: '1', name: 'Ana' }, { key: '2', name: 'Ben' }],
  sources: [{ key: '10', guid: 'gs-10', name: 'Interview PA', hash: 'h1' }],
  codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')],
  codings: [coding('98', '3', '2', 20, 30, '2026-01-15'), coding('100', '2', '1', 0, 10, '2026-01-01')],
  memos: [
    memo('48', '2', { kind: 'project' }, 'Plan', 'plan', '2026-01-15'),
    memo('49', '2', { kind: 'coding', key: '98' }, '', 'why', '2026-01-15'),
    memo('50', '1', { kind: 'project' }, 'Design', 'v1', '2026-01-01'),
  ],
  participants: [],
});

/** Ben's copy, made without the list of what it held (an older copy). */
export const manifest = benManifest({ madeAt: MADE, blind: false });

/** Ben's copy of these rows, listing what it held when made. */
export const heldFrom = (rows: MergeRows): CopyManifest => ({
  ...manifest,
  codes: rows.codes.map((c) => ({ guid: c.guid, name: c.name })),
  held: {
    codings: rows.codings.map((c) => [Number(c.key), Number(c.codeKey), c.start, c.end, c.createdAt]),
    memos: rows.memos.map((m) => [Number(m.key), m.createdAt, m.updatedAt]),
  },
});
export const held = heldFrom(project());

export const plan = (here: MergeRows, there: MergeRows, m: CopyManifest | null = held): MergeItem[] => mergeItems(mergeContext(here, there, m));
export const item = (items: MergeItem[], id: string) => items.find((i) => i.id === id);
export const ids = (items: MergeItem[]) => items.map((i) => i.id);

export const REMOVE_OPTIONS = [{ value: 'remove', label: 'Remove it here too' }, { value: 'keep', label: 'Keep it here' }];
export const MAP_OPTION = { value: 'map', label: 'Put its codings under another code…' };
