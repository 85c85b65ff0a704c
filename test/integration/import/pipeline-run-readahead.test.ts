import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import type { StagedFile } from '../../../shared/domain/import-types.ts';
import type * as ParsePool from '../../../electron/backend/import/pipeline/parse-pool.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { run } from './helpers.ts';

/**
 * What the writing thread and the parsing thread did, in order: `parse x` when a file is handed
 * to the parsing thread, `write x` when the import turns to it (its progress event).
 */
const log = vi.hoisted(() => [] as string[]);

vi.mock('../../../electron/backend/import/pipeline/parse-pool.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ParsePool>();
  return {
    ...actual,
    // Every file reads as the same one-paragraph document: what matters here is when it is asked for.
    parseOffThread: (input: { name: string }) => {
      log.push(`parse ${input.name}`);
      return { promise: Promise.resolve({ kind: 'document', text: 'x', units: [{ kind: 'paragraph', start: 0, end: 1 }] }), steal: () => false };
    },
  };
});

const MB = 1024 * 1024;

describe('how far ahead of the file being written the import reads', () => {
  let t: TestHost;
  beforeEach(() => {
    log.length = 0;
    t = testHost({ onProgress: (e: ProgressEvent) => void (e.label.startsWith('Importing ') && log.push(`write ${e.label.slice('Importing '.length)}`)) });
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  /** Files of these sizes on disk, staged by path as the desktop dialog does. */
  async function stageSized(sizes: number[]): Promise<StagedFile[]> {
    const files = sizes.map((size, i) => {
      const path = join(t.dir, `f${i}.txt`);
      writeFileSync(path, Buffer.alloc(size, 'a'));
      return { path, kind: 'document' as const };
    });
    return t.ok('import.stage', { files });
  }

  const importAll = async (staged: StagedFile[]) => run(t, staged.map((s) => ({ stagedId: s.stagedId, kind: 'document' as const })));

  it('hands the parsing thread at most four files ahead', async () => {
    const report = await importAll(await stageSized(Array.from({ length: 8 }, () => 1000)));
    expect(report.files).toHaveLength(8);
    // Four at the start; then one more each time the import turns to the next file.
    expect(log).toEqual([
      ...['parse f0.txt', 'parse f1.txt', 'parse f2.txt', 'parse f3.txt'],
      ...['write f0.txt', 'parse f4.txt', 'write f1.txt', 'parse f5.txt', 'write f2.txt', 'parse f6.txt', 'write f3.txt', 'parse f7.txt'],
      ...['write f4.txt', 'write f5.txt', 'write f6.txt', 'write f7.txt'],
    ]);
  });

  it('hands it at most 16 MB ahead, but always the file to be written next however large', async () => {
    const report = await importAll(await stageSized([17 * MB, 8 * MB, 8 * MB, 8 * MB, 6 * MB, 6 * MB, 1000]));
    expect(report.files).toHaveLength(7);
    expect(log).toEqual([
      // 17 MB: alone, and only because it is next.
      ...['parse f0.txt', 'write f0.txt'],
      // 8 + 8 MB fit exactly; the third 8 MB waits until the first is written.
      ...['parse f1.txt', 'parse f2.txt', 'write f1.txt', 'parse f3.txt', 'write f2.txt', 'parse f4.txt'],
      // 8 + 6 + 6 would be 20 MB: f5 waits for f3, then f5 and the small f6 fit with f4.
      ...['write f3.txt', 'parse f5.txt', 'parse f6.txt', 'write f4.txt', 'write f5.txt', 'write f6.txt'],
    ]);
  });
});
