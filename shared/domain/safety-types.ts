import type { ProjectCounts } from './types.ts';

/** Why a snapshot was taken: on open, after a span of work, just before a restore, or on request. */
export type SnapshotReason = 'open' | 'activity' | 'restore' | 'manual';

export type SnapshotInfo = {
  /** The file's name inside the snapshots folder: what restore takes. */
  name: string;
  takenAt: string;
  reason: SnapshotReason;
  /** Bytes on disk. */
  size: number;
  /** What it holds; null when the file could not be read (then it cannot be restored). */
  counts: ProjectCounts | null;
  /** Why it cannot be read, when it cannot. */
  problem: string | null;
};

export type SnapshotList = {
  project: string;
  /** `<name>.marginalia-snapshots` beside the project file. */
  folder: string;
  /** Newest first. */
  snapshots: SnapshotInfo[];
};

/** What the researcher must be told about the open project's safety (banners). */
export type ProjectSafety = {
  /** Why the project is open read-only (another window or process writes it, or the file cannot be written); null when it is writable. */
  readOnly: string | null;
  /** Why the project's location is risky (a cloud-synced folder or a network share); null otherwise. */
  location: string | null;
  /** The full integrity check runs in the background after the quick check on open ('unchecked': it could not run). */
  integrity: 'checking' | 'ok' | 'damaged' | 'unchecked';
  /** What the full check found, when it found damage. */
  integrityProblem: string | null;
  /** Why the last snapshot failed (a full disk…), until one succeeds again. */
  snapshotProblem: string | null;
};
