import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ZERO_HASH, type LogEntry, type Op, type PullResponse, type PushRequest, type PushResponse } from '../../../shared/domain/team-sync/protocol.ts';
import { Project } from '../../../electron/backend/project.ts';
import { vacuumInto } from '../../../electron/backend/repositories/snapshots.ts';
import { createSyncState, forgetHistory } from '../../../electron/backend/repositories/team-sync.ts';
import { forgetReplicaCache, mapBase, newReplicaTag } from '../../../electron/backend/team-sync/capture.ts';
import type { TeamClient } from '../../../electron/backend/team-sync/client.ts';
import { entryHash } from '../../../electron/backend/team-sync/chain.ts';
import { contentHash } from '../../../electron/backend/team-sync/content-hash.ts';
import { syncReplica } from '../../../electron/backend/team-sync/sync.ts';
import { FIXED_TIME, testHost, type TestHost } from '../../helpers/project.ts';

/**
 * A team log in memory, standing in for the team server in tests of the replica's logic: it
 * appends pushed ops as given (once per op id), numbers them, and serves pulls. It applies no
 * rules of its own (those are the server's), except refusals a test asks for. Its entries are
 * hash-chained as the server's are (replicas check the chain).
 */
export class FakeLog {
  readonly entries: LogEntry[] = [];
  pushes = 0;
  /** A test's refusal rule: a message refuses the op. */
  refuse: (op: Op, user: string) => string | null = () => null;

  push(user: string, req: PushRequest): PushResponse {
    this.pushes++;
    const results: PushResponse['results'] = req.ops.map((op) => {
      const known = this.entries.find((e) => e.opId === op.id);
      if (known) return { id: op.id, seq: known.seq };
      const refused = this.refuse(op, user);
      if (refused) return { id: op.id, refused };
      const seq = this.entries.length + 1;
      const content = { seq, opId: op.id, user, method: op.method, label: op.label, at: op.at, changes: op.changes, notices: [] };
      const prevHash = this.entries.at(-1)?.hash ?? ZERO_HASH;
      this.entries.push({ ...content, prevHash, hash: entryHash(prevHash, content) });
      return { id: op.id, seq };
    });
    return { results, last: this.entries.length };
  }

  pull(after: number, limit: number): PullResponse {
    return { entries: this.entries.filter((e) => e.seq > after).slice(0, limit), last: this.entries.length };
  }

  /** A client that talks to this log as `user`; `offline` makes every call fail as an unreachable server would. */
  client(user: string, offline: () => boolean = () => false): TeamClient {
    const check = () => {
      if (offline()) throw new Error('offline');
    };
    return {
      push: async (_p: string, body: PushRequest) => (check(), this.push(user, JSON.parse(JSON.stringify(body)) as PushRequest)),
      pull: async (_p: string, after: number, limit: number) => (check(), JSON.parse(JSON.stringify(this.pull(after, limit))) as PullResponse),
    } as unknown as TeamClient;
  }
}

export type Replica = TestHost & { user: string; offline: boolean; sync: () => Promise<void>; hash: () => string; project: () => Project };

/** Makes the project file at `path` a replica of the fake team project (what share and join do). */
function makeReplica(path: string, user: string, role: 'owner' | 'coder' | 'reviewer', joined: boolean): void {
  const p = Project.open(path, { clock: () => FIXED_TIME, coderName: user });
  try {
    p.db.transaction(() => {
      if (joined) forgetHistory(p.db);
      createSyncState(p.db, { server: 'http://fake.invalid/', teamProject: 'fake', user, role, tag: newReplicaTag(), cursor: 0 });
      mapBase(p.db);
    });
    forgetReplicaCache(p.db);
  } finally {
    p.close();
  }
}

/**
 * A team: the demo project shared by the first user, joined by the others (copies of the file
 * as shared), each in a Host of its own, syncing through one FakeLog.
 */
export async function fakeTeam(users: readonly string[], log = new FakeLog()): Promise<{ log: FakeLog; replicas: Replica[]; cleanup: () => void }> {
  const replicas: Replica[] = [];
  const first = testHost();
  await first.ok('project.openDemo', {});
  const demo = first.host.current!.db.path;
  const base = join(first.dir, 'shared.marginalia');
  vacuumInto(first.host.current!.db, base);
  first.host.close();
  for (const [i, user] of users.entries()) {
    const h = i === 0 ? first : testHost();
    const path = i === 0 ? demo : join(h.dir, `${user}.marginalia`);
    if (i > 0) copyFileSync(base, path);
    makeReplica(path, user, 'coder', i > 0);
    await h.ok('project.open', { path });
    const r: Replica = Object.assign(h, {
      user,
      offline: false,
      project: () => h.host.current!,
      hash: () => contentHash(h.host.current!.db),
      sync: async () => {
        await syncReplica({ project: h.host.current!, client: log.client(user, () => r.offline), exclusive: h.host.call.exclusive, stillOpen: () => true });
      },
    });
    replicas.push(r);
  }
  rmSync(base, { force: true });
  return { log, replicas, cleanup: () => replicas.forEach((r) => r.cleanup()) };
}

/** Every replica syncs, twice round (the second round brings everyone the first round's pushes). */
export async function settle(replicas: readonly Replica[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const r of replicas) if (!r.offline) await r.sync();
}
