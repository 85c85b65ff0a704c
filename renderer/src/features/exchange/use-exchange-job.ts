import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, call, onProgress } from '../../api/client.ts';

/** A running exchange job (reading a file, importing, exporting) as the UI shows it. */
export type ExchangeJob = { id: string; label: string; done: number; total: number };

let counter = 0;

/**
 * One REFI-QDA job at a time: follows its progress events and cancels it on request
 * (`exchange.cancel`). `run` resolves with the job's value, or undefined when it was
 * cancelled; any other failure is thrown for the caller to show.
 */
export function useExchangeJob() {
  const [job, setJob] = useState<ExchangeJob | null>(null);
  const current = useRef<string | null>(null);
  const active = job !== null;

  useEffect(() => {
    if (!active) return undefined;
    return onProgress((e) => {
      if (e.jobId === current.current && !e.finished) setJob({ id: e.jobId, label: e.label, done: e.done, total: e.total });
    });
  }, [active]);

  const run = useCallback(async <T>(label: string, start: (jobId: string) => Promise<T>): Promise<T | undefined> => {
    if (current.current) return undefined;
    const id = `exchange-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    current.current = id;
    setJob({ id, label, done: 0, total: 1 });
    try {
      return await start(id);
    } catch (error) {
      if (error instanceof ApiCallError && error.error.code === 'cancelled') return undefined;
      throw error;
    } finally {
      current.current = null;
      setJob(null);
    }
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void call('exchange.cancel', { jobId: id });
  }, []);

  return { job, run, cancel };
}
