import { describe, expect, it } from 'vitest';
import { MergeDecisionError, reanchor, resolveMerge, type ResolveOptions } from '../../../shared/domain/team/merge-resolve.ts';
import type { CopyManifest, MergeCoding, MergeMemo, MergeMemoTarget, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { benManifest, code, TEXT } from './merge-fixtures.ts';


const coding = (key: string, codeKey: string, coderKey: string, start: number, end: number, over: Partial<MergeCoding> = {}): MergeCoding => ({
  key, sourceKey: '10', codeKey, coderKey, start, end, quote: TEXT.slice(start, end), createdAt: '2026-02-02', ...over,
});
const memo = (key: string, target: MergeMemoTarget, coderKey: string, text: string, over: Partial<MergeMemo> = {}): MergeMemo => ({
  key, target, coderKey, title: '', body: `<p>${text}</p>`, text, createdAt: '2026-02-02', updatedAt: '2026-02-02', ...over,
});

/** The project: Ana coded "Why do we " as Value and wrote a project memo; one participant, PA. */
const base = (): MergeRows => ({
  coders: [{ key: '1', name: 'Ana' }],
  sources: [{ key: '10', guid: 'gs-10', name: 'Interview PA', hash: 'h1' }],
  codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')],
  codings: [coding('100', '2', '1', 0, 10, { createdAt: '2026-01-01' })],
  memos: [memo('50', { kind: 'project' }, '1', 'v1', { title: 'Design', createdAt: '2026-01-01', updatedAt: '2026-01-01' })],
  participants: [{ key: '7', label: 'PA' }],
});

const manifest = benManifest();

/** Ben's copy: the project as it was, plus Ben, who coded "Because employers ask for them." as Demand. */
const copy = (): MergeRows => {
  const rows = base();
  rows.coders.push({ key: '2', name: 'Ben' });
  rows.codings.push(coding('101', '3', '2', 35, 66));
  return rows;
};

const textOf = () => TEXT;
const merge = (here: MergeRows, there: MergeRows, m: CopyManifest | null, over: Partial<ResolveOptions> = {}) => resolveMerge(here, there, m, { textOf, ...over });

describe('finding a quote again in a changed text', () => {
  it('finds nothing for an empty quote', () => {
    expect(reanchor(TEXT, '', 10)).toBe(-1);
  });

  it('keeps a quote found at the very start when that is nearest', () => {
    expect(reanchor('Yes. Well, yes. Yes.', 'Yes', 0)).toBe(0);
  });

  it('takes the earlier of two occurrences equally near', () => {
    expect(reanchor('no, no', 'no', 2)).toBe(0);
  });
});

describe('checking the researcher’s answers', () => {
  /** Ben also made a code Why / Cost, with a coding. */
  const withCost = () => {
    const c = copy();
    c.codes.push(code('4', 'Cost', '1'));
    c.codings.push(coding('102', '4', '2', 16, 33));
    return c;
  };

  it('names the question it did not ask', () => {
    expect(() => merge(base(), copy(), manifest, { decisions: { 'code:99': 'add' } })).toThrow('The merge asks nothing about code:99: preview the merge again');
  });

  it('refuses to put codings under another code where that is not offered', () => {
    expect(() => merge(base(), copy(), manifest, { decisions: { 'coder:2': 'map:1' } })).toThrow(/Coder Ben: “map:1” is not an answer \(bring, leave\)/);
  });

  it('refuses to put codings under a code the project does not have', () => {
    const run = () => merge(base(), withCost(), manifest, { decisions: { 'code:4': 'map:99' } });
    expect(run).toThrow(MergeDecisionError);
    expect(run).toThrow('Code Why / Cost: code 99 does not exist in this project');
  });

  it('records each answer in words, a mapping by the path of the code it goes under', () => {
    const { actions } = merge(base(), withCost(), manifest, { decisions: { 'code:4': 'map:3' } });
    expect(actions.decisions).toEqual([
      { subject: 'Coder Ben', detail: '2 codings and 0 memos in the copy; new to this project', answer: 'Bring Ben’s work' },
      { subject: 'Code Why / Cost', detail: 'Only in the copy, with 1 coding.', answer: 'Put under Why / Demand' },
    ]);
    expect(actions.codings.map((c) => [c.coding.key, c.code])).toEqual([['101', { base: '3' }], ['102', { base: '3' }]]);
  });

  it('records the label of the option chosen, not the first one', () => {
    const { actions } = merge(base(), copy(), manifest, { decisions: { 'coder:2': 'leave' } });
    expect(actions.decisions.map((d) => d.answer)).toEqual(['Leave it out']);
    expect(actions.coders).toEqual([]);
  });

  it('plans nothing extra for a plain merge: no new sources, no warnings', () => {
    const { actions } = merge(base(), copy(), manifest, { complete: true });
    expect(actions.coders).toEqual(['Ben']);
    expect(actions.addSources).toEqual([]);
    expect(actions.warnings).toEqual([]);
    expect(actions.counts).toMatchObject({ codings: 1, codingsPresent: 1, codingsReplaced: 0, sourcesAdded: 0 });
  });
});

describe('codes the copy brings', () => {
  it('adds a new top-level code, and counts each code added', () => {
    const c = copy();
    c.codes.push(code('4', 'Barriers'), code('5', 'Cost', '4'));
    c.codings.push(coding('102', '5', '2', 16, 33));
    const { actions } = merge(base(), c, manifest);
    expect(actions.addCodes.map((a) => [a.code.name, a.parent])).toEqual([['Barriers', null], ['Cost', { added: '4' }]]);
    expect(actions.counts.codesAdded).toBe(2);
    expect(actions.codings.find((x) => x.coding.key === '102')!.code).toEqual({ added: '5' });
  });

  it('puts a code under the code its parent was mapped to when one of the same name is there', () => {
    const c = copy();
    // Ben made "Reasons / Demand"; the researcher puts Reasons under Why, which has a Demand already.
    c.codes.push(code('4', 'Reasons'), code('5', 'demand', '4'));
    c.codings.push(coding('102', '5', '2', 43, 52));
    const { actions } = merge(base(), c, manifest, { decisions: { 'code:4': 'map:1' } });
    expect(actions.addCodes).toEqual([]);
    expect(actions.counts.codesAdded).toBe(0);
    expect(actions.codings.find((x) => x.coding.key === '102')!.code).toEqual({ base: '3' });
  });

  it('takes a second top-level code of the same name as the one already here', () => {
    const c = copy();
    // A second "Why" (with a stray space) made in the copy, besides the project's own.
    c.codes.push(code('6', 'why ', null, 'g-other'));
    c.codings.push(coding('102', '6', '2', 0, 10));
    const { actions } = merge(base(), c, manifest);
    expect(actions.addCodes).toEqual([]);
    expect(actions.codings.find((x) => x.coding.key === '102')!.code).toEqual({ base: '1' });
  });

  it('keeps a code deleted in the copy and unused here unless told to delete it', () => {
    const c = copy();
    c.codes = c.codes.filter((x) => x.key !== '3');
    c.codings = c.codings.filter((x) => x.codeKey !== '3');
    const { items, actions } = merge(base(), c, manifest);
    expect(items.find((i) => i.id === 'base-code:3')).toMatchObject({ conflict: false, choice: 'keep' });
    expect(actions.deleteCodes).toEqual([]);
    expect(actions.counts.codesDeleted).toBe(0);
  });
});

describe('sources the copy brings', () => {
  /** Ben added Interview PB (same opening sentence) with a coding and a memo on it. */
  const withNewSource = () => {
    const c = copy();
    c.sources.push({ key: '11', guid: 'gs-11', name: 'Interview PB', hash: 'h2' });
    c.codings.push(coding('102', '2', '2', 0, 10, { sourceKey: '11' }));
    c.memos.push(memo('51', { kind: 'source', key: '11' }, '2', 'Second interview, shorter.', { title: 'About PB' }));
    return c;
  };

  it('adds a source only in the copy, with its codings and memos', () => {
    const { actions } = merge(base(), withNewSource(), manifest);
    expect(actions.addSources).toEqual(['11']);
    expect(actions.counts.sourcesAdded).toBe(1);
    expect(actions.codings.find((x) => x.coding.key === '102')).toMatchObject({ source: { added: '11' }, start: 0, end: 10 });
    expect(actions.addMemos.map((m) => m.target)).toEqual([{ kind: 'source', source: { added: '11' } }]);
  });

  it('leaves out a new source when told to, with its codings and memos', () => {
    const { actions } = merge(base(), withNewSource(), manifest, { decisions: { 'source:11': 'skip' } });
    expect(actions.addSources).toEqual([]);
    expect(actions.counts).toMatchObject({ sourcesAdded: 0, codings: 1, codingsLeftOut: 1, memos: 0, memosLeftOut: 1 });
    expect(actions.warnings).toEqual(['Memo About PB: left out, what it is about is not in this project or not brought']);
  });

  it('places codings on an unchanged source by their offsets, without looking for the quote', () => {
    const c = copy();
    // A copy whose coding carries no quote (as some exports do).
    c.codings[1] = { ...c.codings[1]!, quote: '' };
    const { actions } = merge(base(), c, manifest, { textOf: () => 'an unrelated text' });
    expect(actions.codings.map((x) => [x.coding.key, x.start, x.end])).toEqual([['101', 35, 66]]);
    expect(actions.counts.codingsLeftOut).toBe(0);
  });

  describe('a source whose text changed', () => {
    const changed = (...extra: MergeCoding[]) => {
      const c = copy();
      c.sources[0] = { ...c.sources[0]!, hash: 'h-changed' };
      c.codings.push(coding('102', '2', '2', 0, 10), ...extra);
      return c;
    };
    const edited = 'Why do we offer badges? Because employers ask for them.';
    const run = (c: MergeRows) => merge(base(), c, manifest, { textOf: () => edited, decisions: { 'source:10': 'reanchor' } });

    it('keeps a coding whose quote is found at the start, and moves one found further on', () => {
      const { actions } = run(changed());
      expect(actions.codings.map((x) => [x.coding.key, x.start, x.end])).toEqual([['101', 24, 55], ['102', 0, 10]]);
      expect(actions.warnings).toEqual([]);
    });

    it('leaves out a coding whose quote is gone, and says how many for the source', () => {
      let { actions } = run(changed(coding('103', '3', '2', 16, 33)));
      expect(actions.codings.map((x) => x.coding.key)).toEqual(['101', '102']);
      expect(actions.counts.codingsLeftOut).toBe(1);
      expect(actions.warnings).toEqual(['Interview PA: 1 coding left out, their quoted text is no longer in the source here']);

      ({ actions } = run(changed(coding('103', '3', '2', 16, 33), coding('104', '2', '2', 10, 21))));
      expect(actions.counts.codingsLeftOut).toBe(2);
      expect(actions.warnings).toEqual(['Interview PA: 2 codings left out, their quoted text is no longer in the source here']);
    });
  });
});

describe('codings the copy brings', () => {
  it('brings two codings of one passage under two new codes', () => {
    const c = copy();
    c.codes.push(code('4', 'Employers'), code('5', 'Requests'));
    c.codings.push(coding('102', '4', '2', 35, 66), coding('103', '5', '2', 35, 66));
    const { actions } = merge(base(), c, manifest);
    expect(actions.codings.map((x) => [x.coding.key, x.code])).toEqual([['101', { base: '3' }], ['102', { added: '4' }], ['103', { added: '5' }]]);
    expect(actions.counts.codings).toBe(3);
  });

  it('brings a coding listed twice in an exported copy once, and a memo on either copy of it follows it', () => {
    const c = copy();
    c.codings.push(coding('102', '3', '2', 35, 66));
    c.memos.push(memo('51', { kind: 'coding', key: '102' }, '2', 'Employers drive this.'));
    const { actions } = merge(base(), c, null);
    expect(actions.codings.map((x) => x.coding.key)).toEqual(['101']);
    expect(actions.counts).toMatchObject({ codings: 1, codingsPresent: 2 });
    expect(actions.addMemos.map((m) => m.target)).toEqual([{ kind: 'coding', index: 0 }]);
    expect(actions.warnings).toEqual([]);
  });

  it('puts a memo on a coding already here when the copy’s coding is the same one', () => {
    const here = base();
    // Ben's coding came in with an earlier merge.
    here.coders.push({ key: '2', name: 'Ben' });
    here.codings.push(coding('200', '3', '2', 35, 66));
    const c = copy();
    c.memos.push(memo('51', { kind: 'coding', key: '101' }, '2', 'Employers drive this.'));
    const { actions } = merge(here, c, manifest);
    expect(actions.codings).toEqual([]);
    expect(actions.addMemos.map((m) => m.target)).toEqual([{ kind: 'coding', base: '200' }]);
  });

  it('tells apart coders whose names differ only as ß and ss, but not by a stray space', () => {
    const here = base();
    here.coders.push({ key: '2', name: 'Weiß' }, { key: '3', name: 'Ben ' });
    here.codings.push(coding('200', '3', '2', 35, 66), coding('201', '2', '3', 16, 33));
    const c = copy();
    c.coders.push({ key: '3', name: 'Weiss' });
    c.codings = [coding('101', '3', '3', 35, 66), coding('102', '2', '2', 16, 33)];
    const { actions } = merge(here, c, null);
    // Weiss's coding is new; Ben's is the one here already.
    expect(actions.codings.map((x) => [x.coderName, x.start, x.end])).toEqual([['Weiss', 35, 66]]);
    expect(actions.counts.codingsPresent).toBe(1);
  });
});

describe('what the coder changed in the copy among what it held', () => {
  /** The project: Ben's coding 98 ("o-credenti" as Demand) older than the copy, and Ana's 100. */
  const project = (): MergeRows => {
    const rows = base();
    rows.coders.push({ key: '2', name: 'Ben' });
    rows.codings.unshift(coding('98', '3', '2', 20, 30, { createdAt: '2026-01-15' }));
    return rows;
  };
  const held: CopyManifest = { ...manifest, blind: false, held: { codings: [[98, 3, 20, 30, '2026-01-15'], [100, 2, 0, 10, '2026-01-01']], memos: [[50, '2026-01-01', '2026-01-01']] } };

  it('counts the copy’s changed coding as present when its change is not taken', () => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, start: 16, end: 33, quote: TEXT.slice(16, 33) };
    let { actions } = merge(project(), c, held);
    expect(actions.counts).toMatchObject({ codings: 0, codingsReplaced: 1, codingsPresent: 1 });
    ({ actions } = merge(project(), c, held, { decisions: { 'coding-changed:98': 'ours' } }));
    expect(actions.codings).toEqual([]);
    expect(actions.counts).toMatchObject({ codings: 0, codingsReplaced: 0, codingsPresent: 2 });
  });

  it('counts a coding replaced by its twin already here', () => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, start: 35, end: 66, quote: TEXT.slice(35, 66) };
    const here = project();
    here.codings.push(coding('120', '3', '2', 35, 66));
    const { actions } = merge(here, c, held);
    expect(actions.replaceByPresent).toEqual([{ base: '98', by: '120' }]);
    expect(actions.counts).toMatchObject({ codings: 0, codingsReplaced: 1 });
  });

  it('changes nothing when the new code the coder moved a coding to is mapped back to its code here', () => {
    const c = project();
    c.codes.push(code('4', 'Employers', '1'));
    c.codings[0] = { ...c.codings[0]!, codeKey: '4' };
    const { actions } = merge(project(), c, held, { decisions: { 'code:4': 'map:3' } });
    expect(actions.replaceByPresent).toEqual([]);
    expect(actions.codings).toEqual([]);
    expect(actions.counts).toMatchObject({ codingsReplaced: 0, codingsPresent: 2 });
  });
});

