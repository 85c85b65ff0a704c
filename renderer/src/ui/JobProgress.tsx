import type { ExchangeJob } from './use-exchange-job.ts';

/** A job's progress line with its Cancel button. */
export function JobProgress({ job, onCancel }: { job: ExchangeJob; onCancel: () => void }) {
  return (
    <div className="xch-progress" role="status" aria-live="polite">
      <span className="xch-progress-label">{job.label}…</span>
      <progress max={job.total || 1} value={job.done} aria-label={`${job.label}: progress`} />
      <button onClick={onCancel}>Cancel</button>
    </div>
  );
}
