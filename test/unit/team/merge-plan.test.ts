import { describe, expect, it } from 'vitest';
import { mergeContext, mergeItems } from '../../../shared/domain/team/merge-plan.ts';
import type { CopyManifest, MergeCoding, MergeItem, MergeMemo, MergeMemoTarget, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { benManifest, code, TEXT } from './merge-fixtures.ts';

/**
 * The questions a merge asks (merge-plan.ts): each kind of question with the words the
 * researcher reads, its options and its default, and what makes the merge ask it or not.
 */

const MADE = '2026-02-01T00:00:00.000Z';

const coding = (key: string, codeKey: string, coderKey: string, start: number, end: number, createdAt: string, sourceKey = '10'): MergeCoding =>
  ({ key, sourceKey, codeKey, coderKey, start, end, quote: TEXT.slice(start, end), createdAt });
const memo = (key: string, coderKey: string, target: MergeMemoTarget, title: string, text: string, createdAt: string, updatedAt = createdAt): MergeMemo =>
  ({ key, target, coderKey, title, body: `<p>${text}</p>`, text, createdAt, updatedAt });

/** The project: Ana's coding 100 and memo 50; Ben's coding 98 with his memo 49 on it, and his project memo 48. All older than the copy. */
const project = (): MergeRows => ({
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
const manifest = benManifest({ madeAt: MADE, blind: false });

/** Ben's copy of these rows, listing what it held when made. */
const heldFrom = (rows: MergeRows): CopyManifest => ({
  ...manifest,
  codes: rows.codes.map((c) => ({ guid: c.guid, name: c.name })),
  held: {
    codings: rows.codings.map((c) => [Number(c.key), Number(c.codeKey), c.start, c.end, c.createdAt]),
    memos: rows.memos.map((m) => [Number(m.key), m.createdAt, m.updatedAt]),
  },
});
const held = heldFrom(project());

const plan = (here: MergeRows, there: MergeRows, m: CopyManifest | null = held): MergeItem[] => mergeItems(mergeContext(here, there, m));
const item = (items: MergeItem[], id: string) => items.find((i) => i.id === id);
const ids = (items: MergeItem[]) => items.map((i) => i.id);

const REMOVE_OPTIONS = [{ value: 'remove', label: 'Remove it here too' }, { value: 'keep', label: 'Keep it here' }];
const MAP_OPTION = { value: 'map', label: 'Put its codings under another code…' };

describe('which coders’ work the merge offers to bring', () => {
  it('asks about each coder with work in the copy, counting codings and memos, and says whether the project knows them', () => {
    const c = project();
    c.coders.push({ key: '3', name: 'Cleo' });
    c.codings.push(coding('101', '2', '2', 40, 50, '2026-02-02'));
    c.memos.push(
      memo('51', '2', { kind: 'coding', key: '101' }, '', 'employers again', '2026-02-02'),
      memo('52', '3', { kind: 'project' }, 'First look', 'Mostly about value.', '2026-02-03'),
    );
    expect(plan(project(), c, manifest)).toEqual([
      {
        id: 'coder:2', kind: 'coder', conflict: false, subject: 'Coder Ben',
        detail: '1 coding and 1 memo in the copy; a coder here already',
        options: [{ value: 'bring', label: 'Bring Ben’s work' }, { value: 'leave', label: 'Leave it out' }],
        choice: 'bring',
      },
      {
        id: 'coder:3', kind: 'coder', conflict: false, subject: 'Coder Cleo',
        detail: '0 codings and 1 memo in the copy; new to this project',
        options: [{ value: 'bring', label: 'Bring Cleo’s work' }, { value: 'leave', label: 'Leave it out' }],
        choice: 'bring',
      },
    ]);
  });

  it('counts a coding past the last id the copy held as new, even when the coder’s clock was behind', () => {
    const c = project();
    c.codings.push(coding('101', '2', '2', 40, 50, '2026-01-20'));
    expect(item(plan(project(), c, manifest), 'coder:2')?.detail).toBe('1 coding and 0 memos in the copy; a coder here already');
  });

  it('does not count a row under an id the copy held and made at the very moment the copy was made', () => {
    const c = project();
    c.codings.push(coding('99', '2', '2', 40, 50, MADE));
    expect(plan(project(), c, manifest)).toEqual([]);
  });

  it('without a manifest, offers everything in the copy and asks nothing about deletions', () => {
    expect(ids(plan(project(), project(), null))).toEqual(['coder:1', 'coder:2']);
  });
});

describe('sources', () => {
  it('asks what to do with the copy’s codings on a source whose text changed', () => {
    const c = project();
    c.sources[0] = { ...c.sources[0]!, hash: 'h-changed' };
    c.codings.push(coding('101', '2', '2', 40, 50, '2026-02-02'));
    expect(item(plan(project(), c, manifest), 'source:10')).toEqual({
      id: 'source:10', kind: 'source-changed', conflict: true, subject: 'Source Interview PA',
      detail: 'Its text in the copy differs from the text here; 1 coding of the copy are on it.',
      options: [
        { value: 'reanchor', label: 'Place the codings where their quoted text is found here' },
        { value: 'skip', label: 'Leave its codings out' },
      ],
      choice: null,
    });
  });

  it('does not ask about a changed source no new coding is on', () => {
    const c = project();
    c.sources[0] = { ...c.sources[0]!, hash: 'h-changed' };
    expect(plan(project(), c, manifest)).toEqual([]);
  });

  it('offers to add a source only in the copy', () => {
    const c = project();
    c.sources.push({ key: '11', guid: 'gs-11', name: 'Interview PB', hash: 'h2' });
    c.codings.push(coding('101', '2', '2', 0, 10, '2026-02-02', '11'));
    expect(item(plan(project(), c, manifest), 'source:11')).toEqual({
      id: 'source:11', kind: 'source-new', conflict: false, subject: 'Source Interview PB',
      detail: 'Only in the copy, with 1 coding.',
      options: [{ value: 'add', label: 'Add it to the project' }, { value: 'skip', label: 'Leave it and its codings out' }],
      choice: 'add',
    });
  });
});

describe('codes', () => {
  const codeItems = (items: MergeItem[]) => items.filter((i) => i.id.startsWith('code:') || i.id.startsWith('base-code:'));

  it('asks nothing about codes matched with the same name, or matched by path with the name in another case', () => {
    const c = project();
    c.codes[2] = code('3', 'demand', '1', 'x-3');
    expect(codeItems(plan(project(), c, null))).toEqual([]);
  });

  it('without a manifest, asks which name to keep for a code named otherwise in the copy', () => {
    const c = project();
    c.codes[1] = code('2', 'Value added', '1');
    const items = plan(project(), c, null);
    expect(ids(items)).toEqual(['coder:1', 'coder:2', 'code:2']);
    expect(item(items, 'code:2')).toEqual({
      id: 'code:2', kind: 'code-renamed', conflict: true, subject: 'Code Why / Value',
      detail: 'Named “Value added” in the copy.',
      options: [{ value: 'ours', label: 'Keep “Value”' }, { value: 'theirs', label: 'Rename it “Value added”' }],
      choice: null,
    });
  });

  it('takes a rename made only in the copy by default', () => {
    const c = project();
    c.codes[1] = code('2', 'Value added', '1');
    expect(plan(project(), c, manifest)).toEqual([{
      id: 'code:2', kind: 'code-renamed', conflict: false, subject: 'Code Why / Value',
      detail: 'Renamed in the copy to “Value added”.',
      options: [{ value: 'theirs', label: 'Rename it “Value added”' }, { value: 'ours', label: 'Keep “Value”' }],
      choice: 'theirs',
    }]);
  });

  it('asks nothing about a code renamed only here', () => {
    const here = project();
    here.codes[1] = code('2', 'Worth', '1');
    expect(plan(here, project(), manifest)).toEqual([]);
  });

  it('asks which name to keep when both sides renamed a code', () => {
    const here = project();
    here.codes[1] = code('2', 'Worth', '1');
    const c = project();
    c.codes[1] = code('2', 'Value added', '1');
    expect(plan(here, c, manifest)).toEqual([{
      id: 'code:2', kind: 'code-renamed', conflict: true, subject: 'Code Why / Worth',
      detail: 'Renamed on both sides since the copy was made (it was “Value”): “Worth” here, “Value added” in the copy.',
      options: [{ value: 'ours', label: 'Keep “Worth”' }, { value: 'theirs', label: 'Rename it “Value added”' }],
      choice: null,
    }]);
  });

  it('asks about a code deleted here that the copy’s new codings use, and not when none does', () => {
    const here = project();
    here.codes = here.codes.filter((x) => x.key !== '3');
    here.codings = here.codings.filter((x) => x.codeKey !== '3');
    here.memos = here.memos.filter((x) => x.key !== '49');
    const c = project();
    expect(codeItems(plan(here, c, manifest))).toEqual([]);
    c.codings.push(coding('101', '3', '2', 35, 66, '2026-02-02'));
    expect(codeItems(plan(here, c, manifest))).toEqual([{
      id: 'code:3', kind: 'code-deleted-here', conflict: true, subject: 'Code Why / Demand',
      detail: 'Deleted here since the copy was made, but the copy uses it: 1 coding.',
      options: [{ value: 'add', label: 'Restore the code with these codings' }, MAP_OPTION, { value: 'drop', label: 'Leave these codings out' }],
      choice: null,
    }]);
  });

  it('offers to add codes only in the copy, noting one under a code also new', () => {
    const c = project();
    c.codes.push(code('4', 'Cost', '1'), code('5', 'Fees', '4'), code('6', 'Trust'));
    c.codings.push(
      coding('101', '4', '2', 35, 42, '2026-02-02'),
      coding('102', '5', '2', 43, 52, '2026-02-02'),
      coding('103', '5', '2', 53, 66, '2026-02-02'),
    );
    const items = codeItems(plan(project(), c, manifest));
    expect(items[0]).toEqual({
      id: 'code:4', kind: 'code-new', conflict: false, subject: 'Code Why / Cost',
      detail: 'Only in the copy, with 1 coding.',
      options: [{ value: 'add', label: 'Add it to the codebook' }, MAP_OPTION, { value: 'drop', label: 'Leave it and its codings out' }],
      choice: 'add',
    });
    expect(items.slice(1).map((i) => [i.id, i.subject, i.detail, i.options[2]!.label])).toEqual([
      ['code:5', 'Code Why / Cost / Fees', 'Only in the copy (under a code also new), with 2 codings.', 'Leave it and its codings out'],
      ['code:6', 'Code Trust', 'Only in the copy, with 0 codings.', 'Leave it out'],
    ]);
  });

  it('asks about a code deleted in the copy only when codings here use it, keeping an unused one by default', () => {
    const here = project();
    here.codes.push(code('4', 'Cost', '1'));
    const c = project();
    c.codes = c.codes.filter((x) => x.key !== '2');
    c.codings = c.codings.filter((x) => x.codeKey !== '2');
    expect(codeItems(plan(here, c, { ...manifest, codes: [...manifest.codes, { guid: 'g-4', name: 'Cost' }] }))).toEqual([
      {
        id: 'base-code:2', kind: 'code-deleted-there', conflict: true, subject: 'Code Why / Value',
        detail: 'Deleted in the copy, but used here: 1 coding.',
        options: [{ value: 'keep', label: 'Keep it' }, { value: 'delete', label: 'Delete it here too, with its 1 coding' }],
        choice: null,
      },
      {
        id: 'base-code:4', kind: 'code-deleted-there', conflict: false, subject: 'Code Why / Cost',
        detail: 'Deleted in the copy; no coding uses it here.',
        options: [{ value: 'keep', label: 'Keep it' }, { value: 'delete', label: 'Delete it here too' }],
        choice: 'keep',
      },
    ]);
  });
});

describe('memos edited in the copy', () => {
  const editedInCopy = (rows: MergeRows, key: string, text: string) => {
    const i = rows.memos.findIndex((m) => m.key === key);
    rows.memos[i] = { ...rows.memos[i]!, body: `<p>${text}</p>`, text, updatedAt: '2026-02-03' };
    return rows;
  };

  it('asks which text to keep when both sides edited a memo differently', () => {
    const here = project();
    here.memos[2] = { ...here.memos[2]!, body: '<p>v1b</p>', text: 'v1b', updatedAt: '2026-02-04' };
    expect(plan(here, editedInCopy(project(), '50', 'v2'), manifest)).toEqual([{
      id: 'memo:50', kind: 'memo-edited', conflict: true, subject: 'Memo Design',
      detail: 'Edited on both sides since the copy was made.',
      options: [
        { value: 'ours', label: 'Keep this project’s text' },
        { value: 'theirs', label: 'Take the copy’s text' },
        { value: 'both', label: 'Keep both (the copy’s as a new memo)' },
      ],
      choice: null,
    }]);
  });

  it('asks nothing when both sides edited a memo to the same text', () => {
    const here = editedInCopy(project(), '50', 'v2');
    here.memos[2] = { ...here.memos[2]!, updatedAt: '2026-02-04' };
    expect(plan(here, editedInCopy(project(), '50', 'v2'), manifest)).toEqual([]);
  });

  it('asks whether to restore a memo edited in the copy and deleted here, named by its text or “(untitled)”', () => {
    const long = 'Employers ask for micro-credentials because they want quick proof of skills, not degrees.';
    const c = project();
    c.memos[0] = { ...c.memos[0]!, title: '', body: `<p>${long}</p>`, text: long, updatedAt: '2026-02-03' };
    c.memos[1] = { ...c.memos[1]!, title: '', body: '', text: '', updatedAt: '2026-02-03' };
    const here = project();
    here.memos = here.memos.filter((m) => m.key === '50');
    const items = plan(here, c, manifest);
    expect(items[0]).toEqual({
      id: 'memo:48', kind: 'memo-edited', conflict: true, subject: `Memo ${long.slice(0, 60)}`,
      detail: 'Edited in the copy, deleted here.',
      options: [{ value: 'theirs', label: 'Restore it with the copy’s text' }, { value: 'ours', label: 'Leave it deleted' }],
      choice: null,
    });
    expect(items.slice(1).map((i) => [i.id, i.subject, i.detail])).toEqual([['memo:49', 'Memo (untitled)', 'Edited in the copy, deleted here.']]);
  });

  it('treats a memo here under the same id but made later as another memo: the copy’s edited one was deleted here', () => {
    const here = project();
    // Ana deleted Ben's plan and wrote a memo that got id 48 again.
    here.memos[0] = memo('48', '1', { kind: 'project' }, 'Agenda', 'agenda', '2026-02-05');
    const items = plan(here, editedInCopy(project(), '48', 'plan 2'), manifest);
    expect(items.map((i) => [i.id, i.subject, i.detail])).toEqual([['memo:48', 'Memo Plan', 'Edited in the copy, deleted here.']]);
  });

  it('lists only memos the copy held that were edited there', () => {
    expect(mergeContext(project(), project(), held).editedMemos).toEqual(new Map());
    expect(mergeContext(project(), editedInCopy(project(), '50', 'v2'), held).editedMemos).toEqual(new Map([['50', '50']]));
  });

  it('tells a memo edited since the copy was made by the time the copy held, or else by the time it was made', () => {
    const m = project().memos[0]!;
    const edited = (x: MergeMemo, mf: CopyManifest | null) => mergeContext(project(), project(), mf).editedSince(x);
    // Updated on a machine whose clock was behind: still an edit, the copy held another time.
    expect(edited({ ...m, updatedAt: '2026-01-20' }, held)).toBe(true);
    expect(edited(m, held)).toBe(false);
    // Held with a clock ahead of the copy's: unchanged since is no edit.
    const ahead = heldFrom({ ...project(), memos: [{ ...m, updatedAt: '2026-03-01' }] });
    expect(edited({ ...m, updatedAt: '2026-03-01' }, ahead)).toBe(false);
    // Another memo under the held id (made again): only an update after the copy counts.
    expect(edited({ ...m, createdAt: '2026-01-18', updatedAt: '2026-01-20' }, held)).toBe(false);
    expect(edited({ ...m, createdAt: '2026-01-18', updatedAt: '2026-02-02' }, held)).toBe(true);
    // Without the list: after the moment the copy was made, not at it.
    expect(edited({ ...m, updatedAt: MADE }, manifest)).toBe(false);
    expect(edited({ ...m, updatedAt: '2026-02-02' }, manifest)).toBe(true);
    // Without a manifest any memo may have been edited.
    expect(edited(m, null)).toBe(true);
  });
});

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
