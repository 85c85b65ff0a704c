import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../../../../shared/api/errors.ts';

/**
 * Running import jobs, so import.cancel can reach one. A job is cancellable until its last
 * file is written (the transaction then rolls back); what follows (the undo record and the
 * commit) runs without a break, so a cancel either stops the import with nothing imported
 * or finds it finished.
 */
type Job = { cancelled: boolean; writing: boolean; kind: JobKind };

const running = new Map<string, Job>();

export type JobHandle = {
  id: string;
  /** Throws `cancelled` if the user asked to stop. */
  check: () => void;
  startWriting: () => void;
  end: () => void;
};

/** What a job is called in its id and messages; REFI-QDA exports (exchange/) run here too. */
export type JobKind = { name: string; cancelled: string };
const IMPORT: JobKind = { name: 'import', cancelled: 'Import cancelled: nothing was imported' };

export function startJob(id: string | undefined, kind: JobKind = IMPORT): JobHandle {
  const jobId = id ?? `${kind.name}-${randomBytes(6).toString('hex')}`;
  // The job already running under this id is named, whatever this one is.
  const other = running.get(jobId);
  if (other) throw new ApiFailure('conflict', `An ${other.kind.name} with job id ${jobId} is already running`, 'jobId');
  const job: Job = { cancelled: false, writing: false, kind };
  running.set(jobId, job);
  return {
    id: jobId,
    check: () => {
      if (job.cancelled) throw new ApiFailure('cancelled', kind.cancelled);
    },
    startWriting: () => {
      job.writing = true;
    },
    end: () => {
      running.delete(jobId);
    },
  };
}

export function cancelJob(id: string): boolean {
  const job = running.get(id);
  if (!job || job.writing) return false;
  job.cancelled = true;
  return true;
}
