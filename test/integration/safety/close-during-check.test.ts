import { describe, expect, it } from 'vitest';
import { runChild } from '../../helpers/child.ts';

describe('closing a project while its full integrity check or its snapshot copy runs', () => {
  // Found in CI: a check thread stopped in the middle of a SQLite call took the whole process
  // down (better-sqlite3's fatal "ToLocalChecked Empty MaybeLocal"), about one run in four of
  // forty quick closes; the app would have crashed the same way on switching projects.
  it('never aborts the process, and lets go of the file before close returns', () => {
    const run = runChild('test/helpers/close-churn-child.ts', ['80'], 120_000);
    expect(run.stderr).not.toMatch(/FATAL ERROR/);
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    expect(run.stdout.trim()).toBe('closed 80');
  }, 130_000);
});
