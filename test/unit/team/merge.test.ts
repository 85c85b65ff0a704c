import { describe, expect, it } from 'vitest';
import { MergeDecisionError, reanchor, resolveMerge } from '../../../shared/domain/team/merge-resolve.ts';
import type { CopyManifest, MergeCode, MergeRows } from '../../../shared/domain/team/merge-types.ts';

const code = (key: string, name: string, parentKey: string | null = null, guid = `g-${key}`): MergeCode => ({ key, guid, parentKey, name, color: '#336699', definition: '', origin: 'deductive' });
const TEXT = 'Why do we offer micro-credentials? Because employers ask for them.';

/** The project: two codes under Why, one source, Ana's coding. */
const base = (): MergeRows => ({
  coders: [{ key: '1', name: 'Ana' }],
  sources: [{ key: '10', guid: 'gs-10', name: 'Interview PA', hash: 'h1' }],
  codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')],
  codings: [{ key: '100', sourceKey: '10', codeKey: '2', coderKey: '1', start: 0, end: 10, quote: TEXT.slice(0, 10), createdAt: '2026-01-01' }],
  memos: [{ key: '50', target: { kind: 'project' }, coderKey: '1', title: 'Design', body: '<p>v1</p>', text: 'v1', createdAt: '2026-01-01', updatedAt: '2026-01-01' }],
  participants: [{ key: '7', label: 'PA' }],
});

const manifest: CopyManifest = {
  projectName: 'Study', madeAt: '2026-02-01T00:00:00.000Z', coder: 'Ben', blind: true,
  codes: [{ guid: 'g-1', name: 'Why' }, { guid: 'g-2', name: 'Value' }, { guid: 'g-3', name: 'Demand' }],
  lastCodingId: 100, lastMemoId: 50,
};

/** Ben's copy: the same, plus his work. */
const copy = (): MergeRows => {
  const rows = base();
  rows.coders.push({ key: '2', name: 'Ben' });
  rows.codings.push(
    { key: '101', sourceKey: '10', codeKey: '2', coderKey: '2', start: 0, end: 10, quote: TEXT.slice(0, 10), createdAt: '2026-02-02' },
    { key: '102', sourceKey: '10', codeKey: '3', coderKey: '2', start: 35, end: 66, quote: TEXT.slice(35, 66), createdAt: '2026-02-02' },
  );
  rows.memos.push({ key: '51', target: { kind: 'coding', key: '102' }, coderKey: '2', title: '', body: '<p>employers</p>', text: 'employers', createdAt: '2026-02-02', updatedAt: '2026-02-02' });
  return rows;
};

const textOf = () => TEXT;

