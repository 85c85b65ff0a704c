import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFileOptions } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { run, stageOne, unitsOf } from './helpers.ts';

const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi.\nInterviewer: Bye.\nAnn: Bye.\n';
const NO_SPEAKERS = 'We met at the library.\n\nShe talked about the move and the new job.\n';

describe('what import.run tells the renderer about a mapping it cannot follow', () => {
  let t: TestHost;
  let before: Record<string, number>;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
    before = tableCounts(t.host);
  });
  afterEach(() => t.cleanup());

  const stagedId = async (name: string, text: string) => (await stageOne(t, name, utf8Bytes(text))).stagedId;
  const interview = async (name: string, speakers: ImportFileOptions['interview']) =>
    ({ stagedId: await stagedId(name, TRANSCRIPT), kind: 'interview' as const, interview: speakers });
  const fine = async () => interview('fine.txt', { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'other' }] });

  it('refuses a speaker mapped to a participant that does not exist, naming the mapping', async () => {
    const bad = await interview('b.txt', { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'participant', participantId: 999 }] });
    const error = await t.fails('import.run', { files: [await fine(), bad] });
    expect(error).toEqual({ code: 'not_found', message: 'Participant 999 does not exist', field: 'files.1.interview.speakers.1.participantId' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses text without a speaker credited to a participant that does not exist', async () => {
    const bad = { stagedId: await stagedId('notes.txt', NO_SPEAKERS), kind: 'interview' as const, interview: { speakers: [], unattributedParticipantId: 999 } };
    const error = await t.fails('import.run', { files: [await fine(), bad] });
    expect(error).toEqual({ code: 'not_found', message: 'Participant 999 does not exist', field: 'files.1.interview.unattributedParticipantId' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a new participant whose label is taken (in any case), naming that label', async () => {
    await t.ok('participants.create', { label: 'P1' });
    before = tableCounts(t.host);
    const bad = await interview('b.txt', { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'new', label: 'p1' }] });
    const error = await t.fails('import.run', { files: [await fine(), bad] });
    expect(error).toEqual({
      code: 'conflict',
      message: 'A participant labelled p1 already exists; map the speaker to that participant instead of creating one',
      field: 'files.1.interview.speakers.1.label',
    });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a new participant with an empty label, naming that label', async () => {
    const bad = await interview('b.txt', { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'new', label: '' }] });
    const error = await t.fails('import.run', { files: [await fine(), bad] });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'files.1.interview.speakers.1.label' });
    expect(error.message).toMatch(/Participant label must not be empty/);
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a questionnaire id column the file does not have, naming the questionnaire option', async () => {
    const csv = await stagedId('answers.csv', 'id,answer\nR1,yes\nR2,no\n');
    const questionnaire = { idColumn: 'respondent', columns: [{ column: 'answer', role: 'answer' as const }], family: { mode: 'new' as const } };
    const error = await t.fails('import.run', { files: [await fine(), { stagedId: csv, kind: 'questionnaire', questionnaire }] });
    expect(error).toEqual({ code: 'invalid_input', message: 'answers.csv: there is no column "respondent" (the columns are "id", "answer")', field: 'files.1.questionnaire.idColumn' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('imports text without speakers given no mapping at all (nobody to map)', async () => {
    const report = await run(t, [{ stagedId: await stagedId('notes.txt', NO_SPEAKERS), kind: 'interview' }]);
    expect(report.files).toEqual([{ name: 'notes.txt', kind: 'interview', sourceId: expect.any(Number), sourceName: 'notes', units: 2, turns: 0, speakers: 0 }]);
    const credited = async (sourceId: number) => (await unitsOf(t, sourceId)).units.map((u) => [u.kind, u.speaker, u.participant, u.interviewer]);
    expect(await credited(report.files[0]!.sourceId!)).toEqual([
      ['paragraph', null, null, false],
      ['paragraph', null, null, false],
    ]);
    // Given a participant for text without a speaker, every paragraph is theirs.
    const p = await t.ok('participants.create', { label: 'P2' });
    const again = await run(t, [{ stagedId: await stagedId('notes2.txt', NO_SPEAKERS), kind: 'interview', interview: { speakers: [], unattributedParticipantId: p.id } }]);
    expect(await credited(again.files[0]!.sourceId!)).toEqual([
      ['paragraph', null, 'P2', false],
      ['paragraph', null, 'P2', false],
    ]);
  });

  it('refuses a second job under the id of one still running, naming the running one, and frees the id when it ends', async () => {
    const a = await stagedId('a.txt', NO_SPEAKERS);
    const b = await stagedId('b.txt', 'A second note.\n');
    const first = t.host.call('import.run', { jobId: 'job-same', files: [{ stagedId: a, kind: 'document' }] });
    const second = t.host.call('import.run', { jobId: 'job-same', files: [{ stagedId: b, kind: 'document' }] });
    const exported = t.host.call('exchange.exportProject', { jobId: 'job-same' });
    const busy = { code: 'conflict', message: 'An import with job id job-same is already running', field: 'jobId' };
    expect(await second).toEqual({ ok: false, error: busy });
    expect(await exported).toEqual({ ok: false, error: busy });
    expect(await first).toMatchObject({ ok: true, value: { jobId: 'job-same', files: [{ name: 'a.txt' }] } });
    // The refused import imported nothing, and its file is still staged: it can run now.
    expect((await t.ok('sources.list', {})).map((x) => x.name)).toEqual(['a']);
    const again = await t.ok('import.run', { jobId: 'job-same', files: [{ stagedId: b, kind: 'document' }] });
    expect(again.files.map((f) => f.name)).toEqual(['b.txt']);
  });
});
