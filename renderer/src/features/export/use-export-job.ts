import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileDownload } from '../../../../shared/domain/analysis/types.ts';
import { ApiCallError, call, onProgress } from '../../api/client.ts';
import { saveFileDownload } from '../../ui/download.ts';
import { attempt, useNotices } from '../../ui/notify.ts';

export type JobState = { id: string; label: string; done: number; total: number };

let counter = 0;

/**
 * Runs one export job at a time: shows its progress, cancels it on request, and saves the
 * file it returns. A cancelled export says so quietly; a failed one shows its error.
 */
export function useExportJob(): { job: JobState | null; run: (start: (jobId: string) => Promise<FileDownload>) => Promise<void>; cancel: () => void } {
  const [job, setJob] = useState<JobState | null>(null);
  const current = useRef<string | null>(null);
  const jobId = job?.id ?? null;

  useEffect(() => {
    if (!jobId) return undefined;
    return onProgress((e) => {
      if (e.jobId === current.current && !e.finished) setJob({ id: e.jobId, label: e.label, done: e.done, total: e.total });
    });
  }, [jobId]);

  const run = useCallback(async (start: (jobId: string) => Promise<FileDownload>) => {
    if (current.current) return;
    const id = `export-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    current.current = id;
    setJob({ id, label: 'Starting', done: 0, total: 1 });
    try {
      const file = await start(id);
      saveFileDownload(file);
      useNotices.getState().push('info', `Saved ${file.fileName}`);
    } catch (error) {
      if (error instanceof ApiCallError && error.error.code === 'cancelled') useNotices.getState().push('info', 'Export cancelled');
      else await attempt(() => Promise.reject(error));
    } finally {
      current.current = null;
      setJob(null);
    }
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void attempt(() => call('export.cancel', { jobId: id }));
  }, []);

  return { job, run, cancel };
}
