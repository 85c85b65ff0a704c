import { accessSync, constants, mkdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ProjectSafety, SnapshotInfo } from '../../../shared/domain/safety-types.ts';
import type { Clock } from '../context.ts';
import { copyOffThread, fullCheckOffThread, type BackgroundCheck, type CheckResult } from '../db/background-check.ts';
import { WriterLock, type LockOwner, type LockResult } from '../db/writer-lock.ts';
import type { Project } from '../project.ts';
import { locationWarning } from './location.ts';
import { completeSnapshot, damagedName, latestGoodSnapshot, placeSnapshot, planOrFail, snapshotFailure, snapshotFile, snapshotFolder, takeSnapshot, type SnapshotPlan } from './snapshots.ts';

/** Work between two automatic snapshots: at most this long (a snapshot follows the first change after it). */
export const ACTIVITY_INTERVAL_MS = 10 * 60 * 1000;
export const LOCK_FILE = 'writer.lock';

export type GuardOptions = {
  clock: Clock;
  activityIntervalMs?: number;
  /** The location check (cloud folder, network share); replaceable in tests. */
  location?: (path: string) => string | null;
};

type Open = {
  path: string;
  lock: WriterLock | null;
  /** Why this session may not write; null for the writer. */
  readOnly: string | null;
  location: string | null;
  integrity: ProjectSafety['integrity'];
  integrityProblem: string | null;
  snapshotProblem: string | null;
  lastSnapshotAt: number;
  generation: number;
};

/** An automatic snapshot being written by its thread. */
type PendingSnapshot = { plan: SnapshotPlan; job: BackgroundCheck; project: Project; done: Promise<void>; finished: boolean };

const owner = (since: string): LockOwner => ({ pid: process.pid, host: hostname(), since, app: 'Marginalia' });

function heldMessage(path: string, result: Extract<LockResult, { held: false }>): string {
  const who = result.owner ? ` (process ${result.owner.pid} on ${result.owner.host}, since ${result.owner.since})` : '';
  return `${basename(path)} is open for writing in another Marginalia window or process${who}, so it is shown read-only here: nothing can be changed. Close it there, then open it again here to work on it.`;
}

/**
 * The safety of the open project: one writer (the lock), the location warning, the quick
 * check on open (Project.open) and the full check in the background, automatic snapshots and
 * restore. The Host owns one and opens every project through it.
 */
export class ProjectGuard {
  private current: Open | null = null;
  /** The last project refused as damaged: its snapshots may be listed and restored without opening it. */
  lastDamaged: string | null = null;
  private generation = 0;
  private checking: Promise<void> = Promise.resolve();
  private stopCheck: () => void = () => {};
  private pending: PendingSnapshot | null = null;
  private readonly clock: Clock;
  private readonly interval: number;
  private readonly location: (path: string) => string | null;

  constructor(options: GuardOptions) {
    this.clock = options.clock;
    this.interval = options.activityIntervalMs ?? ACTIVITY_INTERVAL_MS;
    this.location = options.location ?? ((path) => locationWarning(path));
  }

  /** The writer lock for a project, or why this process may only read it. */
  private lockFor(path: string, creating: boolean): { lock: WriterLock | null; readOnly: string | null } {
    if (!creating) {
      try {
        accessSync(path, constants.W_OK);
      } catch {
        return { lock: null, readOnly: `${basename(path)} cannot be written (the file is read-only, or you may not write to it), so it is shown read-only.` };
      }
    }
    try {
      mkdirSync(snapshotFolder(path), { recursive: true });
    } catch {
      return { lock: null, readOnly: `The folder of ${basename(path)} cannot be written, so it is shown read-only (snapshots could not be kept beside it).` };
    }
    const result = WriterLock.acquire(join(snapshotFolder(path), LOCK_FILE), owner(this.clock().toISOString()));
    return result.held ? { lock: result.lock, readOnly: null } : { lock: null, readOnly: heldMessage(path, result) };
  }

