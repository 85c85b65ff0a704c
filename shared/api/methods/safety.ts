import { z } from 'zod';
import { command, query } from '../define.ts';
import { label } from '../schemas.ts';
import type { ProjectInfo } from '../../domain/types.ts';
import type { SnapshotInfo, SnapshotList } from '../../domain/safety-types.ts';

/** A snapshot by the name the list gives it (never a path: nothing outside the snapshots folder is reachable). */
const snapshotName = label('Snapshot', { max: 200 });

/**
 * Snapshots (whole copies kept in `<name>.marginalia-snapshots/` beside the project) and restore.
 * `damaged: true` means the project last refused as damaged (it is not open); otherwise the open project.
 * No path is taken: nothing but these two projects' snapshots can be reached.
 */
const damaged = z.literal(true).optional();
export const safetyMethods = {
  'project.snapshots': query(z.object({ damaged }).strict()).returns<SnapshotList>(),
  /** Takes a snapshot of the open project now. */
  'project.snapshot': command(z.object({}).strict()).returns<SnapshotInfo>(),
  /**
   * Puts a snapshot in the project's place and opens it. The current state is snapshotted first;
   * a damaged project is kept aside under another name (`keptAs`), never overwritten.
   */
  'project.restore': command(z.object({ snapshot: snapshotName, damaged }).strict()).returns<{
    info: ProjectInfo;
    /** The snapshot of the state before the restore (null when the project was damaged). */
    before: string | null;
    /** Where the damaged file was kept, when it was. */
    keptAs: string | null;
  }>(),
};