describe('merging a coder’s copy', () => {
  it('matches sources by content and codes by identity, and brings only the work made in the copy', () => {
    const { items, actions } = resolveMerge(base(), copy(), manifest, { textOf, complete: true });
    expect(items.map((i) => [i.id, i.conflict, i.choice])).toEqual([['coder:2', false, 'bring']]);
    expect(actions.codings.map((c) => [c.coderName, c.code, c.source, c.start, c.end])).toEqual([
      ['Ben', { base: '2' }, { base: '10' }, 0, 10],
      ['Ben', { base: '3' }, { base: '10' }, 35, 66],
    ]);
    // Ana's coding was in the copy when it was made: not brought again.
    expect(actions.counts).toMatchObject({ coders: 1, codesMatched: 3, codesAdded: 0, sourcesMatched: 1, codings: 2, codingsPresent: 1, memos: 1 });
    expect(actions.addMemos[0]).toMatchObject({ coderName: 'Ben', target: { kind: 'coding', index: 1 } });
  });

  it('brings a coding made in the copy under an id SQLite handed out again (deleted there, made after the copy)', () => {
    const c = copy();
    // Ben deleted the project's coding 100 in his copy and made one that got its id again.
    c.codings[0] = { key: '100', sourceKey: '10', codeKey: '3', coderKey: '2', start: 20, end: 30, quote: TEXT.slice(20, 30), createdAt: '2026-02-03' };
    const { actions } = resolveMerge(base(), c, manifest, { textOf, complete: true });
    expect(actions.codings.map((x) => x.coding.key).sort()).toEqual(['100', '101', '102']);
  });

  it('finds the same work a second time already there', () => {
    const here = base();
    here.coders.push({ key: '2', name: 'ben' });
    here.codings.push({ key: '200', sourceKey: '10', codeKey: '2', coderKey: '2', start: 0, end: 10, quote: '', createdAt: '' });
    const { actions } = resolveMerge(here, copy(), null, { textOf });
    // without a manifest every coding is a candidate: Ana's and Ben's first are here already
    expect(actions.counts).toMatchObject({ codings: 1, codingsPresent: 2 });
  });

  it('matches a code by its path when identities differ, and asks about codes only in the copy', () => {
    const c = copy();
    c.codes = [code('1', 'Why', null, 'x1'), code('2', 'value', '1', 'x2'), code('3', 'Demand', '1', 'x3'), code('4', 'Cost', '1', 'x4'), code('5', 'Fees', '4', 'x5')];
    c.codings.push({ key: '103', sourceKey: '10', codeKey: '5', coderKey: '2', start: 20, end: 30, quote: TEXT.slice(20, 30), createdAt: '' });
    const { items, actions } = resolveMerge(base(), c, null, { textOf });
    expect(items.filter((i) => i.kind === 'code-new').map((i) => [i.subject, i.choice])).toEqual([['Code Why / Cost', 'add'], ['Code Why / Cost / Fees', 'add']]);
    expect(actions.addCodes.map((a) => [a.code.name, a.parent])).toEqual([['Cost', { base: '1' }], ['Fees', { added: '4' }]]);
    expect(actions.codings.find((x) => x.coding.key === '103')!.code).toEqual({ added: '5' });
    // mapped instead: its codings go under an existing code
    const mapped = resolveMerge(base(), c, null, { textOf, decisions: { 'code:4': 'drop', 'code:5': 'map:3' } }).actions;
    expect(mapped.addCodes).toEqual([]);
    expect(mapped.codings.find((x) => x.coding.key === '103')!.code).toEqual({ base: '3' });
  });

  it('takes a rename made only in the copy, and asks when both sides renamed', () => {
    const c = copy();
    c.codes[1] = { ...c.codes[1]!, name: 'Value added' };
    let r = resolveMerge(base(), c, manifest, { textOf, complete: true });
    expect(r.items.find((i) => i.id === 'code:2')).toMatchObject({ kind: 'code-renamed', conflict: false, choice: 'theirs' });
    expect(r.actions.renameCodes).toEqual([{ base: '2', name: 'Value added' }]);

    const here = base();
    here.codes[1] = { ...here.codes[1]!, name: 'Worth' };
    expect(() => resolveMerge(here, c, manifest, { textOf, complete: true })).toThrow(/Renamed on both sides.*Choose/);
    r = resolveMerge(here, c, manifest, { textOf, complete: true, decisions: { 'code:2': 'ours' } });
    expect(r.actions.renameCodes).toEqual([]);
    expect(r.actions.decisions).toContainEqual(expect.objectContaining({ subject: 'Code Why / Worth', answer: 'Keep “Worth”' }));
  });

  it('places codings again by their quote when the source text changed, if asked', () => {
    const c = copy();
    c.sources[0] = { ...c.sources[0]!, hash: 'h-changed' };
    expect(() => resolveMerge(base(), c, manifest, { textOf, complete: true })).toThrow(/Source Interview PA: Its text in the copy differs/);
    const moved = 'Intro. ' + TEXT;
    const r = resolveMerge(base(), c, manifest, { textOf: () => moved, complete: true, decisions: { 'source:10': 'reanchor' } });
    expect(r.actions.codings.map((x) => [x.start, x.end])).toEqual([[7, 17], [42, 73]]);
    const skipped = resolveMerge(base(), c, manifest, { textOf, complete: true, decisions: { 'source:10': 'skip' } });
    expect(skipped.actions.codings).toEqual([]);
    expect(skipped.actions.counts.codingsLeftOut).toBe(2);
    expect(skipped.actions.counts.memosLeftOut).toBe(1);
  });

  it('asks about a code deleted here and used in the copy, and one deleted in the copy and used here', () => {
    const here = base();
    here.codes = here.codes.filter((x) => x.key !== '3');
    let r = resolveMerge(here, copy(), manifest, { textOf });
    expect(r.items.find((i) => i.id === 'code:3')).toMatchObject({ kind: 'code-deleted-here', conflict: true, choice: null });
    r = resolveMerge(here, copy(), manifest, { textOf, complete: true, decisions: { 'code:3': 'add' } });
    expect(r.actions.addCodes.map((a) => [a.code.name, a.parent])).toEqual([['Demand', { base: '1' }]]);

    const c = copy();
    c.codes = c.codes.filter((x) => x.key !== '2');
    c.codings = c.codings.filter((x) => x.codeKey !== '2');
    r = resolveMerge(base(), c, manifest, { textOf });
    expect(r.items.find((i) => i.id === 'base-code:2')).toMatchObject({ kind: 'code-deleted-there', conflict: true });
    r = resolveMerge(base(), c, manifest, { textOf, complete: true, decisions: { 'base-code:2': 'delete' } });
    expect(r.actions.deleteCodes).toEqual(['2']);
  });

  it('updates a memo edited only in the copy, and asks when both sides edited it', () => {
    const c = copy();
    c.memos[0] = { ...c.memos[0]!, body: '<p>v2</p>', text: 'v2', updatedAt: '2026-02-03' };
    let r = resolveMerge(base(), c, manifest, { textOf, complete: true });
    expect(r.actions.updateMemos.map((u) => [u.base, u.memo.text])).toEqual([['50', 'v2']]);
    const here = base();
    here.memos[0] = { ...here.memos[0]!, body: '<p>v1b</p>', updatedAt: '2026-02-04' };
    expect(() => resolveMerge(here, c, manifest, { textOf, complete: true })).toThrow(/Edited on both sides/);
    r = resolveMerge(here, c, manifest, { textOf, complete: true, decisions: { 'memo:50': 'both' } });
    expect(r.actions.updateMemos).toEqual([]);
    expect(r.actions.addMemos.map((m) => m.memo.text)).toContain('v2');
  });

  it('leaves out the work of a coder not brought', () => {
    const r = resolveMerge(base(), copy(), manifest, { textOf, decisions: { 'coder:2': 'leave' } });
    expect(r.actions.codings).toEqual([]);
    expect(r.actions.counts).toMatchObject({ codingsLeftOut: 2, memosLeftOut: 1, coders: 0 });
  });

  it('refuses an answer to a question it did not ask, or one that is not an option', () => {
    expect(() => resolveMerge(base(), copy(), manifest, { textOf, decisions: { 'code:99': 'add' } })).toThrow(MergeDecisionError);
    expect(() => resolveMerge(base(), copy(), manifest, { textOf, decisions: { 'coder:2': 'maybe' } })).toThrow(/“maybe” is not an answer \(bring, leave\)/);
  });

  it('finds a quote again nearest to where it was', () => {
    expect(reanchor('ab ab ab', 'ab', 4)).toBe(3);
    expect(reanchor('ab', 'zz', 0)).toBe(-1);
  });
});
