import { describe, expect, it } from 'vitest';
import type { MergeCoding } from '../../../shared/domain/team/merge-types.ts';
import { TEXT } from './merge-fixtures.ts';
import { coding, memo, project, heldFrom, held, plan, item, ids, REMOVE_OPTIONS } from './merge-plan-rows.ts';

/** The questions a merge asks about codings and memos the coder deleted or changed in the copy: the words, the options and the default, and what makes the merge ask. */

describe('codings the coder deleted in the copy', () => {
  /** Ben's copy with coding 98 and his memo 49 on it deleted. */
  const without98 = () => {
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '98');
    c.memos = c.memos.filter((x) => x.key !== '49');
    return c;
  };

  it('asks nothing about a coding deleted on both sides, even when the id was handed out again here', () => {
    const here = without98();
    expect(plan(here, without98())).toEqual([]);
    here.codings.push(coding('98', '2', '1', 40, 50, '2026-02-05'));
    expect(plan(here, without98())).toEqual([]);
  });

  it.each([
    ['its code', { codeKey: '2' }, 'Why / Value', '20–30', '“o-credenti”'],
    ['its end', { end: 33, quote: TEXT.slice(20, 33) }, 'Why / Demand', '20–33', '“o-credentials”'],
  ])('asks when the coding deleted in the copy had %s changed here since', (_what, change, path, span, quote) => {
    const here = without98();
    here.codings.unshift({ ...project().codings[0]!, ...change });
    expect(plan(here, without98())).toEqual([{
      id: 'coding-deleted:98', kind: 'coding-deleted', conflict: true, subject: `Coding ${path} in Interview PA`,
      detail: `Ben’s coding ${quote} (characters ${span}) was deleted in Ben’s copy, and changed here since the copy was made.`,
      options: REMOVE_OPTIONS,
      choice: null,
    }]);
  });

  it('asks about another coder’s coding deleted in the copy, saying whose it is', () => {
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '100');
    expect(plan(project(), c)).toEqual([{
      id: 'coding-deleted:100', kind: 'coding-deleted', conflict: true, subject: 'Coding Why / Value in Interview PA',
      detail: 'Ana’s (not Ben’s) coding “Why do we” (characters 0–10) was deleted in Ben’s copy.',
      options: REMOVE_OPTIONS,
      choice: null,
    }]);
  });

  it('says how many memos on it would go, and whether others wrote them', () => {
    const here = project();
    here.memos.push(memo('60', '1', { kind: 'coding', key: '100' }, '', 'my own reading', '2026-02-01'));
    const c = project();
    c.codings = c.codings.filter((x) => x.key !== '100');
    expect(plan(here, c)[0]!.detail).toBe('Ana’s (not Ben’s) coding “Why do we” (characters 0–10) was deleted in Ben’s copy; 1 memo on it here would go with it, written by other coders.');
    here.memos.push(memo('61', '1', { kind: 'coding', key: '100' }, '', 'still unsure', '2026-02-02'));
    expect(plan(here, c)[0]!.detail).toBe('Ana’s (not Ben’s) coding “Why do we” (characters 0–10) was deleted in Ben’s copy; 2 memos on it here would go with it, all written by other coders.');
  });

  it('does not count a memo on a code as a memo on the coding with the same id', () => {
    // Coding 3 and code 3 are different rows; Ana's memo is on the code.
    const here = project();
    here.codings.push(coding('3', '2', '2', 40, 50, '2026-01-10'));
    here.memos.push(memo('51', '1', { kind: 'code', key: '3' }, '', 'Demand is vague', '2026-01-20'));
    const m = heldFrom(here);
    const c = structuredClone(here);
    c.codings = c.codings.filter((x) => x.key !== '3');
    c.memos = c.memos.filter((x) => x.key !== '51');
    expect(plan(here, c, m)).toEqual([
      {
        id: 'coding-deleted:3', kind: 'coding-deleted', conflict: false, subject: 'Coding Why / Value in Interview PA',
        detail: 'Ben’s coding “se employe” (characters 40–50) was deleted in Ben’s copy.',
        options: REMOVE_OPTIONS,
        choice: 'remove',
      },
      {
        id: 'memo-deleted:51', kind: 'memo-deleted', conflict: true, subject: 'Memo Demand is vague',
        detail: 'Ana’s (not Ben’s) memo was deleted in Ben’s copy.',
        options: REMOVE_OPTIONS,
        choice: null,
      },
    ]);
  });

  it('quotes the coding on one line, shortened to 60 characters with an ellipsis past that', () => {
    const here = project();
    const quotes = [
      'Because   employers\n\nask for them.',
      'We offer micro-credentials because employers keep asking for proof of skills.',
      'Employers ask for proof, so we offer micro-credentials here.',
    ];
    expect(quotes[2]!.length).toBe(60);
    quotes.forEach((quote, i) => here.codings.push({ ...coding(String(90 + i), '2', '2', 100 + i, 160 + i, '2026-01-10'), quote }));
    const c = project();
    expect(plan(here, c, heldFrom(here)).map((i) => i.detail.slice(0, i.detail.indexOf(' (characters')))).toEqual([
      'Ben’s coding “Because employers ask for them.”',
      'Ben’s coding “We offer micro-credentials because employers keep asking fo…”',
      'Ben’s coding “Employers ask for proof, so we offer micro-credentials here.”',
    ]);
  });

  it('knows the copy’s coder by name whatever the case or spaces around it', () => {
    const here = project();
    here.coders[1] = { key: '2', name: 'Ben ' };
    expect(plan(here, without98(), { ...held, coder: ' ben' }).map((i) => [i.id, i.conflict, i.choice])).toEqual([['coding-deleted:98', false, 'remove']]);
  });

  it('asks about a coding by a coder the rows do not name, calling them another coder', () => {
    const here = project();
    here.coders = here.coders.filter((x) => x.key !== '2');
    expect(plan(here, without98()).map((i) => [i.id, i.conflict, i.choice, i.detail])).toEqual([
      ['coding-deleted:98', true, null, 'Another coder’s (not Ben’s) coding “o-credenti” (characters 20–30) was deleted in Ben’s copy; 1 memo on it here would go with it, written by other coders.'],
    ]);
  });
});

