import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Coder, ProjectCounts } from '../../../shared/domain/types.ts';

export const getMeta = (db: Db, key: string): string | undefined =>
  db.get<{ value: string }>(sql`SELECT value FROM project_meta WHERE key = ${key}`)?.value;

export const setMeta = (db: Db, key: string, value: string): void => {
  db.run(sql`INSERT INTO project_meta (key, value) VALUES (${key}, ${value})
             ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
};

export const listCoders = (db: Db): Coder[] => db.all<Coder>(sql`SELECT id, name FROM coders ORDER BY name`);

export const getCoder = (db: Db, id: number): Coder | undefined => db.get<Coder>(sql`SELECT id, name FROM coders WHERE id = ${id}`);

/** The file's tables, whatever wrote it: opening checks a file is a project before touching it. */
export const tableNames = (db: Db): string[] =>
  db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`).map((t) => t.name);

/** When a coder was first recorded in this project. */
export const coderCreatedAt = (db: Db, id: number): string | undefined =>
  db.get<{ createdAt: string }>(sql`SELECT created_at AS createdAt FROM coders WHERE id = ${id}`)?.createdAt;

export const findCoderByName = (db: Db, name: string): Coder | undefined =>
  db.get<Coder>(sql`SELECT id, name FROM coders WHERE name = ${name}`);

export function renameCoder(db: Db, id: number, name: string): void {
  db.run(sql`UPDATE coders SET name = ${name} WHERE id = ${id}`);
}

export function ensureCoder(db: Db, name: string, now: string): Coder {
  const found = findCoderByName(db, name);
  if (found) return found;
  const { lastInsertRowid } = db.run(sql`INSERT INTO coders (name, created_at) VALUES (${name}, ${now})`);
  return { id: lastInsertRowid, name };
}

export const counts = (db: Db): ProjectCounts =>
  db.get<ProjectCounts>(sql`SELECT
      (SELECT count(*) FROM participants) AS participants,
      (SELECT count(*) FROM sources) AS sources,
      (SELECT count(*) FROM codes) AS codes,
      (SELECT count(*) FROM codings) AS codings,
      (SELECT count(*) FROM memos) AS memos`)!;
