import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:https';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZERO_HASH, type Change, type LogEntry, type Op, type PullResponse, type PushResponse, type ServerReport, type UserInfo } from '../../../shared/domain/team-sync/protocol.ts';
import { runCli } from '../../../electron/cli/cli.ts';
import { entryHash } from '../../../electron/backend/team-sync/chain.ts';
import { startEmbeddedPostgres } from '../../../electron/team-server/embedded.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { startServer, startTeamPg, teamApi, type TeamPg, type TestTeamServer } from '../../helpers/team-pg.ts';
import { generatedProject } from '../team/helpers.ts';

let pg: TeamPg;
let t: TestHost;
let file: Buffer;
/** gids of the shared project's rows, by name. */
const code = new Map<string, string>();
let source = '';
let sourceRows = 0;

beforeAll(async () => {
  pg = await startTeamPg();
  t = testHost();
  const made = await generatedProject(t, 'Study');
  for (const [name, c] of made.codes) code.set(name, `0.${c.id}`);
  source = `0.${made.sources[0]!.id}`;
  const path = t.host.current!.db.path;
  t.host.close();
  file = readFileSync(path);
  const db = new Database(path, { readonly: true });
  sourceRows = (db.prepare('SELECT count(*) AS n FROM units WHERE source_id = ?').get(made.sources[0]!.id) as { n: number }).n;
  db.close();
}, 120_000);

