import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/**
 * The team server's own PostgreSQL migrations: numbered files in ./migrations, applied in order
 * on start, all pending ones in one transaction, each recorded in schema_migrations. A database
 * with a migration newer than this server knows is refused (an older server must not write it).
 */

export type Migration = { version: number; name: string; sql: string };

/** Where the .sql files are: beside this module, or (bundled CLI) in the repository's folder. */
function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, 'migrations'), join(here, '..', '..', 'electron', 'team-server', 'migrations')]) {
    try {
      readdirSync(dir);
      return dir;
    } catch {
      // try the next
    }
  }
  throw new Error(`The team server's migrations were not found beside ${here}`);
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** Runs `work` in one transaction on a client of the pool: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Applies the pending migrations; returns the versions applied now. */
export function migrate(pool: pg.Pool, migrations = loadMigrations()): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    // One server migrates at a time; a second waits and then finds nothing to do.
    await client.query('SELECT pg_advisory_xact_lock(4242017)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = migrations.at(-1)?.version ?? 0;
    const ahead = [...done].filter((v) => v > newest);
    if (ahead.length > 0) throw new Error(`This database was migrated by a newer Marginalia team server (migration ${Math.max(...ahead)}; this one knows up to ${newest}). Update the server.`);
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
