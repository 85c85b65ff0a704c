import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded.ts';
import { startHttp, type Limits } from './http.ts';
import { migrate } from './migrate.ts';
import { TeamStore } from './store.ts';

export type TeamServerOptions = {
  /** postgres://USER@HOST/DB; without it, `embeddedDir` is used. */
  database?: string;
  /** Data folder of an embedded PostgreSQL (when no `database`). */
  embeddedDir?: string;
  port?: number;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Name of the first owner, made on the first start (default "owner"). */
  owner?: string;
  limits?: Partial<Limits>;
  heartbeatMs?: number;
  log?: (line: string) => void;
};

export type TeamServer = {
  url: string;
  port: number;
  /** The first owner's token, on the first start only (null afterwards). */
  ownerToken: string | null;
  store: TeamStore;
  close: () => Promise<void>;
};

/** Starts the team server: PostgreSQL (given or embedded), migrations, the first owner, the HTTP(S) API. */
export async function startTeamServer(o: TeamServerOptions): Promise<TeamServer> {
  if (!o.database && !o.embeddedDir) throw new Error('The team server needs --database postgres://… or --embedded-db DIR.');
  if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) throw new Error('TLS needs both --tls-cert FILE and --tls-key FILE.');
  const tls = o.tlsCert && o.tlsKey ? { cert: readFileSync(o.tlsCert), key: readFileSync(o.tlsKey) } : undefined;
  let embedded: EmbeddedDb | null = null;
  let pool: pg.Pool | null = null;
  try {
    if (!o.database) embedded = await startEmbeddedPostgres(o.embeddedDir!);
    pool = new pg.Pool({ connectionString: o.database ?? embedded!.url('marginalia'), max: 16 });
    // A connection PostgreSQL ends (a restart, a shutdown) is logged, not a crash.
    pool.on('error', (err) => o.log?.(`team server: database connection: ${err.message}`));
    await migrate(pool);
    const store = new TeamStore(pool);
    const ownerToken = await store.ensureOwner(o.owner ?? 'owner');
    const http = await startHttp({ store, port: o.port, host: o.host, tls, limits: o.limits, heartbeatMs: o.heartbeatMs, log: o.log });
    const p = pool;
    const e = embedded;
    let closing: Promise<void> | null = null;
    return {
      url: http.url,
      port: http.port,
      ownerToken,
      store,
      close: () =>
        (closing ??= (async () => {
          await http.close();
          await p.end();
          await e?.stop();
        })()),
    };
  } catch (err) {
    await pool?.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
