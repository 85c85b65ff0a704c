import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Db } from './database.ts';

export type Migration = { version: number; name: string; sql: string };

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/**
 * The migrations folder ships beside the code (dev tree, bundled dist/ and the packaged app
 * alike); walk up from this module until it is found.
 */
export function findMigrationsDir(from = dirname(fileURLToPath(import.meta.url))): string {
  const override = process.env['MARGINALIA_MIGRATIONS_DIR'];
  if (override) return override;
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, '0001_initial.sql'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`migrations folder not found above ${from}`);
}

export function loadMigrations(dir = findMigrationsDir()): Migration[] {
  const files = readdirSync(dir).filter((f) => MIGRATION_FILE.test(f)).sort();
  return files.map((name, i) => {
    const version = Number(name.slice(0, 4));
    if (version !== i + 1) throw new Error(`migration ${name} is out of sequence: expected number ${i + 1}`);
    return { version, name, sql: readFileSync(join(dir, name), 'utf8') };
  });
}

export const schemaVersion = (db: Db): number => Number(db.raw.pragma('user_version', { simple: true }));

/** Refuses a database written by a newer Marginalia, before anything touches the file. */
export function assertSupportedVersion(db: Db, migrations = loadMigrations()): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new ApiFailure(
      'too_new',
      `${db.path} was written by a newer Marginalia (schema version ${current}); this version understands up to ${migrations.length}. Update Marginalia to open it.`,
      'path',
    );
  }
}

/** Applies pending migrations, one transaction per file; refuses a newer database. */
export function migrate(db: Db, migrations = loadMigrations(), upTo = migrations.length): number {
  assertSupportedVersion(db, migrations);
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    db.raw.transaction(() => {
      db.raw.exec(m.sql);
      db.raw.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
