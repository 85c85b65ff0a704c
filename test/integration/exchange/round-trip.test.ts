import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { exportedBytes, newProject, projectView, upload } from './helpers.ts';

let t: TestHost;
beforeEach(() => {
  t = testHost();
});
afterEach(() => t.cleanup());

/** What the coding view shows of each interview: its turns' text, speaker and whether the interviewer said it. */
async function shown() {
  const out: Record<string, [string, string | null, boolean][]> = {};
  for (const s of await t.ok('sources.list', { kind: 'interview' })) {
    const detail = await t.ok('sources.get', { id: s.id });
    out[s.name] = detail.units.map((u) => [detail.text.slice(u.start, u.end), u.speaker, u.isInterviewer]);
  }
  return out;
}

describe('REFI-QDA project round trip', () => {
  it('exports the demo project and imports it into a new project: the same texts, codes, codings, memos, participants, attributes and coders', async () => {
    await t.ok('project.openDemo', {});
    // A second coder, an emoji before a coding, and memos on a participant and a coding.
    const [staged] = await t.ok('import.stage', { files: [upload('emoji notes.txt', 'Badges 🎓🎓 matter to employers.\r\n\r\nA second paragraph 🧪 here.')] });
    const doc = (await t.ok('import.run', { files: [{ stagedId: staged!.stagedId, kind: 'document' }] })).files[0]!.sourceId!;
    await t.ok('coders.setCurrent', { name: 'Second Coder' });
    const ip = (await t.ok('codes.list', {})).find((c) => c.name === 'Intellectual property')!;
    const text = (await t.ok('sources.get', { id: doc })).text;
    const coding = await t.ok('codings.apply', { sourceId: doc, codeId: ip.id, start: text.indexOf('🧪'), end: text.indexOf(' here') });
    await t.ok('memos.create', { targetKind: 'coding', targetId: coding.id, title: 'Lab', body: '<p>Test tube</p>' });
    const pb = (await t.ok('participants.list', {})).find((p) => p.label === 'PB')!;
    await t.ok('memos.create', { targetKind: 'participant', targetId: pb.id, title: 'About PB', body: '<p>Joined late.</p>' });
    const before = await projectView(t);
    const shownBefore = await shown();
    expect(Object.values(shownBefore).flat().filter(([, , interviewer]) => interviewer).length).toBeGreaterThan(5);
    expect(before.sources.flatMap((s) => s.codings).length).toBeGreaterThan(40);
    expect(before.sources.flatMap((s) => s.codings).some((c) => c.participant !== null)).toBe(true);

    const exported = await t.ok('exchange.exportProject', {});
    await newProject(t, 'copy');
    const file = await t.ok('exchange.stage', { file: upload(exported.file.fileName, exportedBytes(exported)) });
    expect(file).toMatchObject({ format: 'qdpx', origin: 'Marginalia 0.1', projectName: 'Northbridge micro-credentials (demo)' });
    const plan = await t.ok('exchange.preview', { stagedId: file.stagedId });
    expect(plan.warnings).toEqual([]);
    expect(plan.notImported).toEqual([]);
    const report = await t.ok('exchange.importProject', { stagedId: file.stagedId });
    expect(report.counts).toEqual(plan.counts);
    expect(report.counts).toMatchObject({ sources: before.sources.length, participantsAdded: 3, codings: before.sources.flatMap((s) => s.codings).length });

    const after = await projectView(t);
    expect(after.sources).toEqual(before.sources);
    expect(after.codebook).toEqual(before.codebook);
    expect(after.frameworks).toEqual(before.frameworks);
    expect(after.memos).toEqual(before.memos);
    expect(after.participants).toEqual(before.participants);
    expect(after.attributes).toEqual(before.attributes);
    expect(after.coders).toEqual(before.coders);
    // The coding view shows the same turns, the interviewer's too, with the same speakers.
    expect(await shown()).toEqual(shownBefore);

    // The whole import is one step: undo leaves the new project empty again.
    expect((await t.ok('undo.state', {})).undoLabel).toBe(`Import ‘${exported.file.fileName}’`);
    await t.ok('undo.undo', {});
    expect((await t.ok('project.info', {})).counts).toEqual({ participants: 0, sources: 0, codes: 0, codings: 0, memos: 0 });
  });
});
