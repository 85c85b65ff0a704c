import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import { runCli } from '../../../electron/cli/cli.ts';
import { CREDENTIALS_FILE } from '../../../electron/backend/team-sync/credentials.ts';
import { contentHash } from '../../../electron/backend/team-sync/content-hash.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { startServer, useTeamPg, type TestTeamServer } from '../../helpers/team-pg.ts';

/** Replicas of a team project on a real team server (embedded PostgreSQL, server in-process). */

const pg = useTeamPg();

type Member = TestHost & {
  events: ProgressEvent[];
  fail: (method: string, input?: unknown) => Promise<{ code: string; message: string }>;
  hash: () => string;
};

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function member(live = false): Member {
  const events: ProgressEvent[] = [];
  const t = testHost({ teamLive: live, onProgress: (e) => events.push(e) });
  cleanups.push(t.cleanup);
  return Object.assign(t, {
    events,
    fail: async (method: string, input: unknown = {}) => {
      const r = await t.host.call(method, input);
      if (r.ok) throw new Error(`${method} succeeded`);
      return r.error;
    },
    hash: () => contentHash(t.host.current!.db),
  });
}

async function server(): Promise<TestTeamServer> {
  const s = await startServer(await pg.newDatabase());
  cleanups.push(() => s.close());
  return s;
}

/** The owner shares the demo; each other user is added by the owner and joins. */
async function team(s: TestTeamServer, others: { name: string; role: 'coder' | 'reviewer' }[], live = false) {
  const owner = member();
  await owner.ok('project.openDemo', {});
  const { teamProject } = await owner.ok('teamSync.share', { server: s.url, token: s.token });
  const joined: Member[] = [];
  for (const o of others) {
    const { token } = await owner.ok('teamSync.addUser', o);
    const m = member(live);
    await m.ok('teamSync.join', { server: s.url, token, teamProject, path: join(m.dir, `${o.name}.marginalia`) });
    joined.push(m);
  }
  return { owner, teamProject, joined };
}

const firstSource = async (m: Member) => (await m.ok('sources.list', {}))[0]!;
const codes = (m: Member) => m.ok('codes.list', {});

