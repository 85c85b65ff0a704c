import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StagedFile } from '../../../shared/domain/import-types.ts';
import { IMPORT_MAX_BYTES } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { asUpload } from './helpers.ts';

/**
 * The 512 MB the backend holds for the renderer at most (staging.ts). Reaching it for real
 * would take 512 MB of memory, so the filler files here are sparse: a payload `SPARSE<n>`
 * decodes (Buffer.from spied on) to n zero bytes with a PDF header, memory the process asks
 * for but never touches. Everything else goes through import.stage / import.run /
 * import.discard as the renderer calls them. This file keeps its own count of what is held:
 * every test discards what it left staged, so each starts from nothing held.
 */
const CAP = 512 * 1024 * 1024;
const FULL = (name: string) => `${name} cannot be added: 512 MB of files are already waiting to be imported; import or remove some first`;
const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi.\nInterviewer: Bye.\nAnn: Bye.\n';
const ANN = { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Ann', as: 'new' as const, label: 'PA' }] };

describe('the bytes held for the renderer are capped at 512 MB', () => {
  let t: TestHost;
  let staged: string[];
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
    staged = [];
    const real = Buffer.from.bind(Buffer) as (...args: unknown[]) => Buffer;
    vi.spyOn(Buffer, 'from').mockImplementation(((...args: unknown[]) => {
      const [value, encoding] = args;
      if (typeof value === 'string' && encoding === 'base64' && value.startsWith('SPARSE')) {
        const sparse = Buffer.alloc(Number(value.slice('SPARSE'.length)));
        sparse.write('%PDF-1.7\n', 0, 'latin1');
        return sparse;
      }
      return real(...args);
    }) as typeof Buffer.from);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await t.ok('import.discard', { stagedIds: staged });
    t.cleanup();
  });

  const stage = async (file: { name: string; dataBase64: string } | { path: string }): Promise<StagedFile> => {
    const [entry] = await t.ok('import.stage', { files: [file] });
    expect(entry!.error).toBeNull();
    staged.push(entry!.stagedId);
    return entry!;
  };
  const sparse = (name: string, size: number) => stage({ name, dataBase64: `SPARSE${size}` });
  /** Stages sparse PDFs (50 MB at most each, the import limit) that hold `bytes` between them. */
  const fill = async (bytes: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; bytes > 0; i++) {
      const size = Math.min(bytes, IMPORT_MAX_BYTES);
      ids.push((await sparse(`filler-${i}.pdf`, size)).stagedId);
      bytes -= size;
    }
    return ids;
  };
  const refused = async (name: string, bytes: Uint8Array) => t.fails('import.stage', { files: [asUpload(name, bytes)] });

  it('refuses a file past the cap as a conflict naming it, and takes one that fills it exactly', async () => {
    await fill(CAP - 1);
    expect(await refused('two.txt', utf8Bytes('hi'))).toEqual({ code: 'conflict', message: FULL('two.txt') });
    const last = await stage(asUpload('one.txt', utf8Bytes('a')));
    expect(last).toMatchObject({ name: 'one.txt', size: 1, format: 'txt', error: null });
    expect(await refused('another.txt', utf8Bytes('b'))).toEqual({ code: 'conflict', message: FULL('another.txt') });
  });

  it('still stages files named by path when full: they are read again from disk, not held', async () => {
    await fill(CAP - 1);
    const path = join(t.dir, 'on-disk.txt');
    writeFileSync(path, TRANSCRIPT.repeat(100));
    expect(await stage({ path })).toMatchObject({ name: 'on-disk.txt', size: TRANSCRIPT.length * 100, error: null });
    // The file on disk took none of the room: the last byte still fits.
    await stage(asUpload('one.txt', utf8Bytes('a')));
  });

  it('gives the room back when files are discarded, once per file', async () => {
    const ids = await fill(CAP);
    expect(await refused('one.txt', utf8Bytes('a'))).toMatchObject({ code: 'conflict' });
    // The same id twice and an unknown one: one file is discarded, and its bytes freed once.
    expect(await t.ok('import.discard', { stagedIds: [ids[0]!, ids[0]!, 'stg_unknown'] })).toEqual({ discarded: 1 });
    expect(await t.ok('import.discard', { stagedIds: [ids[0]!] })).toEqual({ discarded: 0 });
    await sparse('again.pdf', IMPORT_MAX_BYTES);
    expect(await refused('one.txt', utf8Bytes('a'))).toMatchObject({ code: 'conflict' });
  });

  it('gives the room back when the files are imported, not when the import fails', async () => {
    const transcript = await stage(asUpload('a.txt', utf8Bytes(TRANSCRIPT)));
    await fill(CAP - transcript.size);
    const same = utf8Bytes(TRANSCRIPT);
    expect(await refused('b.txt', same)).toEqual({ code: 'conflict', message: FULL('b.txt') });

    // A failed import keeps its files staged, and their bytes held.
    const failed = await t.fails('import.run', { files: [{ stagedId: transcript.stagedId, kind: 'interview' }] });
    expect(failed.code).toBe('invalid_input');
    expect(await refused('b.txt', same)).toMatchObject({ code: 'conflict' });

    await t.ok('import.run', { files: [{ stagedId: transcript.stagedId, kind: 'interview', interview: ANN }] });
    await stage(asUpload('b.txt', same));
    // Exactly the imported file's bytes came free.
    expect(await refused('c.txt', utf8Bytes('c'))).toMatchObject({ code: 'conflict' });
  });

  it('lets go of the files a call staged before one of them was refused for the cap', async () => {
    await fill(CAP - 10);
    // Three files in one call: the first two fit, the third does not, so the call is refused.
    const call = await t.fails('import.stage', { files: [asUpload('a.txt', utf8Bytes('aaaa')), asUpload('b.txt', utf8Bytes('bbbb')), asUpload('c.txt', utf8Bytes('cccc'))] });
    expect(call).toEqual({ code: 'conflict', message: FULL('c.txt') });
    // Their ids never reached the caller, so nothing of them may stay held: all 10 bytes are free.
    await stage(asUpload('ten.txt', utf8Bytes('0123456789')));
  });
});
