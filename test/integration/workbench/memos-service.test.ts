import { afterEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';

/**
 * Memos on the demo project: writing, editing and deleting them, and the memo list of one
 * target (a code's "why" memos, the project's own memos). The clock moves on between calls so
 * that "oldest first" means something.
 */

let t: TestHost;
let now = 0;
afterEach(() => t?.cleanup());

async function demo() {
  now = new Date('2026-12-01T09:00:00Z').getTime();
  t = testHost({ clock: () => new Date(now) });
  await t.ok('project.openDemo', {});
  return t;
}
const later = (ms = 60_000) => {
  now += ms;
};
const raw = () => t.host.current!.db.raw;
const lastAudit = () => {
  const e = raw().prepare('SELECT action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    action: string;
    entity: string;
    entityId: number | null;
    detail: string;
  };
  return { ...e, detail: JSON.parse(e.detail) as unknown };
};
const latestStep = async () => (await t.ok('undo.history', { limit: 50 })).filter((e) => e.status === 'done')[0]?.label;
const fails = async (method: string, input: unknown) => {
  const r = await t.host.call(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
};
const code = async (name: string) => {
  const c = (await t.ok('codes.list', {})).find((x) => x.name === name);
  if (!c) throw new Error(`no code ${name}`);
  return c;
};

describe('writing, editing and deleting memos', () => {
  it('an untitled memo is created as the undo step "Create memo"', async () => {
    await demo();
    const how = await code('How');
    const memo = await t.ok('memos.create', { targetKind: 'code', targetId: how.id, body: '<p>Procedures, not <b>tools</b>.</p>' });
    expect(memo).toMatchObject({ targetKind: 'code', targetId: how.id, title: '', text: 'Procedures, not tools.' });
    expect(await latestStep()).toBe('Create memo');
  });

  it('a memo on a code, source or participant that does not exist is refused, naming the target', async () => {
    await demo();
    const before = (await t.ok('memos.list', {})).length;
    expect(await fails('memos.create', { targetKind: 'code', targetId: 9999, title: 'Lost', body: '' })).toEqual({
      code: 'not_found',
      message: 'The code 9999 that this memo would belong to does not exist',
      field: 'targetId',
    });
    expect(await fails('memos.forTarget', { targetKind: 'participant', targetId: 9999 })).toMatchObject({ code: 'not_found', field: 'targetId' });
    expect((await t.ok('memos.list', {})).length).toBe(before);
  });

  it('editing only the body of a titled memo keeps its title; a new title replaces it; both are recorded', async () => {
    await demo();
    const why = await code('Why');
    const memo = await t.ok('memos.create', { targetKind: 'code', targetId: why.id, title: 'Motives', body: '<p>one</p>' });
    later();
    const edited = await t.ok('memos.update', { id: memo.id, body: '<p>two</p>' });
    expect(edited).toMatchObject({ title: 'Motives', text: 'two' });
    expect(lastAudit()).toEqual({ action: 'update', entity: 'memo', entityId: memo.id, detail: { title: 'Motives' } });
    later();
    const retitled = await t.ok('memos.update', { id: memo.id, title: 'Reasons to take a micro-credential' });
    expect(retitled).toMatchObject({ title: 'Reasons to take a micro-credential', text: 'two' });
    expect(lastAudit().detail).toEqual({ title: 'Reasons to take a micro-credential' });
  });

  it('editing an untitled memo is the undo step "Edit memo"', async () => {
    await demo();
    const memo = await t.ok('memos.create', { targetKind: 'project', targetId: null, body: '<p>first thought</p>' });
    later();
    await t.ok('codes.create', { name: 'Cost', parentId: null });
    later();
    await t.ok('memos.update', { id: memo.id, body: '<p>second thought</p>' });
    expect(await latestStep()).toBe('Edit memo');
  });

  it('deleting a memo says one was removed, is the undo step named after it, and the history keeps its text', async () => {
    await demo();
    const memo = await t.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Sampling', body: '<p>Three <i>experts</i> only.</p>' });
    later();
    expect(await t.ok('memos.delete', { id: memo.id })).toEqual({ removed: 1 });
    expect(await latestStep()).toBe('Delete memo ‘Sampling’');
    expect(lastAudit()).toEqual({ action: 'delete', entity: 'memo', entityId: memo.id, detail: { title: 'Sampling', text: 'Three experts only.' } });
    await t.ok('undo.undo', {});
    expect((await t.ok('memos.get', { id: memo.id })).title).toBe('Sampling');
  });

  it('deleting an untitled memo is the undo step "Delete memo"', async () => {
    await demo();
    const memo = await t.ok('memos.create', { targetKind: 'project', targetId: null, body: '<p>scratch</p>' });
    later();
    await t.ok('memos.delete', { id: memo.id });
    expect(await latestStep()).toBe('Delete memo');
  });

  it('opening, editing or deleting a memo that does not exist is refused naming it', async () => {
    await demo();
    for (const [method, input] of [
      ['memos.get', { id: 500 }],
      ['memos.update', { id: 500, title: 'x' }],
      ['memos.delete', { id: 500 }],
    ] as const) {
      expect(await fails(method, input), method).toEqual({ code: 'not_found', message: 'Memo 500 does not exist', field: 'id' });
    }
  });
});

describe('the memos of one target', () => {
  it("a code's memos come oldest first, even when an older one was edited last", async () => {
    await demo();
    const when = await code('When');
    const first = await t.ok('memos.create', { targetKind: 'code', targetId: when.id, title: 'Timing', body: '<p>a</p>' });
    later();
    const second = await t.ok('memos.create', { targetKind: 'code', targetId: when.id, title: 'Deadlines', body: '<p>b</p>' });
    later();
    const third = await t.ok('memos.create', { targetKind: 'code', targetId: when.id, title: 'Semesters', body: '<p>c</p>' });
    later();
    await t.ok('memos.update', { id: second.id, body: '<p>b2</p>' });
    later();
    await t.ok('memos.update', { id: first.id, body: '<p>a2</p>' });
    const ids = (await t.ok('memos.forTarget', { targetKind: 'code', targetId: when.id })).map((m) => m.id);
    expect(ids).toEqual([first.id, second.id, third.id]);
  });

  it('memos written at the same moment come in the order they were written', async () => {
    await demo();
    const where = await code('Where');
    const made = [];
    for (const title of ['Campus', 'Online', 'Workplace', 'Hospital']) {
      made.push((await t.ok('memos.create', { targetKind: 'code', targetId: where.id, title, body: '' })).id);
    }
    const listed = await t.ok('memos.forTarget', { targetKind: 'code', targetId: where.id });
    expect(listed.map((m) => m.id)).toEqual(made);
  });

  it("the project's own memos are listed without the memos on codes, sources or codings", async () => {
    await demo();
    later();
    const extra = await t.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Research questions', body: '' });
    const listed = await t.ok('memos.forTarget', { targetKind: 'project', targetId: null });
    expect(listed.map((m) => m.title)).toEqual(['Case study design', extra.title]);
  });
});
