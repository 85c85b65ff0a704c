import { describe, expect, it } from 'vitest';
import { MergeDecisionError, reanchor } from '../../../shared/domain/team/merge-resolve.ts';
import type { MergeCoding, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { code, TEXT } from './merge-fixtures.ts';
import { coding, memo, base, manifest, copy, merge } from './merge-resolve-rows.ts';

/** What a merge does with the answers: quotes found again, answers checked, codes and sources the copy brings. */

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
