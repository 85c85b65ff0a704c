import { describe, expect, it } from 'vitest';
import { MergeDecisionError, reanchor, resolveMerge } from '../../../shared/domain/team/merge-resolve.ts';
import type { CopyManifest, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { benManifest, code, TEXT } from './merge-fixtures.ts';


/** The project: two codes under Why, one source, Ana's coding. */
const base = (): MergeRows => ({
  coders: [{ key: '1', name: 'Ana' }],
  sources: [{ key: '10', guid: 'gs-10', name: 'Interview PA', hash: 'h1' }],
  codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')],
  codings: [{ key: '100', sourceKey: '10', codeKey: '2', coderKey: '1', start: 0, end: 10, quote: TEXT.slice(0, 10), createdAt: '2026-01-01' }],
  memos: [{ key: '50', target: { kind: 'project' }, coderKey: '1', title: 'Design', body: '<p>v1</p>', text: 'v1', createdAt: '2026-01-01', updatedAt: '2026-01-01' }],
  participants: [{ key: '7', label: 'PA' }],
});

const manifest = benManifest();

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

describe('what the coder deleted or changed in the copy among what it held', () => {
  /** The project: Ana's coding 100 and memo 50, Ben's coding 98 (with Ben's memo 49 on it) and his project memo 48, all older than the copy. */
  const project = (): MergeRows => {
    const rows = base();
    rows.coders.push({ key: '2', name: 'Ben' });
    rows.codings.unshift({ key: '98', sourceKey: '10', codeKey: '3', coderKey: '2', start: 20, end: 30, quote: TEXT.slice(20, 30), createdAt: '2026-01-15' });
    rows.memos.unshift(
      { key: '48', target: { kind: 'project' }, coderKey: '2', title: 'Plan', body: '<p>plan</p>', text: 'plan', createdAt: '2026-01-15', updatedAt: '2026-01-15' },
      { key: '49', target: { kind: 'coding', key: '98' }, coderKey: '2', title: '', body: '<p>why</p>', text: 'why', createdAt: '2026-01-15', updatedAt: '2026-01-15' },
    );
    return rows;
  };
  /** Ben's copy made with the others' codings, listing what it held. */
  const held: CopyManifest = { ...manifest, blind: false, held: {
      codings: [[98, 3, 20, 30, '2026-01-15'], [100, 2, 0, 10, '2026-01-01']],
      memos: [[48, '2026-01-15', '2026-01-15'], [49, '2026-01-15', '2026-01-15'], [50, '2026-01-01', '2026-01-01']],
    },
  };
  const run = (here: MergeRows, there: MergeRows, decisions: Record<string, string> = {}, m: CopyManifest | null = held) =>
    resolveMerge(here, there, m, { textOf, decisions, complete: false });

  it('carries back the coder’s own deletions by default, and keeps them when answered “keep”', () => {
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '98');
    c.memos = c.memos.filter((x) => x.key !== '48' && x.key !== '49');
    let r = run(project(), c);
    // The memo on the deleted coding goes with it: one question, not two.
    expect(r.items.map((i) => [i.id, i.kind, i.conflict, i.choice])).toEqual([
      ['coding-deleted:98', 'coding-deleted', false, 'remove'],
      ['memo-deleted:48', 'memo-deleted', false, 'remove'],
    ]);
    expect(r.items[0]!.detail).toBe('Ben’s coding “o-credenti” (characters 20–30) was deleted in Ben’s copy; 1 memo on it here would go with it.');
    expect(r.actions).toMatchObject({ removeCodings: ['98'], removeMemos: ['48'], codings: [] });
    expect(r.actions.counts).toMatchObject({ codingsRemoved: 1, memosRemoved: 1, codings: 0 });
    expect(r.actions.decisions).toContainEqual({ subject: 'Coding Why / Demand in Interview PA', detail: r.items[0]!.detail, answer: 'Remove it here too' });
    r = run(project(), c, { 'coding-deleted:98': 'keep', 'memo-deleted:48': 'keep' });
    expect(r.actions).toMatchObject({ removeCodings: [], removeMemos: [] });
  });

  it('asks, rather than removes by default, when another coder wrote a memo on the coding deleted in the copy', () => {
    const here = project();
    // Ana (not Ben) wrote on Ben's coding 98 after the copy was made.
    here.memos.push({ key: '60', target: { kind: 'coding', key: '98' }, coderKey: '1', title: '', body: '<p>disagree</p>', text: 'disagree', createdAt: '2026-02-01', updatedAt: '2026-02-01' });
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '98');
    c.memos = c.memos.filter((x) => x.key !== '49');
    const r = run(here, c);
    expect(r.items).toEqual([expect.objectContaining({ id: 'coding-deleted:98', conflict: true, choice: null })]);
    expect(r.items[0]!.detail).toBe('Ben’s coding “o-credenti” (characters 20–30) was deleted in Ben’s copy; 2 memos on it here would go with it, 1 of them written by other coders.');
    expect(r.actions.removeCodings).toEqual([]);
    expect(run(here, c, { 'coding-deleted:98': 'keep' }).actions.removeCodings).toEqual([]);
  });

  it('asks about another coder’s coding deleted in the copy, and refuses to merge unanswered', () => {
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '100');
    const r = run(project(), c);
    expect(r.items).toEqual([expect.objectContaining({ id: 'coding-deleted:100', conflict: true, choice: null })]);
    expect(r.items[0]!.detail).toContain('Ana’s (not Ben’s) coding');
    expect(r.actions.removeCodings).toEqual([]);
    expect(() => resolveMerge(project(), c, held, { textOf, complete: true })).toThrow(/deleted in Ben’s copy.*Choose what to do/);
    expect(run(project(), c, { 'coding-deleted:100': 'remove' }).actions.removeCodings).toEqual(['100']);
  });

  it('asks when a memo deleted in the copy was edited here since', () => {
    const c = project();
    c.memos = c.memos.filter((x) => x.key !== '48');
    const here = project();
    here.memos[0] = { ...here.memos[0]!, body: '<p>plan 2</p>', updatedAt: '2026-02-05' };
    expect(run(here, c).items).toEqual([expect.objectContaining({ id: 'memo-deleted:48', conflict: true, choice: null })]);
  });

  it('brings an adjusted coding at its new extent in place of the old one, not as a second coding', () => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, start: 24, end: 34, quote: TEXT.slice(24, 34) };
    let r = run(project(), c);
    expect(r.items.map((i) => [i.id, i.conflict, i.choice])).toEqual([['coder:2', false, 'bring'], ['coding-changed:98', false, 'theirs']]);
    expect(r.items[1]!.detail).toContain('its extent to characters 24–34');
    expect(r.actions.codings.map((x) => [x.coderName, x.start, x.end, x.replaces])).toEqual([['Ben', 24, 34, '98']]);
    expect(r.actions.counts).toMatchObject({ codings: 0, codingsReplaced: 1, codingsRemoved: 0 });
    // A memo on it (made in the copy after) follows the new version.
    c.memos.push({ key: '60', target: { kind: 'coding', key: '98' }, coderKey: '2', title: '', body: '<p>n</p>', text: 'n', createdAt: '2026-02-03', updatedAt: '2026-02-03' });
    expect(run(project(), c).actions.addMemos[0]!.target).toEqual({ kind: 'coding', index: 0 });
    r = run(project(), c, { 'coding-changed:98': 'ours' });
    expect(r.actions.codings).toEqual([]);
    expect(r.actions.addMemos[0]!.target).toEqual({ kind: 'coding', base: '98' });
  });

  it('replaces by the twin already here, asks when changed on both sides, and does nothing when changed alike', () => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, start: 0, end: 10, codeKey: '2', quote: TEXT.slice(0, 10) };
    const here = project();
    here.codings.push({ key: '120', sourceKey: '10', codeKey: '2', coderKey: '2', start: 0, end: 10, quote: '', createdAt: '2026-02-02' });
    let r = run(here, c);
    expect(r.items.find((i) => i.id === 'coding-changed:98')!.detail).toContain('its extent to characters 0–10 “Why do we” and its code to Why / Value');
    expect(r.actions).toMatchObject({ codings: [], replaceByPresent: [{ base: '98', by: '120' }] });

    const both = project();
    both.codings[0] = { ...both.codings[0]!, start: 21, end: 30 };
    r = run(both, c);
    expect(r.items.find((i) => i.id === 'coding-changed:98')).toMatchObject({ conflict: true, choice: null });
    expect(r.items.find((i) => i.id === 'coding-changed:98')!.detail).toContain('changed here too');

    const alike = project();
    alike.codings[0] = { ...alike.codings[0]!, start: 0, end: 10, codeKey: '2' };
    expect(run(alike, c).items).toEqual([]);
  });

  it('asks about a coding changed in the copy and deleted here', () => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, end: 33, quote: TEXT.slice(20, 33) };
    const here = project();
    here.codings = here.codings.filter((x) => x.key !== '98');
    const r = run(here, c);
    expect(r.items.find((i) => i.kind === 'coding-changed')).toMatchObject({ conflict: true, choice: null, options: [{ value: 'theirs', label: 'Restore it as changed in the copy' }, { value: 'ours', label: 'Leave it deleted' }] });
    expect(run(here, c, { 'coding-changed:98': 'theirs' }).actions.codings.map((x) => [x.end, x.replaces])).toEqual([[33, undefined]]);
  });

  it('knows a row by id and creation time: an id handed out again is new work, a clock ahead is no change', () => {
    const c = project();
    // Ben deleted his coding 98 and made another that SQLite gave id 98 again.
    c.codings[0] = { key: '98', sourceKey: '10', codeKey: '2', coderKey: '2', start: 40, end: 50, quote: TEXT.slice(40, 50), createdAt: '2026-02-03' };
    let r = run(project(), c);
    expect(r.items.map((i) => i.id)).toEqual(['coder:2', 'coding-deleted:98']);
    expect(r.actions.codings.map((x) => [x.start, x.end, x.replaces])).toEqual([[40, 50, undefined]]);
    // A coding the copy held, made on a machine whose clock was ahead of the one that made the copy.
    const ahead = project();
    ahead.codings[0] = { ...ahead.codings[0]!, createdAt: '2026-03-01' };
    const m = { ...held, held: { ...held.held!, codings: [[98, 3, 20, 30, '2026-03-01'], [100, 2, 0, 10, '2026-01-01']] as [number, number, number, number, string][] } };
    r = run(ahead, structuredClone(ahead), {}, m);
    expect(r.items).toEqual([]);
    expect(r.actions.counts).toMatchObject({ codings: 0, codingsPresent: 2, codingsRemoved: 0, codingsReplaced: 0 });
  });

  it('infers nothing without the list of what the copy held, or without a manifest, and says so', () => {
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '98');
    const { held: _held, ...old } = held;
    const r = run(project(), c, {}, old);
    expect(r.items).toEqual([]);
    expect(r.actions).toMatchObject({ removeCodings: [], removeMemos: [] });
    expect(r.actions.notes.join(' ')).toMatch(/deleted or changed in it are not carried back/);
    expect(run(project(), c, {}, null).actions.notes.join(' ')).toMatch(/no manifest.*nothing deleted or changed in it is inferred/);
    expect(run(project(), c).actions.notes).toEqual([]);
  });
});
