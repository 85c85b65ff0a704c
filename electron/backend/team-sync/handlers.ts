import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ProjectInfo } from '../../../shared/domain/types.ts';
import type { HostHandlerMap } from '../handler-types.ts';
import { Project, PROJECT_EXTENSION } from '../project.ts';
import type { Clock } from '../context.ts';
import { getMeta } from '../repositories/meta.ts';
import { vacuumInto } from '../repositories/snapshots.ts';
import { createSyncState, dismissNotices, forgetHistory, getSyncState, setSyncOutcome } from '../repositories/team-sync.ts';
import { forgetReplicaCache, mapBase, newReplicaTag } from './capture.ts';
import { TeamClient } from './client.ts';
import { saveToken } from './credentials.ts';
import { replicaClient, syncReplica, teamStatus, type Exclusive } from './sync.ts';

type M = 'teamSync.status' | 'teamSync.share' | 'teamSync.join' | 'teamSync.sync' | 'teamSync.projects' | 'teamSync.users' | 'teamSync.addUser' | 'teamSync.revoke' | 'teamSync.dismissNotices';

export type TeamSyncHostDeps = {
  home: string;
  clock: Clock;
  coderName: () => string;
  project: () => Project | null;
  /** Why the open project may not be written (another writer, damage), or null. */
  readOnly: () => string | null;
  exclusive: Exclusive;
  /** Opens a project file as the Host does (the old one closes). */
  open: (path: string) => ProjectInfo;
  /** Whether the live connection is open (status line). */
  connected: () => boolean;
  /**
   * After a sync that applied log entries (the Host tells the page): `applied` entries in all,
   * `remote` of them others' (not this replica's own coming back), `last` the cursor now.
   */
  synced: (applied: number, last: number, remote: number) => void;
  /** Makes the folder of a new file when it is the projects folder or inside it (refuses a missing folder elsewhere). */
  prepareFolder?: (path: string) => void;
  /** The open project just became a replica (the Host starts its live connection). */
  becameReplica: () => void;
};

const requireProject = (deps: TeamSyncHostDeps): Project => {
  const p = deps.project();
  if (!p) throw new ApiFailure('no_project', 'No project is open');
  return p;
};

const requireWritable = (deps: TeamSyncHostDeps): void => {
  const why = deps.readOnly();
  if (why) throw new ApiFailure('read_only', why);
};

/** Owner-only calls go to the open replica's server with the token kept for it. */
const ownerClient = (deps: TeamSyncHostDeps): TeamClient => replicaClient(requireProject(deps), deps.home);

/** One push and pull of the open replica (also what the live connection runs). */
export async function syncOpenReplica(deps: TeamSyncHostDeps) {
  const project = requireProject(deps);
  requireWritable(deps);
  const client = replicaClient(project, deps.home);
  const result = await syncReplica({ project, client, exclusive: deps.exclusive, stillOpen: () => deps.project()?.db === project.db });
  if (result.pulled > 0) deps.synced(result.pulled, result.last, Math.max(0, result.rebase.applied - result.rebase.confirmed));
  const { rebase: _r, ...reply } = result;
  return reply;
}

export function teamSyncHandlers(deps: TeamSyncHostDeps): HostHandlerMap<M> {
  return {
    'teamSync.status': () => teamStatus(deps.project(), deps.connected()),
    'teamSync.share': (i) =>
      deps.exclusive(async () => {
        const project = requireProject(deps);
        requireWritable(deps);
        if (getSyncState(project.db)) throw new ApiFailure('conflict', 'This project is already a team project.');
        const client = new TeamClient({ server: i.server, token: i.token });
        const me = await client.me();
        if (me.role !== 'owner') throw new ApiFailure('conflict', `${me.name} is a ${me.role} on ${client.url}; only an owner can share a project.`);
        const dir = mkdtempSync(join(tmpdir(), 'marginalia-share-'));
        let teamProject: string;
        try {
          const copy = join(dir, `share${PROJECT_EXTENSION}`);
          vacuumInto(project.db, copy);
          const name = getMeta(project.db, 'name') ?? basename(project.db.path, extname(project.db.path));
          teamProject = await client.share(readFileSync(copy), name);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        if (deps.project()?.db !== project.db) throw new ApiFailure('conflict', `The project was closed while it was shared; team project ${teamProject} exists on the server: join it.`);
        saveToken(deps.home, client.url, me.name, i.token);
        project.db.transaction(() => {
          createSyncState(project.db, { server: client.url, teamProject, user: me.name, role: me.role, tag: newReplicaTag(), cursor: 0 });
          mapBase(project.db);
          // The file just uploaded is the team project: this replica is in step with it.
          setSyncOutcome(project.db, deps.clock().toISOString(), null);
        });
        forgetReplicaCache(project.db);
        deps.becameReplica();
        return { teamProject, status: teamStatus(project, deps.connected()) };
      }),
    'teamSync.join': async (i) => {
      const path = normalize(i.path);
      if (!isAbsolute(path) || !path.toLowerCase().endsWith(PROJECT_EXTENSION)) {
        throw new ApiFailure('invalid_input', `The replica must be a full path ending in ${PROJECT_EXTENSION}; “${i.path}” is not`, 'path');
      }
      if (existsSync(path)) throw new ApiFailure('conflict', `${path} already exists; choose a new file for the team project`, 'path');
      if (!deps.prepareFolder && !existsSync(dirname(path))) throw new ApiFailure('invalid_input', `The folder ${dirname(path)} does not exist`, 'path');
      const client = new TeamClient({ server: i.server, token: i.token });
      const me = await client.me();
      const base = await client.baseFile(i.teamProject);
      // The projects folder (or one inside it) is made on first use, as for a new project; a missing folder elsewhere is refused.
      deps.prepareFolder?.(path);
      const tmp = `${path}.joining`;
      writeFileSync(tmp, base.bytes, { flag: 'w' });
      try {
        // The file as shared is the owner's project: this replica starts without their undo history.
        const replica = Project.open(tmp, { clock: deps.clock, coderName: me.role === 'reviewer' ? deps.coderName() : me.name });
        try {
          replica.db.transaction(() => {
            forgetHistory(replica.db);
            createSyncState(replica.db, { server: client.url, teamProject: i.teamProject, user: me.name, role: me.role, tag: newReplicaTag(), cursor: 0 });
            mapBase(replica.db);
          });
          replica.db.checkpoint();
        } finally {
          replica.close();
        }
        for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });
        renameSync(tmp, path);
      } catch (err) {
        for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
        throw err;
      }
      saveToken(deps.home, client.url, me.name, i.token);
      const info = deps.open(path);
      try {
        await syncOpenReplica(deps);
      } catch {
        // Opened all the same: the status line says why the first sync failed.
      }
      return { ...info, counts: deps.project()?.info().counts ?? info.counts };
    },
    'teamSync.sync': () => syncOpenReplica(deps),
    'teamSync.projects': (i) => new TeamClient({ server: i.server, token: i.token, attempts: 2 }).projects(),
    'teamSync.users': () => ownerClient(deps).users(),
    'teamSync.addUser': (i) => ownerClient(deps).addUser(i.name, i.role),
    'teamSync.revoke': (i) => ownerClient(deps).revoke(i.name),
    'teamSync.dismissNotices': (i) => {
      const project = requireProject(deps);
      requireWritable(deps);
      return deps.exclusive(async () => ({ dismissed: project.db.transaction(() => dismissNotices(project.db, i.ids)) }));
    },
  };
}

