import './job-progress.css';

/** What a running job reports: what it does now, and how far it is. */
export type JobState = { label: string; done: number; total: number };

/** A job's progress line with its Cancel button. */
export function JobProgress({ job, onCancel }: { job: JobState; onCancel: () => void }) {
  return (
    <div className="xch-progress" role="status" aria-live="polite">
      <span className="xch-progress-label">{job.label}…</span>
      <progress max={job.total || 1} value={job.done} aria-label={`${job.label}: progress`} />
      <button onClick={onCancel}>Cancel</button>
    </div>
  );
}
