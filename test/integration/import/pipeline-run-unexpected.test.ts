import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParseInput } from '../../../electron/backend/import/pipeline/parse-wire.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { stageOne } from './helpers.ts';

/**
 * A parse that fails with something other than an ImportError (a parser's own bug, a thread
 * that died) cannot be provoked with a file: every parser wraps its libraries' errors. The
 * parsing thread is replaced for files named "trips…" by one that fails that way.
 */
vi.mock(import('../../../electron/backend/import/pipeline/parse-pool.ts'), async (original) => {
  const pool = await original();
  return {
    ...pool,
    parseOffThread: (input: ParseInput) =>
      input.name.startsWith('trips') ? { promise: Promise.reject(new TypeError('the parser tripped.')), steal: () => false } : pool.parseOffThread(input),
  };
});

const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi.\n';
const ANN = { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Ann', as: 'new' as const, label: 'PA' }] };

describe('a file whose parse fails unexpectedly', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  it('is named in a bad_file failure with the reason, at its place in the batch, and nothing is imported', async () => {
    const before = tableCounts(t.host);
    const good = await stageOne(t, 'good.txt', utf8Bytes(TRANSCRIPT));
    const bad = await stageOne(t, 'trips.txt', utf8Bytes(TRANSCRIPT));
    const error = await t.fails('import.run', {
      files: [
        { stagedId: good.stagedId, kind: 'interview', interview: ANN },
        { stagedId: bad.stagedId, kind: 'interview', interview: ANN },
      ],
    });
    expect(error).toEqual({ code: 'bad_file', message: 'trips.txt could not be imported: the parser tripped', field: 'files.1' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('is named in the preview failure too', async () => {
    const bad = await stageOne(t, 'trips.txt', utf8Bytes(TRANSCRIPT));
    expect(await t.fails('import.preview', { stagedId: bad.stagedId, kind: 'interview' })).toEqual({ code: 'bad_file', message: 'trips.txt could not be read: the parser tripped', field: 'stagedId' });
  });
});
