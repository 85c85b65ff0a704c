import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentPreview, InterviewPreview, StagedFile } from '../../../shared/domain/import-types.ts';
import { makeDocx, utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { asUpload, stageOne } from './helpers.ts';

const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi there.\nInterviewer: Bye.\nAnn: Bye now.\n';
const ANN = { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Ann', as: 'other' as const }] };
const NOTHING = (name: string) => ({ name, size: 0, format: null, kinds: [], suggestedKind: null });
const notStaged = (id: string) => `No staged file ${id}: it was imported, discarded, or the app restarted; add the file again`;

describe('staging files for import', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  const stagePath = async (path: string, kind?: 'interview' | 'document' | 'questionnaire'): Promise<StagedFile> => {
    const [staged] = await t.ok('import.stage', { files: [{ path, ...(kind ? { kind } : {}) }] });
    return staged!;
  };
  const write = (name: string, text: string | Uint8Array) => {
    const path = join(t.dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('describes a good file: its own name, size, format, the kinds it can be and the likely one', async () => {
    const staged = await t.ok('import.stage', {
      files: [asUpload('folder/Interview Ann.txt', utf8Bytes(TRANSCRIPT)), asUpload('notes.md', utf8Bytes('# Notes\n\nA paragraph.\n')), asUpload('answers.csv', utf8Bytes('id,answer\nR1,yes\n'))],
    });
    expect(staged).toEqual([
      { stagedId: expect.stringMatching(/^stg_/), name: 'Interview Ann.txt', size: TRANSCRIPT.length, format: 'txt', kinds: ['interview', 'document', 'questionnaire'], suggestedKind: 'interview', error: null },
      { stagedId: expect.stringMatching(/^stg_/), name: 'notes.md', size: 22, format: 'md', kinds: ['interview', 'document'], suggestedKind: 'document', error: null },
      { stagedId: expect.stringMatching(/^stg_/), name: 'answers.csv', size: 17, format: 'csv', kinds: ['questionnaire'], suggestedKind: 'questionnaire', error: null },
    ]);
    expect(new Set(staged.map((s) => s.stagedId)).size).toBe(3);
  });

  it('takes the kind the caller names over its own guess, and gives the whole size of a long file named by path', async () => {
    const [asDocument] = await t.ok('import.stage', { files: [{ ...asUpload('t.txt', utf8Bytes(TRANSCRIPT)), kind: 'document' }] });
    expect(asDocument).toMatchObject({ format: 'txt', suggestedKind: 'document', error: null });
    // Only the start of a text file is read when it is staged, but its size is the whole file's.
    const long = `id,answer\n${Array.from({ length: 8000 }, (_, i) => `R${i},answer number ${i}`).join('\n')}\n`;
    expect(long.length).toBeGreaterThan(64 * 1024);
    const staged = await stagePath(write('long.csv', long));
    expect(staged).toMatchObject({ name: 'long.csv', size: long.length, format: 'csv', suggestedKind: 'questionnaire', error: null });
    const docx = await makeDocx(['A report.', 'Its second paragraph.']);
    expect(await stagePath(write('report.docx', docx))).toMatchObject({ name: 'report.docx', size: docx.length, format: 'docx', kinds: ['interview', 'document'], suggestedKind: 'document', error: null });
  });

  it('says a path is a folder, or that nothing is there, in the entry of that file', async () => {
    const folder = join(t.dir, 'transcripts.txt');
    mkdirSync(folder);
    const missing = join(t.dir, 'gone.txt');
    const staged = await t.ok('import.stage', { files: [{ path: folder }, { path: missing }] });
    expect(staged).toEqual([
      { stagedId: expect.stringMatching(/^stg_/), ...NOTHING('transcripts.txt'), error: 'transcripts.txt is a folder, not a file' },
      { stagedId: expect.stringMatching(/^stg_/), ...NOTHING('gone.txt'), error: `gone.txt cannot be read: no file at ${missing}` },
    ]);
  });

  it('refuses a kind the format cannot be, listing the kinds it can', async () => {
    const staged = await t.ok('import.stage', {
      files: [
        { ...asUpload('answers.csv', utf8Bytes('id,answer\nR1,yes\n')), kind: 'interview' },
        { ...asUpload('notes.md', utf8Bytes('Some notes.\n')), kind: 'questionnaire' },
        { path: write('talk.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>Hi.\n'), kind: 'document' },
      ],
    });
    expect(staged.map(({ stagedId: _, ...rest }) => rest)).toEqual([
      { ...NOTHING('answers.csv'), error: 'answers.csv cannot be imported as an interview (a .csv file can be a questionnaire)' },
      { ...NOTHING('notes.md'), error: 'notes.md cannot be imported as a questionnaire (a .md file can be an interview or a document)' },
      { ...NOTHING('talk.vtt'), error: 'talk.vtt cannot be imported as a document (a .vtt file can be an interview)' },
    ]);
  });

  it('answers not_found, naming the field, for a staged id it does not hold', async () => {
    expect(await t.fails('import.preview', { stagedId: 'stg_nope', kind: 'document' })).toEqual({ code: 'not_found', message: notStaged('stg_nope'), field: 'stagedId' });
    const good = await stageOne(t, 'a.txt', utf8Bytes(TRANSCRIPT));
    const before = tableCounts(t.host);
    const r = await t.fails('import.run', { files: [{ stagedId: good.stagedId, kind: 'interview', interview: ANN }, { stagedId: 'stg_nope', kind: 'document' }] });
    expect(r).toEqual({ code: 'not_found', message: notStaged('stg_nope'), field: 'files.1.stagedId' });
    expect(tableCounts(t.host)).toEqual(before);
    // Discarded files are gone the same way.
    expect(await t.ok('import.discard', { stagedIds: [good.stagedId] })).toEqual({ discarded: 1 });
    expect(await t.fails('import.preview', { stagedId: good.stagedId, kind: 'interview' })).toEqual({ code: 'not_found', message: notStaged(good.stagedId), field: 'stagedId' });
  });

  it('refuses to preview or import a file that failed staging, with the staging error', async () => {
    const bad = await stageOne(t, 'empty.txt', new Uint8Array());
    expect(bad).toMatchObject({ ...NOTHING('empty.txt'), error: 'empty.txt is empty' });
    expect(await t.fails('import.preview', { stagedId: bad.stagedId, kind: 'document' })).toEqual({ code: 'bad_file', message: 'empty.txt is empty' });
    expect(await t.fails('import.run', { files: [{ stagedId: bad.stagedId, kind: 'document' }] })).toEqual({ code: 'bad_file', message: 'empty.txt is empty', field: 'files.0' });
    expect(await t.ok('sources.list', {})).toEqual([]);
  });

  it('reads a file named by path again at import: a deleted file cannot be read any more, a changed one is imported as it is now', async () => {
    const gonePath = write('gone.txt', TRANSCRIPT);
    const gone = await stagePath(gonePath);
    rmSync(gonePath);
    const enoent = `gone.txt cannot be read any more: ENOENT: no such file or directory, open '${gonePath}'`;
    expect(await t.fails('import.preview', { stagedId: gone.stagedId, kind: 'interview' })).toEqual({ code: 'bad_file', message: enoent, field: 'stagedId' });
    expect(await t.fails('import.run', { files: [{ stagedId: gone.stagedId, kind: 'interview', interview: ANN }] })).toEqual({ code: 'bad_file', message: enoent, field: 'files.0' });

    const changedPath = write('changed.txt', TRANSCRIPT);
    const changed = await stagePath(changedPath);
    writeFileSync(changedPath, TRANSCRIPT.replace('Hi there.', 'Something else entirely.'));
    const report = await t.ok('import.run', { files: [{ stagedId: changed.stagedId, kind: 'interview', interview: ANN }] });
    expect((await t.ok('sources.get', { id: report.files[0]!.sourceId! })).text).toContain('Something else entirely.');
    expect(await t.ok('sources.list', {})).toHaveLength(1);
  });

  it('imports what the preview showed, even if the file changed on disk after it', async () => {
    const path = write('seen.txt', TRANSCRIPT);
    const staged = await stagePath(path);
    const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'interview' })) as InterviewPreview;
    expect(p.turns.map((u) => u.text)).toContain('Hi there.');
    rmSync(path);
    const report = await t.ok('import.run', { files: [{ stagedId: staged.stagedId, kind: 'interview', interview: ANN }] });
    expect((await t.ok('sources.get', { id: report.files[0]!.sourceId! })).text).toContain('Ann: Hi there.');
  });

  /**
   * The preview remembers the six parses used last (staging.ts rememberParse). Seen from
   * outside: a file named by path and deleted after its preview still previews while it is
   * remembered, and cannot be read any more once six other previews pushed it out.
   */
  describe('remembers the six parses used last', () => {
    const previewOf = (staged: StagedFile) => t.host.call('import.preview', { stagedId: staged.stagedId, kind: 'document' });
    async function stageFiles(count = 8): Promise<StagedFile[]> {
      const staged: StagedFile[] = [];
      for (let i = 0; i < count; i++) staged.push(await stagePath(write(`doc${i}.txt`, `Document number ${i}.\n`)));
      return staged;
    }
    const firstUnit = async (staged: StagedFile) => ((await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'document' })) as DocumentPreview).units[0]!.text;

    it('keeps a parse through five more previews and forgets it at the sixth', async () => {
      const [first, ...others] = await stageFiles();
      expect(await firstUnit(first!)).toBe('Document number 0.');
      rmSync(join(t.dir, 'doc0.txt'));
      for (const other of others.slice(0, 6)) expect((await previewOf(other)).ok).toBe(true);
      const r = await previewOf(first!);
      expect(r.ok ? null : r.error.message).toMatch(/^doc0\.txt cannot be read any more: ENOENT/);
    });

    it('keeps the file the researcher keeps coming back to, however many others they preview', async () => {
      // As the dialog does when the id column or the family of the file in view changes.
      const [first, ...others] = await stageFiles(17);
      expect(await firstUnit(first!)).toBe('Document number 0.');
      rmSync(join(t.dir, 'doc0.txt'));
      for (const other of others.slice(0, 5)) expect((await previewOf(other)).ok).toBe(true);
      expect(await firstUnit(first!)).toBe('Document number 0.');
      for (const other of others.slice(5, 10)) expect((await previewOf(other)).ok).toBe(true);
      expect(await firstUnit(first!)).toBe('Document number 0.');
      // Six previews of other files since it was last asked for: it is forgotten.
      for (const other of others.slice(10, 16)) expect((await previewOf(other)).ok).toBe(true);
      const r = await previewOf(first!);
      expect(r.ok ? null : r.error.message).toMatch(/^doc0\.txt cannot be read any more: ENOENT/);
    });

    it('remembers a parse per kind', async () => {
      const [first] = await stageFiles();
      await t.ok('import.preview', { stagedId: first!.stagedId, kind: 'document' });
      rmSync(join(t.dir, 'doc0.txt'));
      const r = await t.host.call('import.preview', { stagedId: first!.stagedId, kind: 'interview' });
      expect(r.ok ? null : r.error.message).toMatch(/^doc0\.txt cannot be read any more/);
    });

    it('forgets the parses of discarded files, which makes room for others', async () => {
      const [first, ...others] = await stageFiles();
      await t.ok('import.preview', { stagedId: first!.stagedId, kind: 'document' });
      rmSync(join(t.dir, 'doc0.txt'));
      for (const other of others.slice(0, 5)) expect((await previewOf(other)).ok).toBe(true);
      expect(await t.ok('import.discard', { stagedIds: [others[0]!.stagedId] })).toEqual({ discarded: 1 });
      // Six parses remembered again, not seven: the first one is still there.
      expect((await previewOf(others[5]!)).ok).toBe(true);
      expect((await previewOf(first!)).ok).toBe(true);
    });
  });
});
