import { join } from 'node:path';
import { ROLES, type Role, type UserInfo } from '../../shared/domain/team-sync/protocol.ts';
import { startTeamServer } from '../team-server/team-server.ts';

export const TEAM_SERVER_USAGE = `  team-server [--database postgres://USER@HOST/DB | --embedded-db DIR] [--port N] [--host ADDR]
              [--tls-cert FILE --tls-key FILE] [--owner NAME]
                               runs a team server (PostgreSQL store; without --database, a
                               PostgreSQL of its own in DIR, default: the data folder's
                               team-server-db); prints the owner's token on its first start
  team add-user NAME --role owner|coder|reviewer --server URL --token T
                               adds a user to a team server; prints their token once
  team revoke NAME --server URL --token T
                               revokes a user's token (refused from the next request on)
  team users --server URL --token T [--json]
                               lists a team server's users and their roles`;

type Io = { out: (line: string) => void; err: (line: string) => void };

class UsageError extends Error {}

/** `--name value` / `--name=value` options and flags; anything else is positional. */
function options(command: string, argv: readonly string[], values: readonly string[], flags: readonly string[] = []) {
  const out = new Map<string, string>();
  const rest: string[] = [];
  const set = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flags.includes(flag)) set.add(flag);
    else if (values.includes(flag)) {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${command}: ${flag} needs a value`);
      out.set(flag, v);
    } else if (flag.startsWith('-')) throw new UsageError(`${command}: unknown option ${flag}`);
    else rest.push(arg);
  }
  return { values: out, flags: set, rest };
}

/**
 * `marginalia team-server`: runs until SIGINT or SIGTERM, then stops the HTTP server, the
 * database connections and an embedded PostgreSQL; resolves with the exit code.
 */
export async function runTeamServerCommand(argv: readonly string[], ctx: { home: string; port?: number }, io: Io): Promise<number> {
  let o;
  try {
    o = options('team-server', argv, ['--database', '--embedded-db', '--host', '--tls-cert', '--tls-key', '--owner']);
    if (o.rest.length > 0) throw new UsageError(`team-server: unexpected argument "${o.rest[0]}"`);
    if (o.values.has('--database') && o.values.has('--embedded-db')) throw new UsageError('team-server: give --database or --embedded-db, not both');
    if (o.values.has('--tls-cert') !== o.values.has('--tls-key')) throw new UsageError('team-server: TLS needs both --tls-cert FILE and --tls-key FILE');
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const database = o.values.get('--database');
  const embeddedDir = database ? undefined : (o.values.get('--embedded-db') ?? join(ctx.home, 'team-server-db'));
  const server = await startTeamServer({
    database,
    embeddedDir,
    port: ctx.port ?? 0,
    host: o.values.get('--host'),
    tlsCert: o.values.get('--tls-cert'),
    tlsKey: o.values.get('--tls-key'),
    owner: o.values.get('--owner'),
    log: io.err,
  });
  if (embeddedDir) io.err(`PostgreSQL (embedded) keeps the data in ${embeddedDir}`);
  io.out(`Marginalia team server is running at ${server.url}`);
  if (server.ownerToken) io.out(`Owner token: ${server.ownerToken}`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => resolve(0), () => resolve(1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The `team` subcommands that talk to a team server as its administrator. */
export const TEAM_SERVER_ADMIN = new Set(['add-user', 'revoke', 'users']);

async function api<T>(server: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  let base: URL;
  try {
    base = new URL(server);
  } catch {
    throw new UsageError(`--server must be the team server's URL (http://HOST:PORT/), not "${server}"`);
  }
  const r = await fetch(new URL(path, base), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch((err: unknown) => {
    throw new Error(`The team server at ${base.href} did not answer: ${err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)}`);
  });
  const text = await r.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The team server answered ${r.status} without JSON.`);
  }
  if (!r.ok) throw new Error((parsed as { error?: { message?: string } }).error?.message ?? `The team server answered ${r.status}.`);
  return parsed as T;
}

/** `marginalia team add-user|revoke|users`; returns the exit code. */
export async function runTeamServerAdmin(sub: string, argv: readonly string[], io: Io): Promise<number> {
  try {
    const o = options(`team ${sub}`, argv, ['--server', '--token', '--role'], ['--json']);
    const server = o.values.get('--server');
    const token = o.values.get('--token');
    if (!server || !token) throw new UsageError(`team ${sub}: needs --server URL and --token T`);
    if (sub === 'users') {
      if (o.rest.length > 0) throw new UsageError(`team users: unexpected argument "${o.rest[0]}"`);
      const users = await api<UserInfo[]>(server, token, 'GET', '/api/users');
      if (o.flags.has('--json')) io.out(JSON.stringify(users));
      else for (const u of users) io.out(`${u.name.padEnd(24)} ${u.role.padEnd(9)} ${u.revoked ? 'revoked' : 'active'}`);
      return 0;
    }
    if (o.rest.length !== 1) throw new UsageError(`team ${sub}: name one user (team ${sub} NAME …)`);
    const name = o.rest[0]!;
    if (sub === 'add-user') {
      const role = o.values.get('--role');
      if (!role || !ROLES.includes(role as Role)) throw new UsageError(`team add-user: --role must be one of ${ROLES.join(', ')}`);
      const made = await api<{ name: string; role: Role; token: string }>(server, token, 'POST', '/api/users', { name, role });
      if (o.flags.has('--json')) io.out(JSON.stringify(made));
      else {
        io.out(`Added ${made.name} (${made.role}).`);
        io.out(`Token: ${made.token}`);
        io.err('The token is shown this once: give it to them; the server keeps only its hash.');
      }
      return 0;
    }
    await api(server, token, 'POST', `/api/users/${encodeURIComponent(name)}/revoke`);
    io.out(`Revoked ${name}: their token is refused from now on.`);
    return 0;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return err instanceof UsageError ? 2 : 1;
  }
}