describe('codings the coder changed in the copy', () => {
  const changedInCopy = (change: Partial<MergeCoding>, here = project()) => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, ...change };
    return plan(here, c);
  };
  const changedHere = (change: Partial<MergeCoding>) => {
    const here = project();
    here.codings[0] = { ...here.codings[0]!, ...change };
    return here;
  };

  it('asks nothing about a coding changed only here', () => {
    expect(changedInCopy({}, changedHere({ start: 22, quote: TEXT.slice(22, 30) }))).toEqual([]);
  });

  it('takes the copy’s new start by default, saying only what changed', () => {
    const items = changedInCopy({ start: 22, quote: TEXT.slice(22, 30) });
    expect(ids(items)).toEqual(['coder:2', 'coding-changed:98']);
    expect(item(items, 'coder:2')!.detail).toBe('1 coding and 0 memos in the copy; a coder here already');
    expect(item(items, 'coding-changed:98')).toEqual({
      id: 'coding-changed:98', kind: 'coding-changed', conflict: false, subject: 'Coding Why / Demand in Interview PA',
      detail: 'Ben’s coding at characters 20–30 was changed in Ben’s copy: its extent to characters 22–30 “credenti”. Taking the copy’s version removes the coding here and adds Ben’s coding as changed.',
      options: [{ value: 'theirs', label: 'Take the copy’s version (the coding here is removed)' }, { value: 'ours', label: 'Keep the coding as it is here' }],
      choice: 'theirs',
    });
  });

  it('notices a new end alone', () => {
    expect(item(changedInCopy({ end: 33, quote: TEXT.slice(20, 33) }), 'coding-changed:98')!.detail)
      .toBe('Ben’s coding at characters 20–30 was changed in Ben’s copy: its extent to characters 20–33 “o-credentials”. Taking the copy’s version removes the coding here and adds Ben’s coding as changed.');
  });

  it('notices a new code alone', () => {
    expect(item(changedInCopy({ codeKey: '2' }), 'coding-changed:98')!.detail)
      .toBe('Ben’s coding at characters 20–30 was changed in Ben’s copy: its code to Why / Value. Taking the copy’s version removes the coding here and adds Ben’s coding as changed.');
  });

  it.each([
    ['the same extent under another code', { start: 22, quote: TEXT.slice(22, 30), codeKey: '2' }, 'its code to Why / Demand'],
    ['another start', { start: 21, quote: TEXT.slice(21, 30) }, 'its extent to characters 22–30 “credenti”'],
    ['another end', { start: 22, end: 31, quote: TEXT.slice(22, 31) }, 'its extent to characters 22–30 “credenti”'],
  ])('asks when the coding was changed here too, to %s', (_what, hereChange, what) => {
    const asked = item(changedInCopy({ start: 22, quote: TEXT.slice(22, 30) }, changedHere(hereChange)), 'coding-changed:98')!;
    expect([asked.conflict, asked.choice]).toEqual([true, null]);
    expect(asked.detail).toContain(`was changed in Ben’s copy: ${what}; it was changed here too since the copy was made.`);
  });

  it('asks whether to restore a coding changed in the copy and deleted here, naming the copy’s source', () => {
    const here = project();
    here.codings = here.codings.filter((x) => x.key !== '98');
    here.memos = here.memos.filter((x) => x.key !== '49');
    const c = project();
    c.sources[0] = { ...c.sources[0]!, name: 'Interview PA (Ben)' };
    c.codings[0] = { ...c.codings[0]!, end: 33, quote: TEXT.slice(20, 33) };
    expect(item(plan(here, c), 'coding-changed:98')).toEqual({
      id: 'coding-changed:98', kind: 'coding-changed', conflict: true, subject: 'Coding Why / Demand in Interview PA (Ben)',
      detail: 'Ben’s coding was changed in Ben’s copy (its extent to characters 20–33 “o-credentials” and its code to Why / Demand) and deleted here since the copy was made.',
      options: [{ value: 'theirs', label: 'Restore it as changed in the copy' }, { value: 'ours', label: 'Leave it deleted' }],
      choice: null,
    });
  });

  it('asks about a changed coding whose coder the copy does not name', () => {
    const c = project();
    c.coders = c.coders.filter((x) => x.key !== '2');
    c.codings[0] = { ...c.codings[0]!, start: 22, quote: TEXT.slice(22, 30) };
    expect(plan(project(), c).map((i) => [i.id, i.conflict, i.choice, i.detail])).toEqual([[
      'coding-changed:98', true, null,
      'Another coder’s (not Ben’s) coding at characters 20–30 was changed in Ben’s copy: its extent to characters 22–30 “credenti”. Taking the copy’s version removes the coding here and adds the coder’s coding as changed.',
    ]]);
  });

  it('still asks, rather than failing, about a coding a damaged copy moved to a code it does not list', () => {
    const c = project();
    c.codings[0] = { ...c.codings[0]!, codeKey: '9' };
    expect(plan(project(), c).map((i) => [i.id, i.conflict])).toEqual([['coder:2', false], ['coding-changed:98', false]]);
  });

  it('says “a source” when the rows do not list the coding’s source', () => {
    const here = project();
    here.sources = [];
    here.codings.push(coding('97', '2', '2', 40, 50, '2026-01-10'));
    const m = heldFrom(here);
    here.codings = here.codings.filter((x) => x.key !== '97');
    const c = project();
    c.sources = [];
    c.codings = [
      { ...c.codings[0]!, start: 22, quote: TEXT.slice(22, 30) },
      { ...coding('97', '2', '2', 40, 50, '2026-01-10'), end: 52 },
    ];
    expect(plan(here, c, m).filter((i) => i.kind !== 'coder').map((i) => [i.id, i.subject])).toEqual([
      ['coding-deleted:100', 'Coding Why / Value in a source'],
      ['coding-changed:98', 'Coding Why / Demand in a source'],
      ['coding-changed:97', 'Coding Why / Value in a source'],
    ]);
  });
});

