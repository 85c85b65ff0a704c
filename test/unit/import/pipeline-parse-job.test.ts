/**
 * The parsing thread's job and what crosses between threads (parse-job.ts, parse-wire.ts),
 * called here on the test's own thread: a file read by path or taken as bytes, a file gone
 * since it was picked, and errors that must come back as the same error the user would see.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { parseSourceSync } from '../../../electron/backend/import/parsers/parse-source.ts';
import { PDF_LIMITS } from '../../../electron/backend/import/parsers/pdf.ts';
import { parseRequest } from '../../../electron/backend/import/pipeline/parse-job.ts';
import { fromWire, toWire } from '../../../electron/backend/import/pipeline/parse-wire.ts';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-parse-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRANSCRIPT = 'Interviewer: How did it start?\nAnn: With a pilot, in 2019.\nInterviewer: And then?\nAnn: It grew.\n';

describe('the parsing job', () => {
  it('reads a file by its path and parses it as the importing thread would', async () => {
    const path = join(dir, 'ann.txt');
    writeFileSync(path, TRANSCRIPT);
    const parsed = await parseRequest({ id: 1, name: 'ann.txt', kind: 'interview', path, limits: PDF_LIMITS });
    expect(parsed).toEqual(parseSourceSync('ann.txt', new TextEncoder().encode(TRANSCRIPT), 'interview'));
    expect(parsed.kind === 'interview' && parsed.units.map((u) => u.speaker)).toEqual(['Interviewer', 'Ann', 'Interviewer', 'Ann']);
  });

  it('parses the bytes it is given without looking for a file', async () => {
    const parsed = await parseRequest({ id: 2, name: 'not-on-disk.txt', kind: 'interview', bytes: new TextEncoder().encode(TRANSCRIPT), limits: PDF_LIMITS });
    expect(parsed.kind === 'interview' && parsed.text).toBe('Interviewer: How did it start?\n\nAnn: With a pilot, in 2019.\n\nInterviewer: And then?\n\nAnn: It grew.');
  });

  it('reads only the bytes of the file, not the rest of the buffer they sit in', async () => {
    // Small files share Node's buffer pool: a view over the whole pool would add other bytes.
    const path = join(dir, 'short.txt');
    writeFileSync(path, 'Just one line.');
    const parsed = await parseRequest({ id: 3, name: 'short.txt', kind: 'document', path, limits: PDF_LIMITS });
    expect(parsed.kind === 'document' && parsed.text).toBe('Just one line.');
  });

  it('says a file picked and then deleted cannot be read any more, naming it and why', async () => {
    const error = await parseRequest({ id: 4, name: 'gone.txt', kind: 'interview', path: join(dir, 'gone.txt'), limits: PDF_LIMITS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^gone\.txt cannot be read any more: .*no such file or directory/i);
  });

  it('passes a parser refusal on unchanged', async () => {
    const error = await parseRequest({ id: 5, name: 'binary.txt', kind: 'interview', bytes: new Uint8Array([0, 1, 2, 0xff, 0, 0x10]), limits: PDF_LIMITS }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('binary.txt does not look like a text file');
  });
});

describe('errors across threads', () => {
  it('brings an import error back as one, with its file, message and place', () => {
    const sent = new ImportError('/home/ann/survey.csv', 'the respondent id is empty', { row: 4, column: 'ID' });
    const wire = toWire(sent);
    expect(wire).toEqual({ importError: { file: 'survey.csv', detail: 'the respondent id is empty', where: { row: 4, column: 'ID' } } });
    // What crosses is plain data (structured clone keeps it whole).
    const back = fromWire(structuredClone(wire));
    expect(back).toBeInstanceOf(ImportError);
    expect(back.message).toBe(sent.message);
    expect(back.message).toBe('survey.csv, row 4, column "ID": the respondent id is empty');
    expect((back as ImportError).where).toEqual({ row: 4, column: 'ID' });
  });

  it('keeps an import error without a place as it was', () => {
    const back = fromWire(toWire(new ImportError('notes.docx', 'is not a Word document')));
    expect(back.message).toBe('notes.docx is not a Word document');
  });

  it('brings any other failure back as an error with its message', () => {
    const fromError = fromWire(toWire(new RangeError('Invalid array length')));
    expect(fromError).not.toBeInstanceOf(ImportError);
    expect(fromError).toBeInstanceOf(Error);
    expect(fromError.message).toBe('Invalid array length');
    expect(toWire('a thrown string')).toEqual({ message: 'a thrown string' });
    expect(fromWire(toWire(42)).message).toBe('42');
  });
});