  /**
   * Opens `path` through `openProject` as its one writer, or read-only when another window or
   * process writes it (refused instead when `requireWrite`). A damaged file is refused with
   * where its latest good snapshot is, and left as it is.
   */
  open(path: string, openProject: (readOnly: boolean) => Project, options: { creating: boolean; requireWrite?: boolean; reviewer?: string }): Project {
    // The snapshot of the project open until now is finished before anything else happens.
    this.settleSnapshot();
    const reused = this.current?.path === path ? this.current.lock : null;
    // Reviewer mode (issue 12) never takes the lock: it only reads, and says why in readOnly.
    const { lock, readOnly } = options.reviewer ? { lock: null, readOnly: options.reviewer } : reused ? { lock: reused, readOnly: null } : this.lockFor(path, options.creating);
    if (readOnly !== null && (options.requireWrite || options.creating)) throw new ApiFailure('read_only', readOnly, 'path');
    let project: Project;
    try {
      project = openProject(readOnly !== null);
    } catch (err) {
      if (lock && lock !== reused) lock.release();
      if (err instanceof ApiFailure && err.code === 'damaged') this.lastDamaged = path;
      throw explainDamage(err, path);
    }
    if (this.current?.lock && this.current.lock !== lock) this.current.lock.release();
    const generation = ++this.generation;
    this.current = { path, lock, readOnly, location: this.location(path), integrity: 'checking', integrityProblem: null, snapshotProblem: null, lastSnapshotAt: 0, generation };
    if (lock && !options.creating) this.snapshot(project, 'open');
    this.checkInBackground(path, generation);
    return project;
  }

  private checkInBackground(path: string, generation: number): void {
    this.stopCheck();
    const check = fullCheckOffThread(path);
    this.stopCheck = check.stop;
    this.checking = check.result.then((result) => {
      const open = this.current;
      if (!open || open.generation !== generation) return;
      if ('failed' in result) {
        open.integrity = 'unchecked';
      } else if (result.problems.length > 0) {
        open.integrity = 'damaged';
        open.integrityProblem = `SQLite's full check finds damage in ${basename(path)}: ${result.problems.slice(0, 3).join('; ')}`;
        // Never write more into a damaged file; the lock stays held so no one else does either.
        open.readOnly = `${open.integrityProblem}. Nothing more is written to it: restore its latest good snapshot (it is kept aside, not overwritten).`;
      } else {
        open.integrity = 'ok';
      }
    });
  }

  /**
   * Waits for the background check to let go of the file. Call before closing the project's
   * own connection: the connection that closes last writes the WAL back into the file, and the
   * check's read-only connection cannot (the file would be left as its first page plus a WAL).
   */
  stopBackgroundCheck(): void {
    this.settleSnapshot();
    this.stopCheck();
  }

  /** Settles when the background check and the automatic snapshot under way have finished (tests, the CLI). */
  async whenChecked(): Promise<void> {
    await Promise.all([this.checking, this.pending?.done]);
  }

  /** Settles when the automatic snapshot under way (if any) has its name, or has failed. */
  async whenSnapshotted(): Promise<void> {
    await this.pending?.done;
  }

  /**
   * What a change must wait for before it is written: the snapshot taken on open, until its
   * thread has copied the project (a few hundred milliseconds on a large one), so that snapshot
   * holds the project as it was opened. Null when nothing is to be waited for.
   */
  beforeWrite(): Promise<void> | null {
    const p = this.pending;
    return p && p.plan.reason === 'open' ? p.done : null;
  }

  /** Why the open project may not be written, or null. */
  readOnlyReason(): string | null {
    return this.current?.readOnly ?? null;
  }

  safety(): ProjectSafety {
    const c = this.current;
    return {
      readOnly: c?.readOnly ?? null,
      location: c?.location ?? null,
      integrity: c?.integrity ?? 'checking',
      integrityProblem: c?.integrityProblem ?? null,
      snapshotProblem: c?.snapshotProblem ?? null,
    };
  }

  /**
   * Starts an automatic snapshot of the open project if it is ours to write: a thread of its own
   * copies and checks the file (background-check.ts), and the copy gets its name when that is
   * done; one at a time. A failure is recorded, never thrown.
   */
  private snapshot(project: Project, reason: 'open' | 'activity'): void {
    const c = this.current;
    if (!c?.lock || c.readOnly !== null || this.pending) return;
    c.lastSnapshotAt = this.clock().getTime();
    let plan: SnapshotPlan;
    try {
      plan = planOrFail(c.path, reason, this.clock());
    } catch (err) {
      c.snapshotProblem = err instanceof Error ? err.message : String(err);
      return;
    }
    const job = copyOffThread(c.path, plan.partial);
    const pending: PendingSnapshot = { plan, job, project, done: Promise.resolve(), finished: false };
    pending.done = job.result.then((result) => this.finishSnapshot(pending, result));
    this.pending = pending;
  }

  /** Finishes the snapshot under way now, waiting for its thread (a close, a restore, another snapshot). */
  private settleSnapshot(spare?: string): void {
    const p = this.pending;
    if (!p) return;
    const result = p.job.stop();
    if (result) this.finishSnapshot(p, result, spare);
  }

