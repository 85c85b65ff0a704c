import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { getMeta, setMeta } from '../../../electron/backend/repositories/meta.ts';
import { MANIFEST_KEY } from '../../../electron/backend/team/rows.ts';
import { checkProject } from '../../../electron/backend/check.ts';
import type { MergeItem } from '../../../shared/domain/team/merge-types.ts';
import type { Coding } from '../../../shared/domain/types.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { asCoder, expectMergeRefused, generatedProject, saveCopy, type Span } from './helpers.ts';

/**
 * What a coder deletes or changes in their copy among what it held when it was made comes
 * back with the merge: their own deletions as removals they may refuse, another coder's as a
 * question, an adjusted coding in place of the old one. Ana's first round of work is merged
 * before her second copy is made, so the second copy holds her codings and the lead's.
 */

let t: TestHost;
let sources: { id: number; name: string; respondent: Span[] }[];
let codeId: (name: string) => number;
/** The second round's copy (made with the others' codings) after Ana worked in it. */
let copyPath: string;
/** Keys of the rows Ana touched, by what she did. */
const ids = { deleted: 0, adjusted: 0, leads: 0, memoOnDeleted: 0, planMemo: 0 };
let adjustedTo: Span;
let adjustedFrom: Span;

type Row = string;
/** Every coding and memo of the project as plain text rows, to compare states. */
async function state(): Promise<{ codings: Row[]; memos: Row[] }> {
  const coders = new Map((await t.ok('coders.list', {})).map((c) => [c.id, c.name]));
  const codings = (await Promise.all(sources.map((s) => t.ok('codings.listForSource', { sourceId: s.id })))).flat();
  const memos = await t.ok('memos.list', {});
  return {
    codings: codings.map((c) => `${c.id} ${coders.get(c.coderId)} ${c.sourceId}:${c.codeId}:${c.start}-${c.end}`).sort(),
    memos: memos.map((m) => `${m.id} ${coders.get(m.coderId)} ${m.targetKind}:${m.targetId} ${m.text}`).sort(),
  };
}

const codingsOf = async (sourceId: number, coder: string): Promise<Coding[]> => (await t.ok('codings.listForSource', { sourceId })).filter((c) => c.coderName === coder);

beforeAll(async () => {
  t = testHost();
  const project = await generatedProject(t, 'Study');
  codeId = (name) => project.codes.get(name)!.id;
  sources = [];
  for (const s of project.sources) {
    const detail = await t.ok('sources.get', { id: s.id });
    sources.push({ id: s.id, name: s.name, respondent: detail.units.filter((u) => u.kind === 'turn' && u.speaker !== 'Interviewer').map((u) => ({ start: u.start, end: u.end })) });
  }
  const [s0, s1] = sources;
  // The lead's coding.
  await t.ok('codings.apply', { sourceId: s0!.id, codeId: codeId('Support'), ...s0!.respondent[0]! });

  // Round one: Ana's blind copy, coded and merged back (her codings come in made on her machine's clock).
  const first = saveCopy(t, await t.ok('team.distribute', { coder: 'Ana', blind: true }), 'Study – Ana 1.marginalia');
  await asCoder(t, 'Ana', first, async (ok) => {
    const a1 = await ok('codings.apply', { sourceId: s0!.id, codeId: codeId('Motivation'), ...s0!.respondent[1]! });
    await ok('codings.apply', { sourceId: s0!.id, codeId: codeId('Barriers'), ...s0!.respondent[2]! });
    await ok('codings.apply', { sourceId: s1!.id, codeId: codeId('Support'), ...s1!.respondent[0]! });
    await ok('memos.create', { targetKind: 'coding', targetId: a1.id, title: '', body: '<p>Why motivation here</p>' });
    await ok('memos.create', { targetKind: 'project', targetId: null, title: 'Ana’s plan', body: '<p>Code P1 first</p>' });
  });
  const staged = await t.ok('team.stage', { file: { path: first } });
  expect((await t.ok('team.merge', { stagedId: staged.stagedId })).counts).toMatchObject({ codings: 3, memos: 2 });

  // Round two: Ana's copy with the others' codings; she deletes one of hers (and so the memo on
  // it), adjusts another, deletes her plan memo and the lead's coding.
  const second = await t.ok('team.distribute', { coder: 'Ana', blind: false });
  expect(second.manifest).not.toHaveProperty('held');
  copyPath = saveCopy(t, second, 'Study – Ana 2.marginalia');
  await asCoder(t, 'Ana', copyPath, async (ok) => {
    const here = await ok('codings.listForSource', { sourceId: s0!.id });
    const mine = here.filter((c) => c.coderName === 'Ana');
    const deleted = mine.find((c) => c.codeId === codeId('Motivation'))!;
    const adjusted = mine.find((c) => c.codeId === codeId('Barriers'))!;
    const leads = here.find((c) => c.coderName === 'tester')!;
    ids.memoOnDeleted = (await ok('memos.list', { targetKind: 'coding', targetId: deleted.id }))[0]!.id;
    ids.planMemo = (await ok('memos.list', { targetKind: 'project' })).find((m) => m.title === 'Ana’s plan')!.id;
    Object.assign(ids, { deleted: deleted.id, adjusted: adjusted.id, leads: leads.id });
    adjustedFrom = { start: adjusted.start, end: adjusted.end };
    adjustedTo = { start: adjusted.start + 4, end: adjusted.end - 3 };
    await ok('codings.remove', { id: deleted.id });
    await ok('codings.adjust', { id: adjusted.id, ...adjustedTo });
    await ok('memos.delete', { id: ids.planMemo });
    await ok('codings.remove', { id: leads.id });
  });
}, 90_000);

