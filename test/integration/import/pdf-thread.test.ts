import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOffThread, parseThreadState, setParseLimits, stopParseThread } from '../../../electron/backend/import/pipeline/parse-pool.ts';
import type { DocumentPreview } from '../../../shared/domain/import-types.ts';
import { makePdf, makePdfWithStaleXref, utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne } from './helpers.ts';

/** pdf.js, once loaded in a thread, leaves its worker module on that thread's globalThis (parsers/pdf.ts). */
const pdfjsLoadedHere = () => 'pdfjsWorker' in globalThis;

describe('PDF parsing happens on the parsing thread, within page and time limits', () => {
  let t: TestHost;
  let restore = () => {};
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => {
    restore();
    t.cleanup();
  });
  afterAll(() => stopParseThread());

  it('previews and imports a PDF without loading pdf.js in the backend’s own thread', async () => {
    const staged = await stageOne(t, 'report.pdf', await makePdf([['Annual report', '', 'Enrolment rose by a third.'], ['Page two starts here.']]));
    const p = (await preview(t, staged)) as DocumentPreview;
    expect(p).toMatchObject({ kind: 'document', pageCount: 2, unitCount: 3 });
    // A second file, not previewed first, is parsed by the import itself.
    const other = await stageOne(t, 'memo.pdf', await makePdf([['A memo on badges.']]));
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'document' }, { stagedId: other.stagedId, kind: 'document' }]);
    expect(report.files.map((f) => f.name)).toEqual(['report.pdf', 'memo.pdf']);
    const memo = await t.ok('sources.get', { id: report.files[1]!.sourceId! });
    expect(memo.text).toBe('A memo on badges.');
    expect(parseThreadState()).toBe('running');
    expect(pdfjsLoadedHere()).toBe(false);
  });

  it('imports a PDF whose cross-reference table is stale, and the parsing thread lives on', async () => {
    // pdf.js reads such a file in recovery mode, but leaves rejections nobody awaits (parsers/pdf.ts);
    // they once ended the thread, and then the backend, which parsed the file itself.
    const staged = await stageOne(t, 'edited.pdf', makePdfWithStaleXref(['Minutes of the board (edited).', 'Second page: badges approved.']));
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'document' }]);
    const source = await t.ok('sources.get', { id: report.files[0]!.sourceId! });
    expect(source.text).toBe('Minutes of the board (edited).\n\nSecond page: badges approved.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(parseThreadState()).toBe('running');
    expect(pdfjsLoadedHere()).toBe(false);
  });

  it('refuses a PDF over the page limit in the preview and the import, and writes nothing', async () => {
    restore = setParseLimits({ maxPages: 3 });
    const staged = await stageOne(t, 'thesis.pdf', await makePdf([['1'], ['2'], ['3'], ['4'], ['5']]));
    const before = tableCounts(t.host);
    const p = await t.host.call('import.preview', { stagedId: staged.stagedId, kind: 'document' });
    expect(p).toEqual({ ok: false, error: { code: 'bad_file', field: 'stagedId', message: 'thesis.pdf has 5 pages; Marginalia reads at most 3 pages of one PDF (split it and import the parts)' } });
    const r = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'document' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_file', message: 'thesis.pdf has 5 pages; Marginalia reads at most 3 pages of one PDF (split it and import the parts)' } });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a PDF that takes longer than the time limit, and writes nothing', async () => {
    restore = setParseLimits({ timeMs: 1 });
    const pages = Array.from({ length: 60 }, (_, i) => Array.from({ length: 40 }, (_, k) => `Page ${i + 1}, line ${k + 1}: enrolment and badges.`));
    const staged = await stageOne(t, 'annual.pdf', await makePdf(pages));
    const before = tableCounts(t.host);
    const r = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'document' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_file', message: expect.stringMatching(/^annual\.pdf took longer than 1 ms to read and was stopped/) } });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('stops a parse that never yields (the thread is ended) and parses the next file on a fresh thread', async () => {
    // A transcript this long keeps the thread busy far beyond 1 ms without a break.
    const long = Array.from({ length: 60_000 }, (_, i) => `Interviewer: Question ${i}?\nAnn: Answer ${i}, at length.\n`).join('');
    restore = setParseLimits({ timeMs: 1 });
    const stuck = await parseOffThread({ name: 'long.txt', kind: 'interview', bytes: utf8Bytes(long) }).promise.catch((e: unknown) => e);
    expect((stuck as Error).message).toBe('long.txt took longer than 1 ms to read and was stopped; if it is very large, split it and import the parts');
    restore();
    const next = await parseOffThread({ name: 'short.txt', kind: 'interview', bytes: utf8Bytes('Interviewer: Hi?\nAnn: Hello.\nInterviewer: And then?\nAnn: Bye.\n') }).promise;
    expect(next.kind === 'interview' && next.units.map((u) => u.speaker)).toEqual(['Interviewer', 'Ann', 'Interviewer', 'Ann']);
    expect(parseThreadState()).toBe('running');
  });
});