afterAll(async () => {
  await pg?.stop();
  t?.cleanup();
});

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};
const cli = async (...args: string[]) => {
  const c = capture();
  const code = await runCli(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
};

let opN = 0;
const op = (changes: Change[], label = 'Apply code'): Op => ({ id: `00000000-0000-4000-8000-${String(++opN).padStart(12, '0')}`, method: 'codings.apply', label, at: '2026-11-28T12:00:00.000Z', changes });
const coding = (key: string, codeGid: string, coder: string, start = 0): Change => ({
  t: 'codings',
  k: 'insert',
  key,
  row: { id: key, source_id: source, code_id: codeGid, start, end: start + 5, coder_id: coder, created_at: '2026-11-28T12:00:00.000Z', quote: 'words' },
});
const del = (tbl: string, key: string): Change => ({ t: tbl, k: 'delete', key, old: { id: key } });

/** A server on a fresh database with a shared project and users Ben (coder), Cleo (coder), Rita (reviewer). */
async function setUp(): Promise<{ s: TestTeamServer; project: string; tokens: Record<string, string> }> {
  const s = await startServer(await pg.newDatabase());
  const tokens: Record<string, string> = { owner: s.token };
  for (const [name, role] of [['Ben', 'coder'], ['Cleo', 'coder'], ['Rita', 'reviewer']] as const) {
    const r = await teamApi<{ token: string }>(s, s.token, 'POST', '/api/users', { name, role });
    expect(r.status).toBe(200);
    tokens[name] = r.body.token;
  }
  const shared = await teamApi<{ teamProject: string }>(s, s.token, 'POST', '/api/projects', file);
  expect(shared.status).toBe(200);
  return { s, project: shared.body.teamProject, tokens };
}

const push = (s: TestTeamServer, token: string, project: string, base: number, ops: Op[]) => teamApi<PushResponse>(s, token, 'POST', `/api/projects/${project}/ops`, { base, ops });
const pull = async (s: TestTeamServer, token: string, project: string, after = 0) => (await teamApi<PullResponse>(s, token, 'GET', `/api/projects/${project}/ops?after=${after}`)).body;

/** Every entry's hash is sha256 over the previous hash and the entry, starting from 64 zeros. */
function verifyChain(entries: LogEntry[]): void {
  let prev = ZERO_HASH;
  for (const e of entries) {
    expect(e.prevHash).toBe(prev);
    const { prevHash: _p, hash, ...rest } = e;
    expect(entryHash(prev, rest)).toBe(hash);
    prev = hash;
  }
}

describe('team server: authentication and users', () => {
  it('refuses requests without a token, with a bad or revoked one (401), and owner work to others (403)', async () => {
    const { s, tokens } = await setUp();
    try {
      const none = await teamApi(s, null, 'GET', '/api/me');
      expect(none).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: expect.stringContaining('needs a token') } } });
      expect((await teamApi(s, 'not-a-token', 'GET', '/api/me')).status).toBe(401);
      expect((await teamApi(s, tokens['Ben']!, 'GET', '/api/me')).body).toEqual({ name: 'Ben', role: 'coder' });
      const forbidden = await teamApi<{ error: { code: string } }>(s, tokens['Ben']!, 'POST', '/api/users', { name: 'Eve', role: 'owner' });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.code).toBe('forbidden');
      expect((await teamApi(s, tokens['Rita']!, 'GET', '/api/users')).status).toBe(403);
      expect((await teamApi(s, s.token, 'POST', '/api/users/Ben/revoke')).body).toEqual({ name: 'Ben', revoked: true });
      expect((await teamApi(s, tokens['Ben']!, 'GET', '/api/me')).status).toBe(401);
      const bad = await teamApi<{ error: { code: string } }>(s, s.token, 'POST', '/api/users', { name: ' Eve', role: 'owner' });
      expect(bad.status).toBe(400);
      const dup = await teamApi(s, s.token, 'POST', '/api/users', { name: 'cleo', role: 'coder' });
      expect(dup.status).toBe(409);
    } finally {
      await s.close();
    }
  });

  it('adds, lists and revokes users from the CLI, printing the new token once', async () => {
    const s = await startServer(await pg.newDatabase(), { owner: 'Ana' });
    try {
      const added = await cli('team', 'add-user', 'Ben', '--role', 'coder', '--server', s.url, '--token', s.token);
      expect(added.code).toBe(0);
      expect(added.out).toMatch(/^Added Ben \(coder\)\.\nToken: [A-Za-z0-9_-]{43}$/);
      const token = /Token: (\S+)/.exec(added.out)![1]!;
      expect((await teamApi(s, token, 'GET', '/api/me')).body).toEqual({ name: 'Ben', role: 'coder' });
      const users = await cli('team', 'users', '--server', s.url, '--token', s.token, '--json');
      expect((JSON.parse(users.out) as UserInfo[]).map((u) => [u.name, u.role, u.revoked])).toEqual([['Ana', 'owner', false], ['Ben', 'coder', false]]);
      const wrongRole = await cli('team', 'add-user', 'Cleo', '--role', 'boss', '--server', s.url, '--token', s.token);
      expect(wrongRole).toMatchObject({ code: 2, err: expect.stringContaining('--role must be one of owner, coder, reviewer') });
      const asCoder = await cli('team', 'add-user', 'Cleo', '--role', 'coder', '--server', s.url, '--token', token);
      expect(asCoder).toMatchObject({ code: 1, err: 'Ben is a coder; only an owner may do this.' });
      expect((await cli('team', 'revoke', 'Ben', '--server', s.url, '--token', s.token)).out).toBe('Revoked Ben: their token is refused from now on.');
      expect((await teamApi(s, token, 'GET', '/api/me')).status).toBe(401);
    } finally {
      await s.close();
    }
  });
});

