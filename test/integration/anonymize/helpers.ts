import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fold } from '../../../shared/domain/anonymize/fold.ts';

/** Every byte of a project file and of its WAL, if there is one. */
export function projectBytes(path: string): Buffer {
  return Buffer.concat([readFileSync(path), ...(existsSync(`${path}-wal`) ? [readFileSync(`${path}-wal`)] : [])]);
}

export const fileHash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The originals still present in some bytes, looked for as written, in lower and upper case,
 * and folded as the search index keeps words (no accents): substrings, no word boundaries.
 */
export function originalsIn(bytes: Buffer, originals: readonly string[]): string[] {
  return originals.filter((o) => [o, o.toLowerCase(), o.toUpperCase(), fold(o)].some((form) => bytes.includes(Buffer.from(form, 'utf8'))));
}

/** A plain connection to a project file, as someone with an SQLite shell would have. */
export function sqliteShell(path: string): Database.Database {
  return new Database(path);
}
