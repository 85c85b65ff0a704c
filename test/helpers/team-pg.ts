import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedPostgres, untraversableAncestor } from '../../electron/team-server/embedded.ts';
import { startTeamServer, type TeamServerOptions } from '../../electron/team-server/team-server.ts';
import type { TeamStore } from '../../electron/team-server/store.ts';
import type { Code, SourceSummary } from '../../shared/domain/types.ts';
import { testHost } from './project.ts';

/**
 * One embedded PostgreSQL for a test file (start it in beforeAll, stop it in afterAll), with a
 * fresh database per test, and the team server started in-process on such a database.
 *
 *   const pg = await startTeamPg();            // beforeAll
 *   const server = await startServer(await pg.newDatabase());
 *   … server.url, server.token (the first owner's), await server.close()
 *   await pg.stop();                           // afterAll: PostgreSQL stopped, folder removed
 */
export type TeamPg = {
  /** Connection string of a database on this PostgreSQL. */
  url: (database: string) => string;
  /** Creates an empty database `t_<random>` and returns its connection string. */
  newDatabase: () => Promise<string>;
  /** A folder beside the data folder, reachable by the `postgres` user, for the test's own files. */
  root: string;
  stop: () => Promise<void>;
};

/** A temp root PostgreSQL (as `postgres`, when the tests run as root) can reach: 0711 all the way. */
function reachableRoot(): string {
  for (const base of [tmpdir(), '/var/tmp', '/tmp']) {
    try {
      const root = mkdtempSync(join(base, 'marginalia-team-pg-'));
      chmodSync(root, 0o711);
      if (process.getuid?.() !== 0 || untraversableAncestor(join(root, 'pg')) === null) return root;
      rmSync(root, { recursive: true, force: true });
    } catch {
      // try the next
    }
  }
  throw new Error('No temporary folder the postgres user can reach (tried the temp folder, /var/tmp and /tmp).');
}

export async function startTeamPg(): Promise<TeamPg> {
  const root = reachableRoot();
  mkdirSync(join(root, 'files'), { recursive: true });
  let db;
  try {
    db = await startEmbeddedPostgres(join(root, 'pg'), { database: 'postgres' });
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const embedded = db;
  return {
    url: embedded.url,
    root: join(root, 'files'),
    newDatabase: async () => {
      const name = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: embedded.url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return embedded.url(name);
    },
    stop: async () => {
      await embedded.stop();
      rmSync(root, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

/** One embedded PostgreSQL for the calling test file: started before its tests, stopped after them. */
export function useTeamPg(): { newDatabase: () => Promise<string> } {
  let started: TeamPg | null = null;
  beforeAll(async () => {
    started = await startTeamPg();
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  return {
    newDatabase: () => {
      if (!started) throw new Error('PostgreSQL is not started: call useTeamPg() at the top of the test file');
      return started.newDatabase();
    },
  };
}

export type TestTeamServer = {
  url: string;
  /** The first owner's token (the server made it on this first start; `reuseToken` on a restart). */
  token: string;
  store: TeamStore;
  close: () => Promise<void>;
};

/** Starts the team server in this process on `database`; on a restart pass the owner token you kept. */
export async function startServer(database: string, options: Partial<TeamServerOptions> & { reuseToken?: string } = {}): Promise<TestTeamServer> {
  const { reuseToken, ...rest } = options;
  const s = await startTeamServer({ database, port: 0, log: () => undefined, ...rest });
  const token = s.ownerToken ?? reuseToken;
  if (!token) {
    await s.close();
    throw new Error('This database has users already: pass reuseToken (the owner token printed on its first start).');
  }
  return { url: s.url, token, store: s.store, close: s.close };
}

/** A fetch of the team server's API with a token; JSON in and out. */
export async function teamApi<T = unknown>(server: { url: string }, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  let payload: string | Uint8Array<ArrayBuffer> | undefined;
  if (Buffer.isBuffer(body)) {
    headers['Content-Type'] = 'application/octet-stream';
    payload = new Uint8Array(body);
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const r = await fetch(new URL(path, server.url), { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
}

export type ServerProcess = {
  url: string;
  port: number;
  /** The first owner's token (printed on the first start; `reuseToken` on a restart). */
  token: string;
  child: ChildProcess;
  /** SIGKILL: the process ends wherever it is, as in a power cut. */
  kill: () => Promise<void>;
  /** SIGTERM: a clean stop. */
  close: () => Promise<void>;
};

/**
 * `marginalia team-server` as users run it, in a process of its own (through tsx, from the
 * sources), on `database`; resolves once it printed its address (and, on a first start, the
 * owner token). `port` to come back on the same address after a kill. MARGINALIA_BENCH_PROFILE=DIR
 * writes a CPU profile of the process when it stops cleanly.
 */
export async function startServerProcess(database: string, options: { port?: number; reuseToken?: string } = {}): Promise<ServerProcess> {
  const profile = process.env['MARGINALIA_BENCH_PROFILE'];
  const node = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), '--import', 'tsx'];
  const cwd = join(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, [...node, join(cwd, 'electron', 'cli', 'cli.ts'), 'team-server', '--database', database, '--port', String(options.port ?? 0)], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test that times out or fails must not leave a server running: it goes with this process.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  let url = '';
  let token = options.reuseToken ?? '';
  await new Promise<void>((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`team-server exited (${code}) before it was running: ${errors.trim()}`));
    child.once('exit', early);
    lines.on('line', (line) => {
      const running = /running at (\S+)/.exec(line);
      const owner = /^Owner token: (\S+)/.exec(line);
      if (owner) token = owner[1]!;
      if (running) url = running[1]!;
      if (url && token) {
        child.off('exit', early);
        resolve();
      }
    });
  });
  const stop = (signal: NodeJS.Signals) => () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, port: Number(new URL(url).port), token, child, kill: stop('SIGKILL'), close: stop('SIGTERM') };
}

/** The demo project as a file to share, with its sources and codes (their base gids are `0.<id>`) and the first source's text. */
export async function demoProjectFile(): Promise<{ bytes: Buffer; sources: SourceSummary[]; codes: Code[]; firstText: string }> {
  const t = testHost({ coderName: 'owner' });
  try {
    await t.ok('project.openDemo', {});
    const sources = await t.ok('sources.list', {});
    const codes = await t.ok('codes.list', {});
    const firstText = (await t.ok('sources.get', { id: sources[0]!.id })).text;
    const path = t.host.current!.db.path;
    t.host.close();
    return { bytes: readFileSync(path), sources, codes, firstText };
  } finally {
    t.cleanup();
  }
}