describe('team replicas on a real team server', () => {
  it('share, join, code at the same time, sync: the owner and a coder hold the same content; the token stays out of the project', async () => {
    const s = await server();
    const { owner, joined: [ben] } = await team(s, [{ name: 'ben', role: 'coder' }]);
    expect(owner.hash()).toBe(ben!.hash());
    const status = await ben!.ok('teamSync.status', {});
    expect(status).toMatchObject({ joined: true, user: 'ben', role: 'coder' });
    const source = await firstSource(owner);
    const list = await codes(owner);
    await owner.ok('codings.apply', { sourceId: source.id, codeId: list[1]!.id, start: 10, end: 40 });
    await ben!.ok('codings.apply', { sourceId: source.id, codeId: list[2]!.id, start: 50, end: 80 });
    const trust = await ben!.ok('codes.create', { name: 'Trust', parentId: null, color: '#336699' });
    await ben!.ok('codings.apply', { sourceId: source.id, codeId: trust.id, start: 100, end: 120 });
    expect((await ben!.ok('teamSync.status', {})).pending).toBe(3);
    await owner.ok('teamSync.sync', {});
    await ben!.ok('teamSync.sync', {});
    await owner.ok('teamSync.sync', {});
    expect(owner.hash()).toBe(ben!.hash());
    expect((await codes(owner)).some((c) => c.name === 'Trust')).toBe(true);
    expect((await ben!.ok('teamSync.status', {}))).toMatchObject({ pending: 0 });
    // The token is kept in the data folder (owner-only), never in the project file.
    const creds = join(ben!.host.home, CREDENTIALS_FILE);
    expect(existsSync(creds)).toBe(true);
    expect(statSync(creds).mode & 0o077).toBe(0);
    const { readFileSync } = await import('node:fs');
    const token = Object.values((JSON.parse(readFileSync(creds, 'utf8')) as { tokens: Record<string, string> }).tokens)[0]!;
    expect(readFileSync(ben!.host.current!.db.path).includes(Buffer.from(token))).toBe(false);
  }, 60_000);

  it('a delete racing with use is refused by the server and shown to the owner; a reviewer’s replica reads the result and refuses changes', async () => {
    const s = await server();
    const { owner, joined: [ben, rev] } = await team(s, [
      { name: 'ben', role: 'coder' },
      { name: 'rita', role: 'reviewer' },
    ]);
    const source = await firstSource(owner);
    const target = (await codes(owner)).find((c) => c.parentId !== null)!;
    await ben!.ok('codings.apply', { sourceId: source.id, codeId: target.id, start: 5, end: 25 });
    await ben!.ok('teamSync.sync', {});
    // The owner deletes the code without having seen ben's coding.
    await owner.ok('codes.delete', { id: target.id });
    const r = await owner.ok('teamSync.sync', {});
    expect(r.refused).toBe(1);
    const status = await owner.ok('teamSync.status', {});
    expect(status.unseenNotices).toBeGreaterThan(0);
    expect(status.notices.map((n) => n.message).join(' ')).toMatch(/ben/);
    expect((await codes(owner)).some((c) => c.id === target.id)).toBe(true);
    await rev!.ok('teamSync.sync', {});
    expect(rev!.hash()).toBe(owner.hash());
    expect(ben!.hash()).toBe(owner.hash());
    const refused = await rev!.fail('codings.apply', { sourceId: source.id, codeId: target.id, start: 30, end: 40 });
    expect(refused.code).toBe('read_only');
    expect(refused.message).toMatch(/Reviewer/);
    const info = await rev!.ok('project.info', {});
    expect(info.safety?.readOnly).toMatch(/Reviewer/);
  }, 60_000);

  it('live: a coding made by one member appears at the other without a sync command, and the page is told', async () => {
    const s = await server();
    const { owner, joined: [ben] } = await team(s, [{ name: 'ben', role: 'coder' }], true);
    const source = await firstSource(owner);
    const list = await codes(owner);
    await owner.ok('codings.apply', { sourceId: source.id, codeId: list[1]!.id, start: 200, end: 230 });
    await owner.ok('teamSync.sync', {});
    for (let i = 0; i < 200 && ben!.hash() !== owner.hash(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(ben!.hash()).toBe(owner.hash());
    expect(ben!.events.some((e) => e.jobId === 'team-sync' && (e.team?.applied ?? 0) > 0)).toBe(true);
    expect((await ben!.ok('teamSync.status', {})).connected).toBe(true);
  }, 60_000);

  it('a revoked coder’s sync fails with the server’s reason in the status; the work stays pending', async () => {
    const s = await server();
    const { owner, joined: [ben] } = await team(s, [{ name: 'ben', role: 'coder' }]);
    await owner.ok('teamSync.revoke', { name: 'ben' });
    const source = await firstSource(ben!);
    await ben!.ok('codings.apply', { sourceId: source.id, codeId: (await codes(ben!))[1]!.id, start: 0, end: 9 });
    const error = await ben!.fail('teamSync.sync');
    expect(error.message).toMatch(/token/i);
    const status = await ben!.ok('teamSync.status', {});
    expect(status.pending).toBe(1);
    expect(status.lastError).toMatch(/token/i);
  }, 60_000);

  it('the command line shares, joins and syncs', async () => {
    const s = await server();
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-team-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const home = join(dir, 'home');
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--home', home, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const made = member();
    await made.ok('project.openDemo', {});
    const original = made.host.current!.db.path;
    made.host.close();
    const shared = await run('team', 'share', '--project', original, '--server', s.url, '--token', s.token, '--json');
    expect(shared.err).toBe('');
    const { teamProject } = JSON.parse(shared.out) as { teamProject: string };
    const local = join(dir, 'mine.marginalia');
    const joined = await run('team', 'join', '--server', s.url, '--token', s.token, '--team-project', teamProject, '--project', local);
    expect(joined.err).toBe('');
    expect(joined.code).toBe(0);
    expect(joined.out).toContain(teamProject);
    const again = await run('team', 'join', '--server', s.url, '--token', s.token, '--team-project', teamProject, '--project', local);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    const synced = await run('team', 'sync', '--project', local, '--json');
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.out)).toMatchObject({ pushed: 0, pending: 0 });
  }, 60_000);
});
