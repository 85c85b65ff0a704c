import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import type { ImportFileOptions, ImportReport, StagedFile } from '../../../shared/domain/import-types.ts';
import { Host } from '../../../electron/backend/host.ts';
import { makeDocx, makePdf, makeXlsx, truncated, utf8Bytes } from '../../helpers/files.ts';
import { FIXED_TIME, tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { asUpload, stageOne } from './helpers.ts';

const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi.\nInterviewer: Bye.\nAnn: Bye.\n';
const ANN = { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Ann', as: 'other' as const }] };
const QUESTIONNAIRE = { idColumn: 'id', columns: [{ column: 'answer', role: 'answer' as const }], family: { mode: 'new' as const } };

describe('import refuses bad input, naming the file, and leaves the project unchanged', () => {
  let t: TestHost;
  let before: Record<string, number>;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
    before = tableCounts(t.host);
  });
  afterEach(() => t.cleanup());

  it('flags files that cannot be imported when they are staged', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const staged = await t.ok('import.stage', {
      files: [asUpload('photo.txt', binary), asUpload('empty.txt', new Uint8Array()), asUpload('answers.xlsx', utf8Bytes('id,answer\n1,yes\n')), asUpload('old.doc', utf8Bytes('x'))],
    });
    expect(staged.map((s) => s.error)).toEqual([
      'photo.txt does not look like a text file',
      'empty.txt is empty',
      'answers.xlsx is not a valid XLSX file (it is not a ZIP archive)',
      'old.doc cannot be imported as it is: save it as .docx in Word and import that',
    ]);
    const r = await t.host.call('import.run', { files: [{ stagedId: staged[0]!.stagedId, kind: 'document' }] });
    expect(r.ok ? null : r.error).toEqual({ code: 'bad_file', message: 'photo.txt does not look like a text file', field: 'files.0' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a file over 50 MB, from bytes and from a path', async () => {
    const big = new Uint8Array(51 * 1024 * 1024).fill(0x61);
    const [fromBytes] = await t.ok('import.stage', { files: [asUpload('huge.txt', big)] });
    expect(fromBytes!.error).toBe('huge.txt is 51.0 MB; the limit is 50.0 MB');
    const path = join(t.dir, 'huge-on-disk.txt');
    writeFileSync(path, big);
    const [fromPath] = await t.ok('import.stage', { files: [{ path }] });
    expect(fromPath!.error).toBe('huge-on-disk.txt is 51.0 MB; the limit is 50.0 MB');
  });

  it('rolls back a whole batch when one file in it is damaged', async () => {
    const good = await stageOne(t, 'good.txt', utf8Bytes(TRANSCRIPT));
    const docx = await stageOne(t, 'broken.docx', truncated(await makeDocx(['Interviewer: Hi.', 'Ann: Hi.'])));
    expect(docx.error).toBeNull(); // the start of the archive looks fine; the damage shows when it is read
    const r = await t.host.call('import.run', {
      files: [
        { stagedId: good.stagedId, kind: 'interview', interview: ANN },
        { stagedId: docx.stagedId, kind: 'document' },
      ],
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'bad_file', field: 'files.1', message: expect.stringMatching(/^broken\.docx is not a valid DOCX file/) });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('names the file for truncated XLSX and PDF files', async () => {
    const xlsx = await stageOne(t, 'survey.xlsx', truncated(await makeXlsx([['id', 'answer'], ['1', 'yes']])));
    const pdf = await stageOne(t, 'report.pdf', truncated(await makePdf([['Page one'], ['Page two']])));
    const x = await t.host.call('import.preview', { stagedId: xlsx.stagedId, kind: 'questionnaire' });
    expect(x.ok ? null : x.error.message).toMatch(/^survey\.xlsx is not a valid XLSX file/);
    const p = await t.host.call('import.run', { files: [{ stagedId: pdf.stagedId, kind: 'document' }] });
    expect(p.ok ? null : p.error.message).toMatch(/^report\.pdf /);
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('names the row or line of a CSV with ragged rows, broken quoting, a duplicate or empty respondent id, or a bad value', async () => {
    const cases: [string, string, object, RegExp][] = [
      ['ragged.csv', 'id,answer,age\n1,yes,3\n2,no\n', QUESTIONNAIRE, /^ragged\.csv, row 3: 2 cells, but the header \(row 1\) has 3 columns/],
      ['quotes.csv', 'id,answer\n1,"fine"\n2,"never closed\n3,ok\n', QUESTIONNAIRE, /^quotes\.csv, line 3: a quoted cell starts here but its closing quote mark is missing/],
      ['dupes.csv', 'id,answer\nR1,yes\nR2,no\nr1,again\n', QUESTIONNAIRE, /^dupes\.csv, row 4, column "id": respondent id "r1" already appears in row 2/],
      ['blank-id.csv', 'id,answer\nR1,yes\n ,no\n', QUESTIONNAIRE, /^blank-id\.csv, row 3, column "id": the respondent id is empty/],
      ['age.csv', 'id,age\nR1,34\nR2,forty\n', { ...QUESTIONNAIRE, columns: [{ column: 'age', role: 'attribute', type: 'number' }] }, /^age\.csv, row 3, column "age": "forty" is not a number \(the column is imported as a number attribute\)/],
      ['cols.csv', 'id,answer\nR1,yes\n', { ...QUESTIONNAIRE, columns: [{ column: 'Answer 2', role: 'answer' }] }, /^cols\.csv: there is no column "Answer 2"/],
    ];
    for (const [name, csv, questionnaire, message] of cases) {
      const staged = await stageOne(t, name, utf8Bytes(csv));
      const r = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire } as ImportFileOptions] });
      expect(r.ok ? 'imported' : r.error.message, name).toMatch(message);
    }
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a participant id that does not exist and a new label that is taken, writing nothing', async () => {
    await t.ok('participants.create', { label: 'PA' });
    before = tableCounts(t.host);
    const staged = await stageOne(t, 'a.txt', utf8Bytes(TRANSCRIPT));
    const missing = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'participant', participantId: 999 }] } }] });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'not_found', field: 'files.0.interview.speakers.1.participantId' });
    const taken = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'new', label: 'pa' }] } }] });
    expect(taken.ok ? null : taken.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('labelled pa already exists') });
    expect(tableCounts(t.host)).toEqual(before);
  });
});