describe('team server: share, push and pull', () => {
  it('keeps the shared file as the base and materialises its rows; pushes append once, hash-chained; pulls page', async () => {
    const { s, project, tokens } = await setUp();
    try {
      const base = await fetch(new URL(`/api/projects/${project}/base`, s.url), { headers: { Authorization: `Bearer ${tokens['Rita']}` } });
      expect(Buffer.from(await base.arrayBuffer()).equals(file)).toBe(true);
      const report = (await teamApi<ServerReport>(s, tokens['Rita']!, 'GET', `/api/projects/${project}/report`)).body;
      expect(report.codes.map((c) => c.name).sort()).toEqual(['Barriers', 'Cost', 'Motivation', 'Support']);
      expect(report.codes.find((c) => c.name === 'Cost')!.gid).toBe(code.get('Cost'));
      // the units of the shared file are materialised: deleting the source cascades to every one
      const first = op([coding('b.1', code.get('Support')!, 'Ben')]);
      const r1 = await push(s, tokens['Ben']!, project, 0, [first, op([coding('b.2', code.get('Support')!, 'Ben', 10)])]);
      expect(r1.body).toEqual({ results: [{ id: first.id, seq: 1 }, { id: expect.any(String), seq: 2 }], last: 2 });
      const again = await push(s, tokens['Ben']!, project, 2, [first]);
      expect(again.body).toEqual({ results: [{ id: first.id, seq: 1 }], last: 2 });
      await push(s, tokens['Cleo']!, project, 2, [op([coding('c.1', code.get('Support')!, 'Cleo')])]);
      const all = await pull(s, tokens['Rita']!, project);
      expect(all.entries.map((e) => [e.seq, e.user, e.changes[0]!.key])).toEqual([[1, 'Ben', 'b.1'], [2, 'Ben', 'b.2'], [3, 'Cleo', 'c.1']]);
      expect(all.last).toBe(3);
      verifyChain(all.entries);
      expect((await teamApi<PullResponse>(s, tokens['Rita']!, 'GET', `/api/projects/${project}/ops?after=1&limit=1`)).body.entries.map((e) => e.seq)).toEqual([2]);
      const counts = (await teamApi<ServerReport>(s, tokens['Rita']!, 'GET', `/api/projects/${project}/report`)).body.codes.find((c) => c.name === 'Support');
      expect(counts).toMatchObject({ codings: 3, byCoder: { Ben: 2, Cleo: 1 } });
      const gone = await push(s, s.token, project, 3, [op([del('sources', source)], 'Delete source')]);
      expect(gone.body.results[0]).toEqual({ id: expect.any(String), seq: 4 });
      const entry = (await pull(s, s.token, project, 3)).entries[0]!;
      expect(entry.changes.filter((c) => c.t === 'units' && c.k === 'delete')).toHaveLength(sourceRows);
      expect(entry.changes.filter((c) => c.t === 'codings').map((c) => c.key).sort()).toEqual(['b.1', 'b.2', 'c.1']);
      expect(entry.changes.at(-1)).toMatchObject({ t: 'sources', k: 'delete', key: source });
      verifyChain((await pull(s, s.token, project)).entries);
    } finally {
      await s.close();
    }
  });

  it('applies the rules: kept-for-use, delete racing with use refused, unique rename, change-lost; coders write only as themselves; reviewers not at all', async () => {
    const { s, project, tokens } = await setUp();
    try {
      // Ben codes with Motivation (seq 1) while the owner, at base 0, deletes it: refused, with who and how often.
      await push(s, tokens['Ben']!, project, 0, [op([coding('b.1', code.get('Motivation')!, 'Ben')])]);
      const racing = await push(s, s.token, project, 0, [op([del('codes', code.get('Motivation')!)], 'Delete code')]);
      expect(racing.body.results[0]).toEqual({ id: expect.any(String), refused: 'Deleting code ‘Motivation’ was not done: Ben coded 1 passage with it meanwhile. Delete it again to remove them too.' });
      // The owner deletes Support (seq 2); Cleo, who had not seen it, codes with it: it is kept, and everyone is told.
      await push(s, s.token, project, 1, [op([del('codes', code.get('Support')!)], 'Delete code')]);
      const kept = await push(s, tokens['Cleo']!, project, 1, [op([coding('c.1', code.get('Support')!, 'Cleo')])]);
      expect(kept.body.results[0]).toEqual({ id: expect.any(String), seq: 3 });
      const e3 = (await pull(s, s.token, project, 2)).entries[0]!;
      expect(e3.notices).toEqual([{ kind: 'kept-for-use', message: 'Code ‘Support’, deleted by owner, was kept: Cleo coded with it at the same time.' }]);
      expect(e3.changes.map((c) => `${c.k} ${c.t}`)).toEqual(['insert codes', 'insert codings']);
      // Two coders add a code with the same name: the later one is renamed.
      const newCode = (key: string, by: string): Change => ({ t: 'codes', k: 'insert', key, row: { id: key, parent_id: null, name: 'Trust', color: '#888888', origin: 'inductive', position: 9, created_at: 'x', created_by: by } });
      await push(s, tokens['Ben']!, project, 3, [op([newCode('b.2', 'Ben')], 'New code')]);
      await push(s, tokens['Cleo']!, project, 3, [op([newCode('c.2', 'Cleo')], 'New code')]);
      const e5 = (await pull(s, s.token, project, 4)).entries[0]!;
      expect(e5.changes[0]!.row!['name']).toBe('Trust (2)');
      expect(e5.notices[0]!.kind).toBe('renamed');
      // The owner renames Cost while another owner deletes it: the rename is lost, with a notice.
      const eve = (await teamApi<{ token: string }>(s, s.token, 'POST', '/api/users', { name: 'Eve', role: 'owner' })).body.token;
      await push(s, s.token, project, 5, [op([del('codes', code.get('Cost')!)], 'Delete code')]);
      const lost = await push(s, eve, project, 5, [op([{ t: 'codes', k: 'update', key: code.get('Cost')!, row: { name: 'Costs' }, old: { name: 'Cost' } }], 'Rename code')]);
      expect(lost.body.results[0]).toEqual({ id: expect.any(String), seq: 7 });
      expect((await pull(s, s.token, project, 6)).entries[0]).toMatchObject({ changes: [], notices: [{ kind: 'change-lost', message: 'Code ‘Cost’ was deleted by owner: Eve’s change to it was lost.' }] });
      // A coder writing as another, or changing the codebook, is refused; a reviewer cannot push.
      const asAna = await push(s, tokens['Ben']!, project, 7, [op([coding('b.3', code.get('Barriers')!, 'Cleo')])]);
      expect(asAna.body.results[0]).toEqual({ id: expect.any(String), refused: 'Ben is a coder and cannot write as Cleo: coders change only their own codings.' });
      const restructure = await push(s, tokens['Ben']!, project, 7, [op([del('codes', code.get('Barriers')!)], 'Delete code')]);
      expect('refused' in restructure.body.results[0]! && restructure.body.results[0].refused).toMatch(/^Ben is a coder: coders add codings, memos and new codes/);
      const reviewer = await push(s, tokens['Rita']!, project, 7, [op([coding('r.1', code.get('Barriers')!, 'Rita')])]);
      expect(reviewer.status).toBe(403);
      expect((await pull(s, s.token, project)).last).toBe(7);
      // malformed pushes are refused whole with 400
      expect((await teamApi(s, s.token, 'POST', `/api/projects/${project}/ops`, { base: 0, ops: [{ id: 'short' }] })).status).toBe(400);
    } finally {
      await s.close();
    }
  });

  it('appends concurrent pushes (written together in one transaction) without losing or reordering any op', async () => {
    const { s, project, tokens } = await setUp();
    try {
      const pushes = Array.from({ length: 12 }, (_, c) =>
        push(s, c % 2 ? tokens['Ben']! : tokens['Cleo']!, project, c === 5 ? 999 : 0, Array.from({ length: 5 }, (_, i) => op([coding(`x${c}.${i}`, code.get('Support')!, c % 2 ? 'Ben' : 'Cleo', i)]))),
      );
      const replies = await Promise.all(pushes);
      expect(replies[5]!.status).toBe(400);
      const ok = replies.filter((_, c) => c !== 5);
      expect(ok.every((r) => r.status === 200)).toBe(true);
      const all = await pull(s, s.token, project);
      expect(all.entries.map((e) => e.seq)).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
      verifyChain(all.entries);
      const seqOf = new Map(all.entries.map((e) => [e.opId, e.seq]));
      for (const r of ok) for (const res of r.body.results) expect('seq' in res && res.seq).toBe(seqOf.get(res.id));
      // each push's ops stay together and in their order
      for (const r of ok) {
        const seqs = r.body.results.map((x) => ('seq' in x ? x.seq : -1));
        expect(seqs).toEqual(Array.from({ length: 5 }, (_, i) => seqs[0]! + i));
      }
    } finally {
      await s.close();
    }
  });

  it('sends a seq event to listeners on every append', async () => {
    const { s, project, tokens } = await setUp();
    const ac = new AbortController();
    try {
      const r = await fetch(new URL(`/api/projects/${project}/events`, s.url), { headers: { Authorization: `Bearer ${tokens['Rita']}` }, signal: ac.signal });
      expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = r.body!.getReader();
      let text = '';
      const until = async (want: string) => {
        while (!text.includes(want)) text += new TextDecoder().decode((await reader.read()).value);
      };
      await until('event: seq\ndata: {"seq":0}\n\n');
      await push(s, tokens['Ben']!, project, 0, [op([coding('b.1', code.get('Support')!, 'Ben')])]);
      while (!/\n\nevent: seq\ndata: \{"seq":1,.*\n\n$/s.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      const [first, second] = text.split('\n\n');
      expect(first).toBe('event: seq\ndata: {"seq":0}');
      // The event carries the appended entry itself: a listener needs no pull to have it.
      const event = JSON.parse(second!.replace('event: seq\ndata: ', '')) as { seq: number; entries: { seq: number; user: string; changes: { key: string }[] }[] };
      expect(event.seq).toBe(1);
      expect(event.entries.map((e) => [e.seq, e.user, e.changes[0]!.key])).toEqual([[1, 'Ben', 'b.1']]);
    } finally {
      ac.abort();
      await s.close();
    }
  });

  it('keeps users, projects and the log across a restart on the same database', async () => {
    const db = await pg.newDatabase();
    const first = await startServer(db);
    const shared = await teamApi<{ teamProject: string }>(first, first.token, 'POST', '/api/projects', file);
    const project = shared.body.teamProject;
    await push(first, first.token, project, 0, [op([coding('a.1', code.get('Support')!, 'owner')])]);
    const before = await pull(first, first.token, project);
    await first.close();
    const second = await startServer(db, { reuseToken: first.token });
    try {
      expect(second.token).toBe(first.token);
      expect(await pull(second, first.token, project)).toEqual(before);
      const next = await push(second, first.token, project, 1, [op([coding('a.2', code.get('Support')!, 'owner', 20)])]);
      expect(next.body.last).toBe(2);
      verifyChain((await pull(second, first.token, project)).entries);
    } finally {
      await second.close();
    }
  });
});

describe('team server: TLS and the command line', () => {
  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version']);
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasOpenssl)('serves HTTPS with a certificate and key (self-signed, made by openssl here)', async () => {
    const key = join(pg.root, 'tls.key');
    const cert = join(pg.root, 'tls.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const s = await startServer(await pg.newDatabase(), { tlsCert: cert, tlsKey: key });
    try {
      expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(new URL('/api/me', s.url), { ca: readFileSync(cert), headers: { Authorization: `Bearer ${s.token}` } }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ name: 'owner', role: 'owner' });
    } finally {
      await s.close();
    }
  });

  it('`marginalia team-server --embedded-db DIR` starts its own PostgreSQL, prints its address and the owner token, and stops it on SIGTERM', async () => {
    const dir = join(pg.root, 'cli-db');
    const run = async (first: boolean): Promise<string[]> => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', 'team-server', '--embedded-db', dir, '--port', '0'], { cwd: join(import.meta.dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/running at .*\n/.test(out) && (!first || /Owner token: \S+\n/.test(out))) resolve();
        });
        void exited.then(() => reject(new Error(`team-server exited: ${err.slice(-2000)}`)));
      });
      const url = /running at (\S+)/.exec(out)![1]!;
      const token = /Owner token: (\S+)/.exec(out)?.[1];
      if (token) expect((await teamApi({ url }, token, 'GET', '/api/me')).body).toEqual({ name: 'owner', role: 'owner' });
      child.kill('SIGTERM');
      await exited;
      return out.trim().split('\n');
    };
    const running = expect.stringMatching(/^Marginalia team server is running at http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await run(true)).toEqual([running, expect.stringMatching(/^Owner token: [A-Za-z0-9_-]{43}$/)]);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    // started again on the same folder: the owner exists, no token is shown
    expect(await run(false)).toEqual([running]);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  }, 90_000);

  it.skipIf(process.getuid?.() !== 0)('as root, names the folder the postgres user cannot pass through', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'marginalia-closed-'));
    try {
      await expect(startEmbeddedPostgres(join(closed, 'db'))).rejects.toThrow(`the folder ${closed} does not let other users through`);
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
