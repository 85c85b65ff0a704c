import type { TeamSyncResult, TeamSyncStatus } from '../../../shared/api/methods/team-sync.ts';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { LogEntry, Op } from '../../../shared/domain/team-sync/protocol.ts';
import type { Project } from '../project.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { getSyncState, listNotices, markPushed, markRefused, pendingCount, setSyncOutcome, unpushed, unseenNotices } from '../repositories/team-sync.ts';
import { entryHash } from './chain.ts';
import { TeamClient } from './client.ts';
import { loadToken } from './credentials.ts';
import { rebase, type RebaseResult } from './rebase.ts';

/** Runs work while every other request to the project waits (the dispatcher's exclusive gate). */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** Operations per push request (fewer when they are large: PUSH_BYTES); entries per pull request. */
export const PUSH_BATCH = 200;
export const PULL_BATCH = 1000;
/** Characters of operations per push request at most (one op is always sent, however large): well under the server's body limit. */
export const PUSH_BYTES = 32 * 1024 * 1024;
/** project_meta key: the hash of the last log entry applied here, to check the next one follows on. */
const LAST_HASH = 'team_last_hash';

/**
 * Checks pulled entries against the log's hash chain: each entry's hash is the digest of its
 * content and the previous entry's hash, and follows on from the last one applied here. A log
 * rewritten or entries altered on the way is refused before anything is applied.
 */
export function checkChain(entries: readonly LogEntry[], previous: string | undefined): string | undefined {
  let prev = previous;
  for (const e of entries) {
    if (prev !== undefined && e.prevHash !== prev) {
      throw new ApiFailure('conflict', `The team server's log does not follow on from what this replica has at entry ${e.seq}: nothing was applied. Ask the server's owner; join the team project again if its log was restored from an older backup.`);
    }
    const { prevHash, hash, ...content } = e;
    if (entryHash(prevHash, content) !== hash) {
      throw new ApiFailure('conflict', `Entry ${e.seq} of the team server's log does not match its hash: nothing was applied.`);
    }
    prev = hash;
  }
  return prev;
}

export function teamStatus(project: Project | null, connected: boolean): TeamSyncStatus {
  const state = project ? getSyncState(project.db) : undefined;
  if (!project || !state) {
    return { joined: false, server: null, teamProject: null, user: null, role: null, pending: 0, cursor: 0, lastSyncAt: null, lastError: null, connected: false, unseenNotices: 0, notices: [] };
  }
  const { db } = project;
  return {
    joined: true,
    server: state.server,
    teamProject: state.teamProject,
    user: state.user,
    role: state.role,
    pending: pendingCount(db),
    cursor: state.cursor,
    lastSyncAt: state.lastSyncAt,
    lastError: state.lastError,
    connected,
    unseenNotices: unseenNotices(db),
    notices: listNotices(db, 50),
  };
}

/** A client for the open replica, with the token kept in the data folder. */
export function replicaClient(project: Project, home: string): TeamClient {
  const state = getSyncState(project.db);
  if (!state) throw new ApiFailure('conflict', 'The open project is not a team project: share it to a team server, or join one.');
  const token = loadToken(home, state.server, state.user);
  if (!token) throw new ApiFailure('conflict', `No token for ${state.user} on ${state.server} is kept on this computer: join the team project again with your token.`);
  return new TeamClient({ server: state.server, token });
}

/** Errors as the API reports them (a TeamServerError is one already: 'conflict' with the server's reason). */
const asFailure = (err: unknown): ApiFailure => {
  if (err instanceof ApiFailure) return err;
  return new ApiFailure('internal', err instanceof Error ? err.message : String(err));
};

export type SyncDeps = {
  project: Project;
  client: TeamClient;
  exclusive: Exclusive;
  /** Still the open project? A sync whose project was closed meanwhile stops. */
  stillOpen: () => boolean;
};

/**
 * One sync: push the outbox in batches, pull after the cursor, then the one transaction of
 * rebase.ts. Every write to the file happens under the exclusive gate, so none lands inside a
 * job's open transaction. The outcome (time, or error) is kept in sync_state for the status line.
 */
export async function syncReplica(deps: SyncDeps): Promise<TeamSyncResult & { rebase: RebaseResult }> {
  const { project, client } = deps;
  const { db } = project;
  const guarded = async <T>(work: () => T): Promise<T> =>
    deps.exclusive(async () => {
      if (!deps.stillOpen()) throw new ApiFailure('conflict', 'The project was closed during the sync.');
      return work();
    });
  let pushed = 0;
  let refused = 0;
  try {
    const state = await guarded(() => getSyncState(db));
    if (!state) throw new ApiFailure('conflict', 'The open project is not a team project.');
    if (state.role !== 'reviewer') {
      for (;;) {
        const batch = await guarded(() => {
          const ops = unpushed(db, PUSH_BATCH);
          let size = 0;
          const fits = ops.findIndex((o, i) => (size += o.op.length) > PUSH_BYTES && i > 0);
          return { cursor: getSyncState(db)!.cursor, ops: fits < 0 ? ops : ops.slice(0, fits) };
        });
        if (batch.ops.length === 0) break;
        const reply = await client.push(state.teamProject, { base: batch.cursor, ops: batch.ops.map((o) => JSON.parse(o.op) as Op) });
        await guarded(() =>
          db.transaction(() => {
            for (const r of reply.results) {
              if ('refused' in r) {
                markRefused(db, r.id, r.refused);
                refused++;
              } else {
                markPushed(db, r.id, r.seq);
                pushed++;
              }
            }
          }),
        );
        if (reply.results.length < batch.ops.length) break;
      }
    }
    const entries: LogEntry[] = [];
    let after = Math.max(state.cursor, await guarded(() => getSyncState(db)!.cursor));
    for (;;) {
      const page = await client.pull(state.teamProject, after, PULL_BATCH);
      for (const e of page.entries) if (e.seq > after) entries.push(e);
      const top = page.entries.length > 0 ? page.entries[page.entries.length - 1]!.seq : after;
      if (page.entries.length === 0 || top >= page.last || top <= after) break;
      after = top;
    }
    const result = await guarded(() => {
      const lastHash = checkChain(entries, state.cursor > 0 ? getMeta(db, LAST_HASH) : undefined);
      // In the rebase's transaction: the chain's last hash moves with the cursor.
      const r = rebase(project.ctx, entries, () => {
        if (lastHash !== undefined) setMeta(db, LAST_HASH, lastHash);
      });
      setSyncOutcome(db, project.ctx.now(), null);
      return r;
    });
    return { pushed, refused, pulled: result.applied, last: result.cursor, rebase: result };
  } catch (err) {
    const failure = asFailure(err);
    if (deps.stillOpen()) await deps.exclusive(async () => setSyncOutcome(db, null, failure.message)).catch(() => {});
    throw failure;
  }
}