describe('import progress and cancel', () => {
  let dir: TestHost;
  let host: Host;
  const events: ProgressEvent[] = [];
  let onEvent: (e: ProgressEvent) => void = () => {};
  beforeEach(() => {
    dir = testHost();
    events.length = 0;
    host = new Host({ home: join(dir.dir, 'home2'), clock: () => FIXED_TIME, coderName: 'tester', onProgress: (e) => { events.push(e); onEvent(e); } });
    host.open(join(dir.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => {
    onEvent = () => {};
    host.close();
    dir.cleanup();
  });

  const stageMany = async (n: number) => {
    const r = await host.call('import.stage', { files: Array.from({ length: n }, (_, i) => asUpload(`t${i + 1}.txt`, utf8Bytes(TRANSCRIPT))) });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as StagedFile[]).map((s): ImportFileOptions => ({ stagedId: s.stagedId, kind: 'interview', interview: ANN }));
  };

  it('reports progress per file, then saving, then the end', async () => {
    const files = await stageMany(2);
    const r = await host.call('import.run', { jobId: 'job-1', files });
    expect(r.ok).toBe(true);
    expect(events.map((e) => [e.jobId, e.label, e.done, e.total, e.finished ?? false])).toEqual([
      ['job-1', 'Importing t1.txt', 0, 2, false],
      ['job-1', 'Importing t2.txt', 1, 2, false],
      ['job-1', 'Saving to the project', 2, 2, false],
      ['job-1', 'Imported', 2, 2, true],
    ]);
    expect(await host.call('import.cancel', { jobId: 'job-1' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('cancels a running import: it rolls back and nothing is imported', async () => {
    const files = await stageMany(20);
    const counts = tableCounts(host);
    onEvent = (e) => {
      // By then two files are written inside the import's transaction.
      if (e.label === 'Importing t3.txt') void host.call('import.cancel', { jobId: 'job-2' });
    };
    const r = await host.call('import.run', { jobId: 'job-2', files });
    expect(r.ok ? null : r.error).toEqual({ code: 'cancelled', message: 'Import cancelled: nothing was imported' });
    expect(events.at(-1)).toMatchObject({ jobId: 'job-2', finished: true, error: 'Import cancelled: nothing was imported' });
    expect(tableCounts(host)).toEqual(counts);
    // The staged files are still there: the same batch can be run again.
    const again = await host.call('import.run', { files });
    expect(again.ok && (again.value as ImportReport).files.length).toBe(20);
  });

  it('cancels late in the batch, after most files are written: still nothing is imported', async () => {
    const files = await stageMany(12);
    const counts = tableCounts(host);
    onEvent = (e) => {
      if (e.label === 'Importing t12.txt') void host.call('import.cancel', { jobId: 'job-3' });
    };
    const r = await host.call('import.run', { jobId: 'job-3', files });
    expect(r.ok ? null : r.error.code).toBe('cancelled');
    expect(tableCounts(host)).toEqual(counts);
    const history = await host.call('undo.state', {});
    expect(history.ok && JSON.stringify(history.value)).not.toContain('Import');
  });

  it('makes every file of the batch searchable', async () => {
    const files = await stageMany(5);
    expect((await host.call('import.run', { files })).ok).toBe(true);
    const r = await host.call('search.run', { query: 'bye' });
    if (!r.ok) throw new Error(r.error.message);
    const sources = new Set((r.value as { hits: { sourceName: string }[] }).hits.map((h) => h.sourceName));
    expect([...sources].sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('holds other requests back while it writes: a query sees all of the batch, a command runs after it', async () => {
    const files = await stageMany(6);
    const during: { listed?: ReturnType<Host['call']>; created?: ReturnType<Host['call']> } = {};
    onEvent = (e) => {
      if (e.label !== 'Importing t3.txt') return;
      during.listed = host.call('sources.list', {});
      during.created = host.call('codes.create', { name: 'Made during the import', parentId: null });
    };
    const r = await host.call('import.run', { jobId: 'job-4', files });
    expect(r.ok).toBe(true);
    const sources = await during.listed!;
    if (!sources.ok) throw new Error(sources.error.message);
    const names = (sources.value as { name: string }[]).map((s) => s.name);
    expect(names.filter((n) => /^t\d+$/.test(n))).toHaveLength(6);
    expect((await during.created!).ok).toBe(true);
    // The code is its own step after the import: undoing it leaves the import in place.
    const undone = await host.call('undo.undo', {});
    expect(undone.ok).toBe(true);
    const after = await host.call('sources.list', {});
    expect(after.ok && (after.value as unknown[]).length).toBe(names.length);
    const codes = await host.call('codes.list', {});
    expect(JSON.stringify(codes.ok && codes.value)).not.toContain('Made during the import');
  });
});