afterAll(() => t?.cleanup());

const item = (items: MergeItem[], id: string) => items.find((i) => i.id === id);

describe('merging what a coder deleted or changed in their copy', () => {
  it('plans Ana’s deletions and her adjusted coding as removals she may refuse, and asks about the lead’s coding', async () => {
    const staged = await t.ok('team.stage', { file: { path: copyPath } });
    const plan = await t.ok('team.preview', { stagedId: staged.stagedId });
    expect(plan.items.map((i) => [i.kind, i.conflict, i.choice]).sort()).toEqual(
      [
        ['coder', false, 'bring'],
        ['coding-changed', false, 'theirs'],
        ['coding-deleted', false, 'remove'],
        ['coding-deleted', true, null],
        ['memo-deleted', false, 'remove'],
      ].sort(),
    );
    expect(item(plan.items, `coding-deleted:${ids.deleted}`)!.detail).toMatch(/^Ana’s coding “.+” \(characters [\d,]+–[\d,]+\) was deleted in Ana’s copy; 1 memo on it here would go with it\.$/);
    expect(item(plan.items, `coding-deleted:${ids.leads}`)).toMatchObject({ subject: 'Coding Support in Interview P1', conflict: true });
    expect(item(plan.items, `coding-deleted:${ids.leads}`)!.detail).toContain('tester’s (not Ana’s) coding');
    expect(item(plan.items, `coding-changed:${ids.adjusted}`)!.detail).toContain(`its extent to characters ${adjustedTo.start.toLocaleString('en')}–${adjustedTo.end.toLocaleString('en')}`);
    expect(item(plan.items, `memo-deleted:${ids.planMemo}`)).toMatchObject({ subject: 'Memo Ana’s plan', conflict: false });
    // The memo on the deleted coding goes with it: no question of its own.
    expect(item(plan.items, `memo-deleted:${ids.memoOnDeleted}`)).toBeUndefined();
    expect(plan.counts).toMatchObject({ codings: 0, codingsRemoved: 1, codingsReplaced: 1, memosRemoved: 1 });
    expect(plan.notes).toEqual([]);
    await t.ok('team.discard', { stagedIds: [staged.stagedId] });
  });

  it('refuses to merge while the lead’s deleted coding is unanswered, then merges it all as one undoable step', async () => {
    const before = await state();
    const staged = await t.ok('team.stage', { file: { path: copyPath } });
    await expectMergeRefused(t, staged.stagedId, 'tester’s (not Ana’s) coding');

    const report = await t.ok('team.merge', { stagedId: staged.stagedId, decisions: { [`coding-deleted:${ids.leads}`]: 'keep' } });
    expect(report.counts).toMatchObject({ codings: 0, codingsRemoved: 1, codingsReplaced: 1, memosRemoved: 1 });
    expect(report.decisions).toContainEqual(expect.objectContaining({ subject: 'Coding Support in Interview P1', answer: 'Keep it here' }));
    expect(report.decisions).toContainEqual(expect.objectContaining({ subject: 'Memo Ana’s plan', answer: 'Remove it here too' }));

    const s0 = sources[0]!;
    const ana = await codingsOf(s0.id, 'Ana');
    // The deleted coding is gone, the adjusted one is there once, at its new extent.
    expect(ana.map((c) => [c.codeId, c.start, c.end])).toEqual([[codeId('Barriers'), adjustedTo.start, adjustedTo.end]]);
    expect((await codingsOf(s0.id, 'tester')).map((c) => c.id)).toEqual([ids.leads]);
    expect((await t.ok('memos.list', {})).filter((m) => m.text.includes('Why motivation') || m.title === 'Ana’s plan')).toEqual([]);
    expect((await codingsOf(sources[1]!.id, 'Ana'))).toHaveLength(1);
    expect(checkProject(t.host.current!.db)).toEqual([]);
    const after = await state();

    // Audited as the merge's changes.
    const audit = await t.ok('audit.list', { search: 'team merge', limit: 500 });
    expect(audit.entries.filter((e) => e.entity === 'coding').map((e) => [e.action, e.entityId]).sort()).toEqual([['remove', ids.deleted], ['replace', ids.adjusted]].sort());
    expect(audit.entries.some((e) => e.action === 'delete' && e.entity === 'memo' && e.entityId === ids.planMemo)).toBe(true);

    expect((await t.ok('undo.state', {})).undoLabel).toBe('Merge ‘Study – Ana 2.marginalia’ (Ana)');
    await t.ok('undo.undo', {});
    expect(await state()).toEqual(before);
    await t.ok('undo.redo', {});
    expect(await state()).toEqual(after);
    await t.ok('undo.undo', {});
    expect(await state()).toEqual(before);
  });

  it('keeps what is answered “keep”, and removes the lead’s coding when answered so', async () => {
    const before = await state();
    const staged = await t.ok('team.stage', { file: { path: copyPath } });
    const report = await t.ok('team.merge', {
      stagedId: staged.stagedId,
      decisions: { [`coding-deleted:${ids.deleted}`]: 'keep', [`coding-changed:${ids.adjusted}`]: 'ours', [`memo-deleted:${ids.planMemo}`]: 'keep', [`coding-deleted:${ids.leads}`]: 'remove' },
    });
    expect(report.counts).toMatchObject({ codingsRemoved: 1, codingsReplaced: 0, memosRemoved: 0 });
    const s0 = sources[0]!;
    expect((await codingsOf(s0.id, 'Ana')).map((c) => [c.codeId, c.start, c.end]).sort()).toEqual(
      [[codeId('Motivation'), ...Object.values(s0.respondent[1]!)], [codeId('Barriers'), adjustedFrom.start, adjustedFrom.end]].sort(),
    );
    expect(await codingsOf(s0.id, 'tester')).toEqual([]);
    const memos = await state();
    expect(memos.memos).toEqual(before.memos);
    await t.ok('undo.undo', {});
    expect(await state()).toEqual(before);
  });

  it('merges a copy whose manifest does not list what it held as before: nothing deleted or changed is inferred, and the plan says so', async () => {
    const old = join(t.dir, 'Study – Ana 2 old.marginalia');
    copyFileSync(copyPath, old);
    const db = new Db(old, { create: false });
    try {
      const manifest = JSON.parse(getMeta(db, MANIFEST_KEY)!) as Record<string, unknown>;
      expect(manifest.held).toBeDefined();
      delete manifest.held;
      setMeta(db, MANIFEST_KEY, JSON.stringify(manifest));
    } finally {
      db.close();
    }
    const before = await state();
    const staged = await t.ok('team.stage', { file: { path: old } });
    const plan = await t.ok('team.preview', { stagedId: staged.stagedId });
    expect(plan.items.filter((i) => ['coding-deleted', 'coding-changed', 'memo-deleted'].includes(i.kind))).toEqual([]);
    expect(plan.notes.join(' ')).toContain('codings and memos deleted or changed in it are not carried back');
    const report = await t.ok('team.merge', { stagedId: staged.stagedId });
    expect(report.counts).toMatchObject({ codingsRemoved: 0, codingsReplaced: 0, memosRemoved: 0 });
    const after = await state();
    // Nothing here was removed.
    expect(before.codings.filter((c) => !after.codings.includes(c))).toEqual([]);
    expect(before.memos.filter((m) => !after.memos.includes(m))).toEqual([]);
    await t.ok('undo.undo', {});
  });
});
