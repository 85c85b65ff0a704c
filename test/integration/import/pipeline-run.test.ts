import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import type { ImportFileOptions } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { run, stageOne } from './helpers.ts';

const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi.\nInterviewer: Bye.\nAnn: Bye.\n';
const ANN = { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Ann', as: 'new' as const, label: 'PA' }] };
const CSV = 'id,answer\nR1,yes\nR2,no\n';
const notStaged = (id: string) => `No staged file ${id}: it was imported, discarded, or the app restarted; add the file again`;

describe('running an import', () => {
  let t: TestHost;
  const events: ProgressEvent[] = [];
  let onEvent: (e: ProgressEvent) => void = () => {};
  let before: Record<string, number>;
  beforeEach(() => {
    events.length = 0;
    onEvent = () => {};
    t = testHost({ onProgress: (e) => { events.push(e); onEvent(e); } });
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
    before = tableCounts(t.host);
  });
  afterEach(() => t.cleanup());

  const shown = () => events.map((e) => [e.label, e.done, e.total, e.finished ?? false, e.error ?? null]);
  const transcript = async (name = 'a.txt') => ({ stagedId: (await stageOne(t, name, utf8Bytes(TRANSCRIPT))).stagedId, kind: 'interview' as const, interview: ANN });
  const undoLabel = async () => (await t.ok('undo.state', {})).undoLabel;

  it('reports what it imported, names sources after the files, and labels the step after the file', async () => {
    const file = await transcript('Interview 3.final.txt');
    const report = await run(t, [file], 'job-one');
    expect(report).toEqual({
      jobId: 'job-one',
      files: [{ name: 'Interview 3.final.txt', kind: 'interview', sourceId: expect.any(Number), sourceName: 'Interview 3.final', units: 4, turns: 4, speakers: 2 }],
      participantsCreated: [{ id: expect.any(Number), label: 'PA' }],
    });
    expect((await t.ok('sources.list', {})).map((s) => s.name)).toEqual(['Interview 3.final']);
    expect(await undoLabel()).toBe('Import ‘Interview 3.final.txt’');
    expect(shown()).toEqual([
      ['Importing Interview 3.final.txt', 0, 1, false, null],
      ['Saving to the project', 1, 1, false, null],
      ['Imported', 1, 1, true, null],
    ]);
    expect(new Set(events.map((e) => e.jobId))).toEqual(new Set(['job-one']));
  });

  it('labels a batch by its number of files, uses the names given, and makes up a job id when none is given', async () => {
    const files = [{ ...(await transcript('a.txt')), name: 'Ann, first talk' }, await transcript('b.txt')];
    const report = await run(t, files);
    expect(report.jobId).toMatch(/^import-[0-9a-f]{12}$/);
    expect(new Set(events.map((e) => e.jobId))).toEqual(new Set([report.jobId]));
    expect(report.files.map((f) => [f.name, f.sourceName])).toEqual([['a.txt', 'Ann, first talk'], ['b.txt', 'b']]);
    // Both transcripts asked for a new PA: the batch made one.
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['PA']);
    expect(await undoLabel()).toBe('Import 2 files');
    // One step: undoing it takes both files and the participant away.
    await t.ok('undo.undo', {});
    expect(await t.ok('sources.list', {})).toEqual([]);
    expect(await t.ok('participants.list', {})).toEqual([]);
  });

  it('discards the staged files once imported: importing them again says they are gone', async () => {
    const file = await transcript();
    await run(t, [file]);
    expect(await t.fails('import.run', { files: [file] })).toEqual({ code: 'not_found', message: notStaged(file.stagedId), field: 'files.0.stagedId' });
    expect(await t.fails('import.preview', { stagedId: file.stagedId, kind: 'interview' })).toMatchObject({ code: 'not_found' });
    expect(await t.ok('import.discard', { stagedIds: [file.stagedId] })).toEqual({ discarded: 0 });
    expect(await t.ok('sources.list', {})).toHaveLength(1);
  });

  it('refuses a staged file listed twice, naming the second place, before reading anything', async () => {
    const file = await transcript();
    const other = await transcript('b.txt');
    const error = await t.fails('import.run', { jobId: 'job-twice', files: [file, other, { ...file, kind: 'document' }] });
    expect(error).toEqual({ code: 'invalid_input', message: 'The same staged file is listed twice (files.2)', field: 'files.2.stagedId' });
    expect(shown()).toEqual([['Import failed', 0, 3, true, 'The same staged file is listed twice (files.2)']]);
    expect(tableCounts(t.host)).toEqual(before);
    // Nothing was discarded: the same files import once each.
    expect((await run(t, [file, other])).files).toHaveLength(2);
  });

  it('asks for the questionnaire options it needs, naming the file and the field', async () => {
    const doc = await transcript();
    const csv = await stageOne(t, 'answers.csv', utf8Bytes(CSV));
    const error = await t.fails('import.run', { files: [doc, { stagedId: csv.stagedId, kind: 'questionnaire' }] });
    expect(error).toEqual({ code: 'invalid_input', message: 'answers.csv: choose the respondent id column and what the other columns are', field: 'files.1.questionnaire' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('asks who each unmapped speaker is, one ("is") or several ("are")', async () => {
    const { stagedId } = await transcript('talk.txt');
    const one = await t.fails('import.run', { files: [{ stagedId, kind: 'interview', interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }] } }] });
    expect(one).toEqual({ code: 'invalid_input', message: 'talk.txt: say who "Ann" is (a participant, a new participant, the interviewer, or someone else)', field: 'files.0.interview.speakers' });
    const all = await t.fails('import.run', { files: [{ stagedId, kind: 'interview' }] });
    expect(all).toEqual({ code: 'invalid_input', message: 'talk.txt: say who "Interviewer", "Ann" are (a participant, a new participant, the interviewer, or someone else)', field: 'files.0.interview.speakers' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('imports all files or none: a bad second file leaves nothing of the first, and keeps both staged', async () => {
    const first = await transcript('first.txt');
    const csv = await stageOne(t, 'answers.csv', utf8Bytes(CSV));
    const error = await t.fails('import.run', { jobId: 'job-bad', files: [first, { stagedId: csv.stagedId, kind: 'questionnaire' }] });
    expect(error.field).toBe('files.1.questionnaire');
    expect(tableCounts(t.host)).toEqual(before);
    expect(await t.ok('participants.list', {})).toEqual([]);
    expect(await undoLabel()).toBeNull();
    expect(shown()).toEqual([
      ['Importing first.txt', 0, 2, false, null],
      ['Importing answers.csv', 1, 2, false, null],
      ['Import failed', 0, 2, true, error.message],
    ]);
    // Fixed, the same staged files import.
    const questionnaire = { idColumn: 'id', columns: [{ column: 'answer', role: 'answer' as const }], family: { mode: 'new' as const } };
    const report = await run(t, [first, { stagedId: csv.stagedId, kind: 'questionnaire', questionnaire } as ImportFileOptions]);
    expect(report.files.map((f) => f.name)).toEqual(['first.txt', 'answers.csv']);
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['PA', 'R1', 'R2']);
  });

  it('says "Cancelled" when cancelled, and the staged files stay', async () => {
    const files = [await transcript('a.txt'), await transcript('b.txt'), await transcript('c.txt')];
    const answers: Promise<unknown>[] = [];
    onEvent = (e) => {
      if (e.label === 'Importing b.txt') answers.push(t.ok('import.cancel', { jobId: 'job-stop' }));
    };
    const error = await t.fails('import.run', { jobId: 'job-stop', files });
    expect(error).toEqual({ code: 'cancelled', message: 'Import cancelled: nothing was imported' });
    expect(await Promise.all(answers)).toEqual([{ cancelled: true }]);
    expect(events.at(-1)).toEqual({ jobId: 'job-stop', label: 'Cancelled', done: 0, total: 3, finished: true, error: 'Import cancelled: nothing was imported' });
    expect(tableCounts(t.host)).toEqual(before);
    // The job is over: cancelling it again finds nothing, and the files are still staged.
    expect(await t.ok('import.cancel', { jobId: 'job-stop' })).toEqual({ cancelled: false });
    expect((await run(t, files)).files).toHaveLength(3);
  });

  it('cannot be cancelled once it is saving: the cancel says so and the import completes', async () => {
    const files = [await transcript('a.txt'), await transcript('b.txt')];
    const answers: Promise<unknown>[] = [];
    onEvent = (e) => {
      if (e.label === 'Saving to the project') answers.push(t.ok('import.cancel', { jobId: 'job-late' }));
    };
    const report = await run(t, files, 'job-late');
    expect(report.files).toHaveLength(2);
    expect(await Promise.all(answers)).toEqual([{ cancelled: false }]);
    expect(events.at(-1)).toMatchObject({ label: 'Imported', finished: true });
    expect(await t.ok('sources.list', {})).toHaveLength(2);
  });

  it('says no to cancelling a job that is not running', async () => {
    expect(await t.ok('import.cancel', { jobId: 'never-started' })).toEqual({ cancelled: false });
  });
});
