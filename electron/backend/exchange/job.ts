import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Ctx } from '../context.ts';
import { startJob, type JobHandle, type JobKind } from '../import/pipeline/jobs.ts';

/** Reports a step of a job: progress out, a cancel checked; yields to the event loop now and then. */
export type Step = (label: string, done: number, total: number) => Promise<void>;

/** The job yields at least this often, so progress goes out and a cancel comes in. */
const YIELD_MS = 15;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs exchange work as a job registered with the import jobs (so `exchange.cancel` and
 * `import.cancel` reach it): progress on the event channel under the job's id, a last event
 * saying how it ended.
 */
export async function runExchangeJob<T>(
  ctx: Ctx,
  jobId: string | undefined,
  kind: JobKind | undefined,
  end: { done: (value: T) => string; failed: string },
  work: (step: Step, job: JobHandle) => Promise<T>,
): Promise<T> {
  const job = startJob(jobId, kind);
  let lastYield = performance.now();
  let last = { done: 0, total: 1 };
  const step: Step = async (label, done, total) => {
    job.check();
    last = { done, total };
    ctx.progress?.({ jobId: job.id, label, done, total });
    if (performance.now() - lastYield >= YIELD_MS) {
      await nextTurn();
      lastYield = performance.now();
      job.check();
    }
  };
  try {
    const value = await work(step, job);
    ctx.progress?.({ jobId: job.id, label: end.done(value), done: last.total, total: last.total, finished: true });
    return value;
  } catch (error) {
    const cancelled = error instanceof ApiFailure && error.code === 'cancelled';
    ctx.progress?.({ jobId: job.id, label: cancelled ? 'Cancelled' : end.failed, done: last.done, total: last.total, finished: true, error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    job.end();
  }
}
