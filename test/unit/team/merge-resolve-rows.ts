import { resolveMerge, type ResolveOptions } from '../../../shared/domain/team/merge-resolve.ts';
import type { CopyManifest, MergeCoding, MergeMemo, MergeMemoTarget, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { benManifest, code, TEXT } from './merge-fixtures.ts';

/** Rows for the tests of what a merge does (merge-resolve.ts): Ana's project and Ben's copy of it. */
export const coding = (key: string, codeKey: string, coderKey: string, start: number, end: number, over: Partial<MergeCoding> = {}): MergeCoding => ({
  key, sourceKey: '10', codeKey, coderKey, start, end, quote: TEXT.slice(start, end), createdAt: '2026-02-02', ...over,
});
export const memo = (key: string, target: MergeMemoTarget, coderKey: string, text: string, over: Partial<MergeMemo> = {}): MergeMemo => ({
  key, target, coderKey, title: '', body: `<p>${text}</p>`, text, createdAt: '2026-02-02', updatedAt: '2026-02-02', ...over,
});

/** The project: Ana coded "Why do we " as Value and wrote a project memo; one participant, PA. */
export const base = (): MergeRows => ({
  coders: [{ key: '1', name: 'Ana' }],
  sources: [{ key: '10', guid: 'gs-10', name: 'Interview PA', hash: 'h1' }],
  codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')],
  codings: [coding('100', '2', '1', 0, 10, { createdAt: '2026-01-01' })],
  memos: [memo('50', { kind: 'project' }, '1', 'v1', { title: 'Design', createdAt: '2026-01-01', updatedAt: '2026-01-01' })],
  participants: [{ key: '7', label: 'PA' }],
});

export const manifest = benManifest();

/** Ben's copy: the project as it was, plus Ben, who coded "Because employers ask for them." as Demand. */
export const copy = (): MergeRows => {
  const rows = base();
  rows.coders.push({ key: '2', name: 'Ben' });
  rows.codings.push(coding('101', '3', '2', 35, 66));
  return rows;
};

export const textOf = () => TEXT;
export const merge = (here: MergeRows, there: MergeRows, m: CopyManifest | null, over: Partial<ResolveOptions> = {}) => resolveMerge(here, there, m, { textOf, ...over });
