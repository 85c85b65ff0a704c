import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ExchangeImportReport } from '../../../shared/domain/exchange-types.ts';
import type { Ctx } from '../context.ts';
import { deferSearchIndex } from '../repositories/import-search-index.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { recordJobOperation } from '../undo/recorder.ts';
import { runExchangeJob } from './job.ts';
import { applyProject } from './project-apply.ts';
import { describePlan, planProject, type Qdpx } from './project-plan.ts';
import { discardExchange, getStagedExchange } from './staging.ts';

export function stagedProject(stagedId: string): Qdpx {
  const loaded = getStagedExchange(stagedId);
  if (loaded.format !== 'qdpx') throw new ApiFailure('invalid_input', `${loaded.name} is a codebook (.qdc), not a project: merge it into the codebook instead`, 'stagedId');
  return loaded;
}

/**
 * Imports a staged .qdpx into the open project: all of it or, on any error or a cancel,
 * nothing. Like import.run (import/run.ts): one transaction held across the job's turns of
 * the event loop under the dispatcher's exclusive gate, recorded as one undoable operation.
 * The plan is made again inside the transaction, so it matches the project it is written to.
 */
export function importProjectFile(ctx: Ctx, stagedId: string, jobId: string | undefined): Promise<ExchangeImportReport> {
  const loaded = stagedProject(stagedId);
  return runExchangeJob(ctx, jobId, undefined, { done: () => `Imported ${loaded.name}`, failed: 'Import failed' }, async (step, job) => {
    const report = await recordJobOperation(ctx, 'exchange.importProject', { file: loaded.name }, job.check, async (): Promise<ExchangeImportReport> => {
      const plan = planProject(ctx.db, loaded);
      const search = deferSearchIndex(ctx.db);
      const counts = await applyProject(ctx, plan, loaded.name, step);
      job.check();
      job.startWriting();
      await step('Saving to the project', plan.sources.length, plan.sources.length);
      search.indexNew();
      labelOperation(ctx.db, `Import ${q(loaded.name)}`);
      ctx.audit('import', 'project', null, { job: job.id, file: loaded.name, format: 'qdpx', origin: loaded.project.origin, ...counts });
      const { stagedId: _staged, ...preview } = describePlan(stagedId, loaded, plan);
      return { ...preview, counts, jobId: job.id };
    });
    discardExchange([stagedId]);
    return report;
  });
}