describe('memos the copy brings', () => {
  /** A project with a memo of each kind by Ana; the copy (an export, without a manifest) holds them all. */
  const annotated = (): MergeRows => {
    const rows = base();
    rows.memos.push(
      memo('52', { kind: 'code', key: '2' }, '1', 'Value as the learners see it'),
      memo('53', { kind: 'coding', key: '100' }, '1', 'The opening question'),
      memo('54', { kind: 'source', key: '10' }, '1', 'Recorded in March'),
      memo('55', { kind: 'participant', key: '7' }, '1', 'Works in HR'),
    );
    return rows;
  };

  it('does not bring again memos of every kind the project already has', () => {
    const c = annotated();
    c.coders.push({ key: '2', name: 'Ben' });
    // The copy knows the participant under its own key, with the label in other case.
    c.participants = [{ key: '9', label: 'pa' }];
    c.memos.find((m) => m.key === '55')!.target = { kind: 'participant', key: '9' };
    c.memos.push(memo('60', { kind: 'project' }, '2', 'Ben’s plan'));
    const { actions } = merge(annotated(), c, null);
    expect(actions.addMemos.map((m) => m.memo.key)).toEqual(['60']);
    expect(actions.counts.memos).toBe(1);
  });

  it('brings a memo with the same words on something else', () => {
    const c = annotated();
    // The same words, but on Demand rather than Value, and on the project by Ana rather than Ben.
    c.memos.push(memo('61', { kind: 'code', key: '3' }, '1', 'Value as the learners see it'));
    const { actions } = merge(annotated(), c, null);
    expect(actions.addMemos.map((m) => [m.memo.key, m.target])).toEqual([['61', { kind: 'code', code: { base: '3' } }]]);
  });

  it('attaches memos to the code, participant or coding they are about', () => {
    const c = copy();
    c.codes.push(code('4', 'Barriers'));
    c.participants.push({ key: '8', label: 'PB' });
    c.memos.push(
      memo('51', { kind: 'code', key: '3' }, '2', 'Demand from employers'),
      memo('52', { kind: 'code', key: '4' }, '2', 'What stops them'),
      memo('53', { kind: 'participant', key: '7' }, '2', 'Hesitant at first'),
      memo('54', { kind: 'coding', key: '101' }, '2', 'Clear case'),
      // On Ana's coding, held by the copy when it was made (the last id it held).
      memo('55', { kind: 'coding', key: '100' }, '2', 'I agree'),
    );
    const { actions } = merge(base(), c, manifest);
    expect(actions.addMemos.map((m) => [m.memo.key, m.target, m.coderName])).toEqual([
      ['51', { kind: 'code', code: { base: '3' } }, 'Ben'],
      ['52', { kind: 'code', code: { added: '4' } }, 'Ben'],
      ['53', { kind: 'participant', base: '7' }, 'Ben'],
      ['54', { kind: 'coding', index: 0 }, 'Ben'],
      ['55', { kind: 'coding', base: '100' }, 'Ben'],
    ]);
    expect(actions.warnings).toEqual([]);
  });

  it('leaves out, with a warning naming it, a memo about something not in the project', () => {
    const c = copy();
    c.codes.push(code('4', 'Barriers'));
    c.participants.push({ key: '8', label: 'PB' });
    c.memos.push(
      memo('51', { kind: 'participant', key: '8' }, '2', 'Only interviewed in the copy', { title: 'PB notes' }),
      // A participant the copy does not list (a damaged file).
      memo('52', { kind: 'participant', key: '99' }, '2', 'x'.repeat(50)),
      memo('53', { kind: 'code', key: '4' }, '2', ''),
    );
    const { actions } = merge(base(), c, manifest, { decisions: { 'code:4': 'drop' } });
    expect(actions.addMemos).toEqual([]);
    expect(actions.counts.memosLeftOut).toBe(3);
    expect(actions.warnings).toEqual([
      'Memo PB notes: left out, what it is about is not in this project or not brought',
      `Memo ${'x'.repeat(40)}: left out, what it is about is not in this project or not brought`,
      'Memo (untitled): left out, what it is about is not in this project or not brought',
    ]);
  });

  it('does not put a memo on a coding here that only shares its id with the copy’s', () => {
    const here = base();
    // Ana coded here after the copy was made: her coding got id 101, as Ben's did in the copy.
    here.codings.push(coding('101', '2', '1', 16, 33));
    const c = copy();
    c.sources.push({ key: '11', guid: 'gs-11', name: 'Interview PB', hash: 'h2' });
    c.codings[1] = { ...c.codings[1]!, sourceKey: '11' };
    // And a memo on a coding the copy held that was deleted here since.
    c.codings.push(coding('99', '3', '1', 20, 30, { createdAt: '2026-01-10' }));
    c.memos.push(memo('51', { kind: 'coding', key: '101' }, '2', 'Clear case'), memo('52', { kind: 'coding', key: '99' }, '2', 'Why this one?'));
    const { actions } = merge(here, c, manifest, { decisions: { 'source:11': 'skip' } });
    expect(actions.addMemos).toEqual([]);
    expect(actions.counts.memosLeftOut).toBe(2);
  });

  it('leaves out, silently, the memos of a coder not brought', () => {
    const c = copy();
    c.memos.push(memo('51', { kind: 'project' }, '2', 'Ben’s plan'));
    const { actions } = merge(base(), c, manifest, { decisions: { 'coder:2': 'leave' } });
    expect(actions.addMemos).toEqual([]);
    expect(actions.counts.memosLeftOut).toBe(1);
    expect(actions.warnings).toEqual([]);
  });

  describe('a memo edited in the copy', () => {
    const editedThere = () => {
      const c = copy();
      c.memos[0] = { ...c.memos[0]!, body: '<p>v2</p>', text: 'v2', updatedAt: '2026-02-03' };
      return c;
    };
    const editedHereToo = () => {
      const here = base();
      here.memos[0] = { ...here.memos[0]!, body: '<p>v1b</p>', text: 'v1b', updatedAt: '2026-02-04' };
      return here;
    };

    it('takes the copy’s text, or keeps this one’s, as answered when both sides edited it', () => {
      let { actions } = merge(editedHereToo(), editedThere(), manifest, { decisions: { 'memo:50': 'theirs' } });
      expect(actions.updateMemos.map((u) => [u.base, u.memo.text])).toEqual([['50', 'v2']]);
      expect(actions.addMemos).toEqual([]);
      ({ actions } = merge(editedHereToo(), editedThere(), manifest, { decisions: { 'memo:50': 'ours' } }));
      expect(actions.updateMemos).toEqual([]);
      expect(actions.addMemos).toEqual([]);
      expect(actions.counts).toMatchObject({ memos: 0, memosUpdated: 0 });
    });

    it('restores a memo deleted here only when asked', () => {
      const here = base();
      here.memos = [];
      const restored = merge(here, editedThere(), manifest, { decisions: { 'memo:50': 'theirs' } });
      expect(restored.items.find((i) => i.id === 'memo:50')!.detail).toBe('Edited in the copy, deleted here.');
      expect(restored.actions.addMemos.map((m) => [m.memo.text, m.target])).toEqual([['v2', { kind: 'project' }]]);
      expect(merge(here, editedThere(), manifest, { decisions: { 'memo:50': 'ours' } }).actions.addMemos).toEqual([]);
    });

    it('takes a new title given in the copy to a memo not edited here', () => {
      const c = copy();
      c.memos[0] = { ...c.memos[0]!, title: 'Design decisions', updatedAt: '2026-02-03' };
      const { actions } = merge(base(), c, manifest, { complete: true });
      expect(actions.updateMemos.map((u) => [u.base, u.memo.title, u.memo.text])).toEqual([['50', 'Design decisions', 'v1']]);
      expect(actions.counts.memosUpdated).toBe(1);
    });

    it('updates nothing for a memo saved again in the copy without a change', () => {
      const c = copy();
      c.memos[0] = { ...c.memos[0]!, updatedAt: '2026-02-03' };
      const { actions } = merge(base(), c, manifest, { complete: true });
      expect(actions.updateMemos).toEqual([]);
      expect(actions.counts.memosUpdated).toBe(0);
    });
  });
});