  /** Names the copy its thread made (or records why there is none); runs once per snapshot. */
  private finishSnapshot(p: PendingSnapshot, result: CheckResult, spare?: string): void {
    if (p.finished) return;
    p.finished = true;
    if (this.pending === p) this.pending = null;
    let problem: string | null = null;
    try {
      if ('problems' in result) completeSnapshot(p.plan, result.problems, spare);
      else if (result.code === 'ERR_WORKER' && p.project.db.raw.open) {
        // No thread could be had (or it ended): the snapshot is written here instead.
        rmSync(p.plan.partial, { force: true });
        takeSnapshot(p.project.db, p.plan.projectPath, p.plan.reason, p.plan.at, spare);
      } else throw snapshotFailure(p.plan, Object.assign(new Error(result.failed), { code: result.code }));
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    const c = this.current;
    if (c && c.path === p.plan.projectPath) c.snapshotProblem = problem;
  }

  /** After a change was written: a snapshot when the last one is older than the activity interval. */
  afterWrite(project: Project): void {
    const c = this.current;
    if (!c?.lock || project.db.raw.inTransaction) return;
    if (this.clock().getTime() - c.lastSnapshotAt >= this.interval) this.snapshot(project, 'activity');
  }

  /** A snapshot on request: fails with the reason when it cannot be taken. */
  snapshotNow(project: Project): SnapshotInfo {
    const c = this.requireWriter();
    this.settleSnapshot();
    const info = takeSnapshot(project.db, c.path, 'manual', this.clock());
    c.lastSnapshotAt = this.clock().getTime();
    c.snapshotProblem = null;
    return info;
  }

  private requireWriter(): Open {
    const c = this.current;
    if (!c) throw new ApiFailure('no_project', 'No project is open');
    if (!c.lock) throw new ApiFailure('read_only', c.readOnly ?? 'The project is open read-only');
    return c;
  }

  /**
   * Restores a snapshot over the open project: a snapshot of the current state first (unless it
   * is damaged, when it is kept aside under another name instead), then the file is replaced
   * while closed. `close` closes the project's connection; `reopen` opens it again.
   */
  restoreOpen<T>(project: Project, name: string, close: () => void, reopen: () => T): { value: T; keptAs: string | null; before: SnapshotInfo | null } {
    const c = this.requireWriter();
    // An automatic snapshot under way is finished first; its rotation must spare this one too.
    this.settleSnapshot(name);
    const file = snapshotFile(c.path, name);
    const damaged = c.integrity === 'damaged';
    // The snapshot being restored may be one the rotation would drop now: spare it.
    const before = damaged ? null : takeSnapshot(project.db, c.path, 'restore', this.clock(), name);
    try {
      project.db.checkpoint();
    } catch {
      // A damaged file may refuse even this; it is kept aside whole, WAL included.
    }
    this.stopCheck();
    close();
    const keptAs = damaged ? damagedName(c.path, this.clock()) : null;
    try {
      placeSnapshot(c.path, file, keptAs ?? undefined);
    } catch (err) {
      reopen(); // the old file, as it was
      throw err;
    }
    return { value: reopen(), keptAs, before };
  }

  /**
   * Restores a snapshot over a project that is not open (one refused as damaged): taken only
   * when no one writes it; the damaged file is kept aside under another name, never overwritten.
   */
  restoreClosed(path: string, name: string): { keptAs: string } {
    const file = snapshotFile(path, name);
    const { lock, readOnly } = this.lockFor(path, false);
    if (!lock) throw new ApiFailure('read_only', readOnly ?? `${basename(path)} cannot be restored now`, 'path');
    try {
      const keptAs = damagedName(path, this.clock());
      placeSnapshot(path, file, keptAs);
      return { keptAs };
    } finally {
      lock.release();
    }
  }

  get openPath(): string | null {
    return this.current?.path ?? null;
  }

  close(): void {
    // A closed project's file must not be touched any more (it may be moved or deleted next).
    this.settleSnapshot();
    this.stopCheck();
    this.current?.lock?.release();
    this.current = null;
  }
}

/** A damaged project's refusal, completed with the way back: its latest good snapshot. */
function explainDamage(err: unknown, path: string): unknown {
  if (!(err instanceof ApiFailure) || err.code !== 'damaged') return err;
  const good = latestGoodSnapshot(path);
  const offer = good
    ? ` Its latest good snapshot is from ${good.takenAt} (${good.name} in ${snapshotFolder(path)}): restore it from the snapshots list, or with \`marginalia restore --project ${path}\`; the damaged file is kept aside under another name.`
    : ` There is no good snapshot of it in ${snapshotFolder(path)}.`;
  return new ApiFailure('damaged', err.message + offer, err.field);
}
