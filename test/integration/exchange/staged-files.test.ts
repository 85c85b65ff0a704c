import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

/** A REFI-QDA file read for import: what the progress says, which import it is for, and when it is let go. */

let t: TestHost;
afterEach(() => t?.cleanup());

async function demo(events: ProgressEvent[] = []) {
  t = testHost({ onProgress: (e) => events.push(e) });
  await t.ok('project.openDemo', {});
  const project = await t.ok('exchange.exportProject', {});
  const codebook = await t.ok('exchange.exportCodebook', {});
  return { project: { name: 'Study.qdpx', dataBase64: project.file.base64 }, codebook: { name: 'Scheme.qdc', dataBase64: codebook.file.base64 } };
}

describe('a REFI-QDA file staged for import', () => {
  it('reports its reading under the file’s name, and a failure to read in words', async () => {
    const events: ProgressEvent[] = [];
    const files = await demo(events);
    await t.ok('exchange.stage', { file: files.codebook, jobId: 'read-1' });
    expect(events.filter((e) => e.jobId === 'read-1').at(-1)).toMatchObject({ finished: true, label: 'Read Scheme.qdc' });
    const refused = await t.host.call('exchange.stage', { file: { name: 'Broken.qdpx', dataBase64: Buffer.from('not a zip').toString('base64') }, jobId: 'read-2' });
    expect(refused.ok).toBe(false);
    expect(events.filter((e) => e.jobId === 'read-2').at(-1)).toMatchObject({ finished: true, label: 'Could not read the file' });
  });

  it('a project file is refused where a codebook is applied, saying how to import it; the codebook file is let go once applied', async () => {
    const files = await demo();
    const project = await t.ok('exchange.stage', { file: files.project });
    expect(await t.host.call('exchange.applyCodebook', { stagedId: project.stagedId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'stagedId', message: 'Study.qdpx is a project (.qdpx), not a codebook: import it as a project' },
    });
    const codebook = await t.ok('exchange.stage', { file: files.codebook });
    await t.ok('exchange.applyCodebook', { stagedId: codebook.stagedId });
    // Applied once: the staged file is gone, so a second click cannot apply it twice.
    expect((await t.host.call('exchange.applyCodebook', { stagedId: codebook.stagedId })).ok).toBe(false);
    // The project file is still staged until discarded; discarding says how many were let go.
    expect(await t.ok('exchange.discard', { stagedIds: [project.stagedId, codebook.stagedId] })).toEqual({ discarded: 1 });
  });
});
