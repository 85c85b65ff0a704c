import { accessSync, constants, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ProjectSafety, SnapshotInfo } from '../../../shared/domain/safety-types.ts';
import type { Clock } from '../context.ts';
import { fullCheckOffThread } from '../db/background-check.ts';
import { WriterLock, type LockOwner, type LockResult } from '../db/writer-lock.ts';
import type { Project } from '../project.ts';
import { locationWarning } from './location.ts';
import { damagedName, latestGoodSnapshot, placeSnapshot, snapshotFile, snapshotFolder, takeSnapshot } from './snapshots.ts';

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
    this.stopCheck();
  }

  /** Settles when the background check of the open project has finished (tests, the CLI). */
  whenChecked(): Promise<void> {
    return this.checking;
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

  /** Takes a snapshot of the open project if it is ours to write; a failure is recorded, never thrown. */
  private snapshot(project: Project, reason: 'open' | 'activity'): void {
    const c = this.current;
    if (!c?.lock || c.readOnly !== null) return;
    try {
      takeSnapshot(project.db, c.path, reason, this.clock());
      c.snapshotProblem = null;
    } catch (err) {
      c.snapshotProblem = err instanceof Error ? err.message : String(err);
    }
    c.lastSnapshotAt = this.clock().getTime();
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
