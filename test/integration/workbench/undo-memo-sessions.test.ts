import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';

/**
 * Memo autosave writes often; one editing session of one memo is one undo step. A session ends
 * at another memo, another command, an undo, or two minutes without an edit.
 */

let t: TestHost;
let now = 0;
afterEach(() => t?.cleanup());

async function project() {
  now = new Date('2026-12-01T09:00:00Z').getTime();
  t = testHost({ clock: () => new Date(now) });
  await t.ok('project.create', { path: join(t.dir, 'memos.marginalia'), template: 'empty' });
  const hunch = await t.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Hunch', body: '<p>h0</p>' });
  const plan = await t.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Plan', body: '<p>p0</p>' });
  return { hunch: hunch.id, plan: plan.id };
}

const edit = (id: number, text: string, afterMs = 10_000) => {
  now += afterMs;
  return t.ok('memos.update', { id, body: `<p>${text}</p>` });
};
const steps = async () => (await t.ok('undo.history', { limit: 50 })).filter((e) => e.status === 'done').map((e) => e.label);
const text = async (id: number) => (await t.ok('memos.get', { id })).text;

describe('memo edits as undo steps', () => {
  it('several saves of one memo within two minutes of each other undo as one step', async () => {
    const { hunch } = await project();
    const before = (await steps()).length;
    await edit(hunch, 'h1');
    await edit(hunch, 'h2', 60_000);
    await edit(hunch, 'h3', 119_000);
    expect((await steps()).length).toBe(before + 1);
    await t.ok('undo.undo', {});
    expect(await text(hunch)).toBe('h0');
  });

  it('a pause of more than two minutes starts a new step; exactly two minutes does not', async () => {
    const { hunch } = await project();
    const before = (await steps()).length;
    await edit(hunch, 'h1');
    await edit(hunch, 'h2', 120_000);
    expect((await steps()).length).toBe(before + 1);
    await edit(hunch, 'h3', 120_001);
    expect((await steps()).length).toBe(before + 2);
    await t.ok('undo.undo', {});
    expect(await text(hunch)).toBe('h2');
  });

  it('editing another memo in between ends the session: each memo is undone on its own', async () => {
    const { hunch, plan } = await project();
    await edit(hunch, 'h1');
    await edit(plan, 'p1');
    await edit(hunch, 'h2');
    await t.ok('undo.undo', {});
    expect([await text(hunch), await text(plan)]).toEqual(['h1', 'p1']);
    await t.ok('undo.undo', {});
    expect([await text(hunch), await text(plan)]).toEqual(['h1', 'p0']);
  });

  it('another command in between ends the session', async () => {
    const { hunch } = await project();
    await edit(hunch, 'h1');
    await t.ok('codes.create', { name: 'Trust', parentId: null });
    await edit(hunch, 'h2');
    await t.ok('undo.undo', {});
    expect(await text(hunch)).toBe('h1');
    expect((await t.ok('codes.list', {})).map((c) => c.name)).toEqual(['Trust']);
  });

  it('an edit after an undo is a new step, not folded into the one undone (redo stays as it was)', async () => {
    const { hunch } = await project();
    await edit(hunch, 'h1');
    await t.ok('undo.undo', {});
    await edit(hunch, 'h2');
    await t.ok('undo.undo', {});
    expect(await text(hunch)).toBe('h0');
  });

  it('keeps a long memo out of the history: its text is shortened there, the memo itself is whole', async () => {
    const { hunch } = await project();
    const long = 'x'.repeat(5_000);
    await edit(hunch, long);
    const row = t.host.current!.db.raw.prepare("SELECT input FROM operations WHERE method = 'memos.update' ORDER BY id DESC LIMIT 1").get() as { input: string };
    const kept = JSON.parse(row.input) as { body: string };
    expect(kept.body).toBe(`<p>${'x'.repeat(297)}…`);
    expect(await text(hunch)).toBe(long);
  });
});
