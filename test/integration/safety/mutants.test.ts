import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { testHost, type TestHost } from '../../helpers/project.ts';

/** Through the dispatcher on real files: tests that kill hand-made mutants the suite let live (test/README.md). */

let t: TestHost;
afterEach(() => t?.cleanup());

async function sourceWithText(h: TestHost): Promise<number> {
  const staged = await h.ok('import.stage', { files: [{ name: 'note.txt', dataBase64: Buffer.from('The participants talked about trust and time, at length.').toString('base64') }] });
  await h.ok('import.run', { files: [{ stagedId: staged[0]!.stagedId, kind: 'document' }] });
  return (await h.ok('sources.list', {}))[0]!.id;
}

describe('merge (mutant: same start, different ends taken for twins)', () => {
  it('two codings with the same start but different ends both survive a merge', async () => {
    t = testHost();
    await t.ok('project.create', { path: join(t.dir, 'm.marginalia'), template: 'empty' });
    const sourceId = await sourceWithText(t);
    const a = await t.ok('codes.create', { name: 'A', parentId: null });
    const b = await t.ok('codes.create', { name: 'B', parentId: null });
    await t.ok('codings.apply', { sourceId, codeId: a.id, start: 4, end: 16 });
    await t.ok('codings.apply', { sourceId, codeId: b.id, start: 4, end: 36 });
    await t.ok('codes.merge', { sourceIds: [a.id], targetId: b.id });
    const spans = (await t.ok('codings.listForSource', { sourceId })).map((c) => [c.codeId, c.start, c.end]).sort();
    expect(spans).toEqual([[b.id, 4, 16], [b.id, 4, 36]].sort());
  });
});

describe('undo (mutant: the conflict check on an update step removed)', () => {
  it('undoing a rename that another coder renamed again is refused, and their change stays', async () => {
    t = testHost();
    const path = join(t.dir, 'u.marginalia');
    await t.ok('project.create', { path, template: 'empty' });
    const code = await t.ok('codes.create', { name: 'Original', parentId: null });
    await t.ok('codes.rename', { id: code.id, name: 'Mine' });
    // Another coder, same Host: switching coder keeps the project (one writer).
    await t.ok('coders.setCurrent', { name: 'other' });
    await t.ok('codes.rename', { id: code.id, name: 'Theirs' });
    await t.ok('coders.setCurrent', { name: 'tester' });
    const undo = await t.host.call('undo.undo', {});
    expect(undo).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.ok('codes.list', {})).find((c) => c.id === code.id)?.name).toBe('Theirs');
  });
});
