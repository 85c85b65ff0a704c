import { ApiFailure } from '../../../shared/api/errors.ts';
import type { StagedFile } from '../../../shared/domain/import-types.ts';
import type { HandlerMap } from '../handler-types.ts';
import { ImportError, reasonOf } from '../import/parsers/errors.ts';
import { cancelJob } from '../import/pipeline/jobs.ts';
import { parseOffThread, warmParseThread } from '../import/pipeline/parse-pool.ts';
import { buildPreview } from '../import/pipeline/preview.ts';
import { runImport } from '../import/pipeline/run.ts';
import { discard, getStaged, readStaged, rememberParse, stage } from '../import/pipeline/staging.ts';
import { suggestKind } from '../import/pipeline/suggest.ts';

type M = 'import.stage' | 'import.preview' | 'import.run' | 'import.cancel' | 'import.discard';

/** The import methods; the work lives in electron/backend/import/ (see its README). */
export const importHandlers: HandlerMap<M> = {
  'import.stage': async (input) => {
    warmParseThread();
    const staged: StagedFile[] = [];
    let lastYield = performance.now();
    try {
      for (const file of input.files) {
        staged.push(stage(file, suggestKind));
        // Let other requests through every few milliseconds (a big file takes that alone).
        if (performance.now() - lastYield >= 15) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
    } catch (error) {
      // The call is refused as a whole (the memory cap): the files it staged before are let go,
      // since the caller never learns their ids.
      discard(staged.map((f) => f.stagedId));
      throw error;
    }
    return staged;
  },
  'import.preview': async (input, ctx) => {
    const staged = getStaged(input.stagedId);
    const parsed = await rememberParse(input.stagedId, input.kind, async () => {
      try {
        // On the parsing thread, under its time limit: a hostile PDF never stalls the backend.
        return await parseOffThread({ name: staged.name, kind: input.kind, bytes: readStaged(staged) }).promise;
      } catch (error) {
        if (error instanceof ApiFailure) throw error;
        throw new ApiFailure('bad_file', error instanceof ImportError ? error.message : `${staged.name} could not be read: ${reasonOf(error)}`, 'stagedId');
      }
    });
    return buildPreview(ctx.db, input.stagedId, staged.name, parsed, input);
  },
  'import.run': (input, ctx) => runImport(ctx, input),
  'import.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),
  'import.discard': (input) => ({ discarded: discard(input.stagedIds) }),
};
