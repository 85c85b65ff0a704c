import { ApiFailure } from '../../../shared/api/errors.ts';
import type { HandlerMap } from '../handler-types.ts';
import { applyCodebookFile, exportCodebookFile, previewCodebookFile } from '../exchange/codebook-file.ts';
import { exportProjectFile } from '../exchange/project-file.ts';
import { importProjectFile } from '../exchange/project-import.ts';
import { describePlan, planProject } from '../exchange/project-plan.ts';
import { discardExchange, getStagedExchange, stageExchange } from '../exchange/staging.ts';
import { runExchangeJob } from '../exchange/job.ts';
import { cancelJob } from '../import/pipeline/jobs.ts';

type M = 'exchange.stage' | 'exchange.preview' | 'exchange.applyCodebook' | 'exchange.importProject' | 'exchange.exportProject' | 'exchange.exportCodebook' | 'exchange.cancel' | 'exchange.discard';

const EXPORT_JOB = { name: 'export', cancelled: 'Export cancelled: no file was made' };

/** REFI-QDA exchange; the work lives in electron/backend/exchange/ (see its README). */
export const exchangeHandlers: HandlerMap<M> = {
  'exchange.stage': (input, ctx) =>
    runExchangeJob(ctx, input.jobId, undefined, { done: (staged) => `Read ${staged.name}`, failed: 'Could not read the file' }, (step) => stageExchange(input.file, { step })),
  'exchange.preview': (input, ctx) => {
    const loaded = getStagedExchange(input.stagedId);
    if (loaded.format === 'qdc') return previewCodebookFile(ctx.db, input.stagedId, loaded);
    return describePlan(input.stagedId, loaded, planProject(ctx.db, loaded));
  },
  'exchange.applyCodebook': (input, ctx) => {
    const loaded = getStagedExchange(input.stagedId);
    if (loaded.format !== 'qdc') throw new ApiFailure('invalid_input', `${loaded.name} is a project (.qdpx), not a codebook: import it as a project`, 'stagedId');
    const report = applyCodebookFile(ctx, input.stagedId, loaded);
    discardExchange([input.stagedId]);
    return report;
  },
  'exchange.importProject': (input, ctx) => importProjectFile(ctx, input.stagedId, input.jobId),
  'exchange.exportProject': (input, ctx) =>
    runExchangeJob(ctx, input.jobId, EXPORT_JOB, { done: (e) => `Exported ${e.file.fileName}`, failed: 'Export failed' }, (step) => exportProjectFile(ctx, step)),
  'exchange.exportCodebook': (_input, ctx) => exportCodebookFile(ctx.db),
  'exchange.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),
  'exchange.discard': (input) => ({ discarded: discardExchange(input.stagedIds) }),
};
