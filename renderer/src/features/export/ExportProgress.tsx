import type { JobState } from './use-export-job.ts';

/** A running export: what it does, how far it is, and a way to stop it. */
export function ExportProgress({ job, onCancel }: { job: JobState; onCancel: () => void }) {
  return (
    <div className="export-progress" role="status" aria-live="polite">
      <span className="export-progress-label">{job.label}…</span>
      <progress max={job.total || 1} value={job.done} aria-label="Export progress" />
      <button onClick={onCancel}>Cancel</button>
    </div>
  );
}
