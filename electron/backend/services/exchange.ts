import { ApiFailure } from '../../../shared/api/errors.ts';
import type { HandlerMap } from '../handler-types.ts';
import { applyCodebookFile, exportCodebookFile, previewCodebookFile } from '../exchange/codebook-file.ts';
import { discardExchange, getStagedExchange, stageExchange } from '../exchange/staging.ts';
import { cancelJob, startJob } from '../import/jobs.ts';

type M = 'exchange.stage' | 'exchange.preview' | 'exchange.applyCodebook' | 'exchange.exportCodebook' | 'exchange.cancel' | 'exchange.discard';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** REFI-QDA exchange; the work lives in electron/backend/exchange/ (see its README). */
export const exchangeHandlers: HandlerMap<M> = {
  'exchange.stage': async (input, ctx) => {
    const job = startJob(input.jobId);
    let lastYield = performance.now();
    try {
      const staged = await stageExchange(input.file, {
        step: async (label, done, total) => {
          job.check();
          ctx.progress?.({ jobId: job.id, label, done, total });
          // Let progress out and a cancel in every few milliseconds while a big archive is read.
          if (performance.now() - lastYield >= 15) {
            await nextTurn();
            lastYield = performance.now();
            job.check();
          }
        },
      });
      ctx.progress?.({ jobId: job.id, label: `Read ${staged.name}`, done: 1, total: 1, finished: true });
      return staged;
    } catch (error) {
      ctx.progress?.({ jobId: job.id, label: 'Could not read the file', done: 0, total: 1, finished: true, error: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      job.end();
    }
  },
  'exchange.preview': (input, ctx) => {
    const loaded = getStagedExchange(input.stagedId);
    if (loaded.format === 'qdc') return previewCodebookFile(ctx.db, input.stagedId, loaded);
    throw new ApiFailure('invalid_input', `${loaded.name} is a project (.qdpx); its preview comes with the project import`, 'stagedId');
  },
  'exchange.applyCodebook': (input, ctx) => {
    const loaded = getStagedExchange(input.stagedId);
    if (loaded.format !== 'qdc') throw new ApiFailure('invalid_input', `${loaded.name} is a project (.qdpx), not a codebook: import it as a project`, 'stagedId');
    const report = applyCodebookFile(ctx, input.stagedId, loaded);
    discardExchange([input.stagedId]);
    return report;
  },
  'exchange.exportCodebook': (_input, ctx) => exportCodebookFile(ctx.db),
  'exchange.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),
  'exchange.discard': (input) => ({ discarded: discardExchange(input.stagedIds) }),
};
