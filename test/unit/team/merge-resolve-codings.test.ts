import { describe, expect, it } from 'vitest';
import type { CopyManifest, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { code, TEXT } from './merge-fixtures.ts';
import { coding, memo, base, manifest, copy, merge } from './merge-resolve-rows.ts';

/** What a merge brings of codings and memos, and of what the coder changed in the copy. */

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
