import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StagedFile } from '../../../shared/domain/import-types.ts';
import { makeDocx } from '../../helpers/files.ts';
import { otterTxt, whisperJson, zoomVtt } from '../../helpers/transcript-exports.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

/**
 * Files staged by path (the CLI) are read from disk, and disks refuse: a file the user may
 * not read, a sector that fails. The tests run as root, for whom no permission bit refuses
 * anything, so the operating system's answer for those two files is given here by wrapping
 * node:fs: a file whose name holds "locked" cannot be opened (EACCES), one whose name holds
 * "bad-sector" opens but fails when read (EIO). Every other file is read as it is.
 */
const errno = (code: string, text: string, syscall: string, path?: string) =>
  Object.assign(new Error(`${code}: ${text}, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const failing = new Set<number>();
  const refuse = (path: unknown) => {
    if (String(path).includes('locked')) throw errno('EACCES', 'permission denied', 'open', String(path));
  };
  const openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    refuse(path);
    const fd = (real.openSync as (...a: unknown[]) => number)(path, ...rest);
    if (String(path).includes('bad-sector')) failing.add(fd);
    return fd;
  }) as typeof real.openSync;
  const readSync = ((fd: number, ...rest: unknown[]) => {
    if (failing.has(fd)) throw errno('EIO', 'i/o error', 'read');
    return (real.readSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof real.readSync;
  const closeSync = ((fd: number) => {
    failing.delete(fd);
    real.closeSync(fd);
  }) as typeof real.closeSync;
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    refuse(path);
    return (real.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFileSync;
  return { ...real, default: { ...real, openSync, readSync, closeSync, readFileSync }, openSync, readSync, closeSync, readFileSync };
});

describe('staging files by path, as the disk answers', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  const write = (name: string, bytes: string | Uint8Array) => {
    const path = join(t.dir, name);
    fs.writeFileSync(path, bytes);
    return path;
  };
  const stagePaths = (paths: string[]): Promise<StagedFile[]> => t.ok('import.stage', { files: paths.map((path) => ({ path })) });
  /** The files of the test folder this process holds open. */
  const openHere = () =>
    fs
      .readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(t.dir) && !target.includes('study.marginalia'));

  it('leaves no file open after reading the start of transcripts, captions and Whisper JSON', async () => {
    const paths = [write('Otter interview.txt', otterTxt()), write('Zoom call.vtt', zoomVtt()), write('whisper.json', whisperJson(true))];
    const staged = await stagePaths(paths);
    expect(staged.map((s) => [s.name, s.format, s.suggestedKind, s.error])).toEqual([
      ['Otter interview.txt', 'txt', 'interview', null],
      ['Zoom call.vtt', 'vtt', 'interview', null],
      ['whisper.json', 'json', 'interview', null],
    ]);
    expect(openHere()).toEqual([]);
  });

  it('says in the entry that a file cannot be read, with what the system said, and stages the others', async () => {
    const lockedText = write('locked notes.txt', 'Interviewer: Hello.\nAnn: Hi.\n');
    const lockedReport = write('locked report.docx', await makeDocx(['A report.']));
    const staged = await stagePaths([lockedText, lockedReport, write('Otter interview.txt', otterTxt())]);
    expect(staged.map(({ stagedId: _, ...rest }) => rest)).toEqual([
      { name: 'locked notes.txt', size: 0, format: null, kinds: [], suggestedKind: null, error: `locked notes.txt could not be read: EACCES: permission denied, open '${lockedText}'` },
      { name: 'locked report.docx', size: 0, format: null, kinds: [], suggestedKind: null, error: `locked report.docx could not be read: EACCES: permission denied, open '${lockedReport}'` },
      { name: 'Otter interview.txt', size: otterTxt().length, format: 'txt', kinds: ['interview', 'document', 'questionnaire'], suggestedKind: 'interview', error: null },
    ]);
  });

  it('says a file that opens but fails while read cannot be read, and leaves it closed', async () => {
    const [staged] = await stagePaths([write('bad-sector interview.txt', otterTxt())]);
    expect(staged).toMatchObject({ name: 'bad-sector interview.txt', format: null, suggestedKind: null, error: 'bad-sector interview.txt cannot be read: EIO: i/o error, read' });
    expect(openHere()).toEqual([]);
    // The failed entry refuses an import with the same message.
    expect(await t.fails('import.run', { files: [{ stagedId: staged!.stagedId, kind: 'interview' }] })).toEqual({
      code: 'bad_file',
      message: 'bad-sector interview.txt cannot be read: EIO: i/o error, read',
      field: 'files.0',
    });
  });
});
