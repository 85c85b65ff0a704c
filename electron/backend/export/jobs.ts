import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Ctx } from '../context.ts';
import type { Pace } from './report-model.ts';

/** Running exports, so export.cancel can reach one. */
const running = new Map<string, { cancelled: boolean }>();

export type ExportJob = {
  id: string;
  /** Sends progress; throws `cancelled` when the user asked to stop. */
  step: (label: string, done: number, total: number) => void;
  /** Like step, then lets other requests (the cancel, progress out) through before going on. */
  pace: (label: string) => Pace;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs one export under a job id: progress on the event channel, a cancel checked between
 * steps, and a last event saying how it ended. Exports only read, so a cancelled one leaves
 * nothing behind; there is no file until the renderer or the CLI saves what it returns.
 */
export async function runExportJob<T>(ctx: Ctx, jobId: string | undefined, work: (job: ExportJob) => Promise<T>): Promise<T> {
  const id = jobId ?? `export-${randomBytes(6).toString('hex')}`;
  if (running.has(id)) throw new ApiFailure('conflict', `An export with job id ${id} is already running`, 'jobId');
  const state = { cancelled: false };
  running.set(id, state);
  let last = { label: 'Exporting', done: 0, total: 1 };
  const step = (label: string, done: number, total: number) => {
    if (state.cancelled) throw new ApiFailure('cancelled', 'Export cancelled: no file was made');
    last = { label, done, total };
    ctx.progress?.({ jobId: id, label, done, total });
  };
  const job: ExportJob = {
    id,
    step,
    pace: (label) => async (done, total) => {
      step(label, done, total);
      await nextTurn();
      step(label, done, total);
    },
  };
  try {
    const value = await work(job);
    ctx.progress?.({ jobId: id, label: 'Exported', done: last.total, total: last.total, finished: true });
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const cancelled = error instanceof ApiFailure && error.code === 'cancelled';
    ctx.progress?.({ jobId: id, label: cancelled ? 'Cancelled' : 'Export failed', done: 0, total: last.total, finished: true, error: message });
    throw error;
  } finally {
    running.delete(id);
  }
}

export function cancelExport(id: string): boolean {
  const job = running.get(id);
  if (!job) return false;
  job.cancelled = true;
  return true;
}