describe('memos the coder deleted in the copy', () => {
  const deletedInCopy = (key: string) => {
    const c = project();
    c.memos = c.memos.filter((x) => x.key !== key);
    return c;
  };

  it('removes by default the coder’s own memo deleted in the copy, on a coding that stays', () => {
    expect(plan(project(), deletedInCopy('49'))).toEqual([{
      id: 'memo-deleted:49', kind: 'memo-deleted', conflict: false, subject: 'Memo why',
      detail: 'Ben’s memo was deleted in Ben’s copy.',
      options: REMOVE_OPTIONS,
      choice: 'remove',
    }]);
  });

  it('asks when the memo was edited here since, naming it by its title', () => {
    const here = project();
    here.memos[0] = { ...here.memos[0]!, body: '<p>plan 2</p>', text: 'plan 2', updatedAt: '2026-02-05' };
    expect(plan(here, deletedInCopy('48'))).toEqual([{
      id: 'memo-deleted:48', kind: 'memo-deleted', conflict: true, subject: 'Memo Plan',
      detail: 'Ben’s memo was deleted in Ben’s copy, and edited here since the copy was made.',
      options: REMOVE_OPTIONS,
      choice: null,
    }]);
  });

  it('names an untitled memo by the start of its text, or “(untitled)”', () => {
    const long = 'Employers ask for micro-credentials because they want quick proof of skills, not degrees.';
    const here = project();
    here.memos[0] = { ...here.memos[0]!, title: '', body: `<p>${long}</p>`, text: long };
    here.memos[2] = { ...here.memos[2]!, title: '', body: '', text: '' };
    const c = project();
    c.memos = c.memos.filter((x) => x.key === '49');
    expect(plan(here, c).map((i) => i.subject)).toEqual([`Memo ${long.slice(0, 60)}`, 'Memo (untitled)']);
  });

  it('asks nothing about a memo deleted on both sides', () => {
    expect(plan(deletedInCopy('48'), deletedInCopy('48'))).toEqual([]);
  });
});
