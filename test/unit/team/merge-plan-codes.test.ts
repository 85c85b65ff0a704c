import { describe, expect, it } from 'vitest';
import { mergeContext } from '../../../shared/domain/team/merge-plan.ts';
import type { CopyManifest, MergeItem, MergeMemo, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { code } from './merge-fixtures.ts';
import { MADE, coding, memo, project, manifest, heldFrom, held, plan, item, ids, MAP_OPTION } from './merge-plan-rows.ts';

/** The questions a merge asks about coders, sources, codes and edited memos: the words the researcher reads, the options and the default, and what makes the merge ask. */

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
