import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { SnapshotInfo, SnapshotList, SnapshotReason } from '../../../shared/domain/safety-types.ts';
import { Db } from '../db/database.ts';
import { counts, getMeta, tableNames } from '../repositories/meta.ts';
import { fullCheckProblems, quickCheckProblems, vacuumInto } from '../repositories/snapshots.ts';
import { snapshotsToKeep } from './rotation.ts';
import { describeStorageError } from './storage-errors.ts';

/**
 * Snapshots: whole copies of a project kept in `<name>.marginalia-snapshots/` beside it, where
 * the researcher can see them. Each is written under a temporary name by VACUUM INTO (a
 * consistent copy even while the project is written), read back and checked, flushed to disk,
 * and only then given its final name: a file with a final name is always a checked snapshot.
 */

export const SNAPSHOT_FOLDER_SUFFIX = '.marginalia-snapshots';
const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(open|activity|restore|manual)(?:-(\d+))?\.marginalia$/;

export const snapshotFolder = (projectPath: string): string =>
  join(dirname(projectPath), `${basename(projectPath, extname(projectPath))}${SNAPSHOT_FOLDER_SUFFIX}`);

/** `2026-11-28T12-00-00Z-open.marginalia`: sorts by time, says why, and is a project file itself. */
export function snapshotName(at: Date, reason: SnapshotReason, n = 1): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${stamp}Z-${reason}${n > 1 ? `-${n}` : ''}.marginalia`;
}

export function parseSnapshotName(name: string): { takenAt: Date; reason: SnapshotReason; n: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const takenAt = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return { takenAt, reason: m[5] as SnapshotReason, n: m[6] ? Number(m[6]) : 1 };
}

/** Snapshot file names in the folder, newest first (same second: the later number first). */
function snapshotNames(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const written = (name: string): number => {
    try {
      return statSync(join(folder, name)).mtimeMs;
    } catch {
      return 0;
    }
  };
  const parsed = names.flatMap((name) => {
    const p = parseSnapshotName(name);
    return p ? [{ name, ...p, mtime: written(name) }] : [];
  });
  // Names keep the second; within one second the file written last is the newer.
  parsed.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.mtime - a.mtime || b.n - a.n);
  return parsed.map((p) => p.name);
}

/** Writes what the OS holds for a file to the disk (and, where the OS allows, its folder entry). */
export function flushToDisk(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function flushFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for flushing; its renames are durable on their own.
  }
}

/**
 * Opens a snapshot (or any project file) read-only and reports what it holds, or why it cannot
 * be read. `depth` is SQLite's check first: quick, full, or none (already checked by the thread
 * that wrote the copy).
 */
export function inspectFile(path: string, depth: 'quick' | 'full' | 'none'): { counts: SnapshotInfo['counts']; problem: string | null } {
  let db: Db | null = null;
  try {
    db = new Db(path, { create: false, readonly: true });
    const problems = depth === 'full' ? fullCheckProblems(db) : depth === 'quick' ? quickCheckProblems(db) : [];
    if (problems.length > 0) return { counts: null, problem: damagedProblem(problems) };
    if (!tableNames(db).includes('project_meta') || getMeta(db, 'app') !== 'marginalia') return { counts: null, problem: 'it is not a Marginalia project' };
    return { counts: counts(db), problem: null };
  } catch (err) {
    return { counts: null, problem: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}

const damagedProblem = (problems: readonly string[]): string => `SQLite finds it damaged: ${problems.slice(0, 3).join('; ')}`;

/** A snapshot under way: its folder, the name it will get, and the file it is written to first. */
export type SnapshotPlan = { projectPath: string; folder: string; name: string; partial: string; reason: SnapshotReason; at: Date };

/** The name and temporary file of a new snapshot (the folder is made if need be). Throws an fs error. */
export function planSnapshot(projectPath: string, reason: SnapshotReason, at: Date): SnapshotPlan {
  const folder = snapshotFolder(projectPath);
  mkdirSync(folder, { recursive: true });
  let name = snapshotName(at, reason);
  for (let n = 2; existsSync(join(folder, name)) || existsSync(join(folder, `${name}.partial`)); n++) name = snapshotName(at, reason, n);
  const partial = join(folder, `${name}.partial`);
  rmSync(partial, { force: true });
  return { projectPath, folder, name, partial, reason, at };
}

/** planSnapshot, its failure said as the researcher reads it (an ApiFailure). */
export function planOrFail(projectPath: string, reason: SnapshotReason, at: Date): SnapshotPlan {
  try {
    return planSnapshot(projectPath, reason, at);
  } catch (err) {
    throw snapshotFailure({ projectPath, partial: null }, err);
  }
}

/**
 * Gives a written copy its snapshot name: read back (`problems`: SQLite's check of the copy, when
 * it was made elsewhere), flushed to disk, renamed, and the rotation applied. Throws an
 * ApiFailure saying why; the temporary file is gone either way.
 */
export function completeSnapshot(plan: SnapshotPlan, problems: readonly string[] | null, spare?: string): SnapshotInfo {
  try {
    const checked = problems === null ? inspectFile(plan.partial, 'quick') : problems.length > 0 ? { counts: null, problem: damagedProblem(problems) } : inspectFile(plan.partial, 'none');
    if (checked.problem !== null) throw new Error(`the copy did not read back correctly (${checked.problem})`);
    flushToDisk(plan.partial);
    let name = plan.name;
    for (let n = 2; existsSync(join(plan.folder, name)); n++) name = snapshotName(plan.at, plan.reason, n);
    renameSync(plan.partial, join(plan.folder, name));
    flushFolder(plan.folder);
    rotateSnapshots(plan.folder, plan.at, spare);
    return { name, takenAt: parseSnapshotName(name)!.takenAt.toISOString(), reason: plan.reason, size: statSync(join(plan.folder, name)).size, counts: checked.counts, problem: null };
  } catch (err) {
    throw snapshotFailure(plan, err);
  }
}

/** Why a snapshot could not be written, as the researcher reads it; the temporary file is removed. */
export function snapshotFailure(plan: Pick<SnapshotPlan, 'projectPath' | 'partial'> | { projectPath: string; partial: null }, err: unknown): ApiFailure {
  if (plan.partial) rmSync(plan.partial, { force: true });
  return new ApiFailure('io_error', `No snapshot of ${basename(plan.projectPath)} could be written in ${snapshotFolder(plan.projectPath)}: ${describeStorageError(err)}`);
}

/**
 * Takes a snapshot of the open project now, on this thread (a snapshot asked for, or the one
 * before a restore; the automatic ones are written by a thread of their own, see guard.ts). Must
 * run outside a transaction. Throws an ApiFailure saying why (a full disk, a folder that cannot
 * be written); nothing half-written is left behind with a snapshot's name.
 * `spare`: a snapshot the rotation must not delete this time (the one about to be restored).
 */
export function takeSnapshot(db: Db, projectPath: string, reason: SnapshotReason, at: Date, spare?: string): SnapshotInfo {
  if (db.raw.inTransaction) throw new ApiFailure('conflict', 'A snapshot cannot be taken while a change is being written');
  const plan = planOrFail(projectPath, reason, at);
  try {
    vacuumInto(db, plan.partial);
  } catch (err) {
    throw snapshotFailure(plan, err);
  }
  return completeSnapshot(plan, null, spare);
}

/** Deletes the snapshots the rotation no longer keeps (and leftovers of interrupted ones). */
export function rotateSnapshots(folder: string, now: Date, spare?: string): void {
  const entries = snapshotNames(folder).map((name) => ({ name, ...parseSnapshotName(name)! }));
  const keep = snapshotsToKeep(entries, now);
  if (spare) keep.add(spare);
  for (const e of entries) if (!keep.has(e.name)) rmSync(join(folder, e.name), { force: true });
  for (const name of readdirSync(folder)) {
    // A .partial older than a minute belongs to a snapshot that was interrupted (a crash).
    if (name.endsWith('.partial') && now.getTime() - statSync(join(folder, name)).mtime.getTime() > 60_000) rmSync(join(folder, name), { force: true });
  }
}

/** The project's snapshots, newest first, each opened read-only to say what it holds. */
export function listSnapshots(projectPath: string): SnapshotList {
  const folder = snapshotFolder(projectPath);
  const snapshots = snapshotNames(folder).map((name): SnapshotInfo => {
    const path = join(folder, name);
    const parsed = parseSnapshotName(name)!;
    const { counts: held, problem } = inspectFile(path, 'quick');
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      // Deleted between the listing and now: shown as unreadable.
    }
    return { name, takenAt: parsed.takenAt.toISOString(), reason: parsed.reason, size, counts: held, problem };
  });
  return { project: projectPath, folder, snapshots };
}

/** A snapshot's file, from a name as the list gives it: never a path, so nothing outside the folder is reachable. */
export function snapshotFile(projectPath: string, name: string): string {
  if (!parseSnapshotName(name) || basename(name) !== name) {
    throw new ApiFailure('invalid_input', `“${name}” is not the name of a snapshot (as the snapshots list gives it)`, 'snapshot');
  }
  const path = join(snapshotFolder(projectPath), name);
  if (!existsSync(path)) throw new ApiFailure('not_found', `There is no snapshot ${name} in ${snapshotFolder(projectPath)}`, 'snapshot');
  return path;
}

/** The newest snapshot that passes SQLite's full integrity check, or null. */
export function latestGoodSnapshot(projectPath: string): { name: string; takenAt: string } | null {
  const folder = snapshotFolder(projectPath);
  for (const name of snapshotNames(folder)) {
    if (inspectFile(join(folder, name), 'full').problem === null) return { name, takenAt: parseSnapshotName(name)!.takenAt.toISOString() };
  }
  return null;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Puts a snapshot in the project's place. The project must be closed (its WAL written back).
 * The snapshot is copied under a temporary name beside the project and flushed; the project's
 * WAL and shared-memory files are removed before the rename, so a crash at any point leaves
 * either the old project or the restored one, never a mix. A damaged project is not
 * overwritten: it is renamed to `keepAsideAs` (with its WAL) and stays beside the restored one.
 */
export function placeSnapshot(projectPath: string, snapshotPath: string, keepAsideAs?: string): void {
  const checked = inspectFile(snapshotPath, 'full');
  if (checked.problem !== null) throw new ApiFailure('damaged', `The snapshot ${basename(snapshotPath)} cannot be restored: ${checked.problem}`, 'snapshot');
  const tmp = `${projectPath}.restoring`;
  try {
    rmSync(tmp, { force: true });
    copyFileSync(snapshotPath, tmp);
    flushToDisk(tmp);
    if (keepAsideAs) {
      for (const suffix of SIDE_FILES) if (existsSync(projectPath + suffix)) renameSync(projectPath + suffix, keepAsideAs + suffix);
      if (existsSync(projectPath)) renameSync(projectPath, keepAsideAs);
    } else {
      for (const suffix of SIDE_FILES) rmSync(projectPath + suffix, { force: true });
    }
    renameSync(tmp, projectPath);
    flushFolder(dirname(projectPath));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new ApiFailure('io_error', `The snapshot could not be put in place of ${basename(projectPath)}: ${describeStorageError(err)}`);
  }
}

/** `study.damaged-2026-11-28T12-00-00Z.marginalia`: where a damaged project is kept on restore. */
export function damagedName(projectPath: string, at: Date): string {
  const ext = extname(projectPath);
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  let candidate = join(dirname(projectPath), `${basename(projectPath, ext)}.damaged-${stamp}Z${ext}`);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dirname(projectPath), `${basename(projectPath, ext)}.damaged-${stamp}Z-${n}${ext}`);
  return candidate;
}
