import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the project's lint config for `code` as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const SQL_ELSEWHERE = 'no-restricted-syntax: SQL lives in electron/backend/repositories/: call a repository function (add one to the module of its domain).';

const TAGGED = [
  "import type { Db } from '../db/database.ts';",
  "import type { SqlFragment } from '../db/sql.ts';",
  'declare const sql: (s: TemplateStringsArray, ...v: unknown[]) => SqlFragment;',
  'export const rename = (db: Db, id: number, name: string) => db.run(sql`UPDATE codes SET name = ${name} WHERE id = ${id}`);',
  '',
].join('\n');

const IMPORTED = [
  "import type { Db } from '../db/database.ts';",
  "import { sql } from '../db/sql.ts';",
  'export const rename = (db: Db, id: number, name: string) => db.run(sql`UPDATE codes SET name = ${name} WHERE id = ${id}`);',
  '',
].join('\n');

describe('SQL lives in electron/backend/repositories/', () => {
  it('refuses a sql tagged template in a service', async () => {
    expect(await problems('electron/backend/services/planted.ts', TAGGED)).toEqual([SQL_ELSEWHERE]);
  });

  it('allows the same template in a repository', async () => {
    expect(await problems('electron/backend/repositories/planted.ts', TAGGED)).toEqual([]);
    expect(await problems('electron/backend/repositories/planted.ts', IMPORTED)).toEqual([]);
  });

  it('refuses importing the sql helpers outside repositories, under any name, and sql.x`` or x.sql``', async () => {
    // The import and the template: two problems.
    expect(await problems('electron/backend/import/planted.ts', IMPORTED)).toEqual([SQL_ELSEWHERE, SQL_ELSEWHERE]);
    const renamed = "import { sqlIds as ids } from '../db/sql.ts';\nexport const q = ids([1, 2]);\n";
    expect(await problems('electron/backend/planted.ts', renamed)).toEqual([SQL_ELSEWHERE]);
    const namespace = "import * as s from '../db/sql.ts';\nexport const q = s.sql`SELECT 1`;\n";
    expect(await problems('electron/backend/services/planted.ts', namespace)).toEqual([SQL_ELSEWHERE, SQL_ELSEWHERE]);
    const member = 'declare const sql: { raw: (s: TemplateStringsArray) => string };\nexport const q = sql.raw`SELECT 1`;\n';
    expect(await problems('electron/backend/services/planted.ts', member)).toEqual([SQL_ELSEWHERE]);
    // Types of the helper module are not SQL.
    expect(await problems('electron/backend/services/planted.ts', "import type { SqlFragment } from '../db/sql.ts';\nexport type F = SqlFragment;\n")).toEqual([]);
  });

  it('refuses better-sqlite3 statements and hand-made fragments outside repositories', async () => {
    const prepared = "import type { Db } from '../db/database.ts';\nexport const n = (db: Db) => db.raw.prepare('SELECT count(*) FROM codes').get();\n";
    expect(await problems('electron/backend/services/planted.ts', prepared)).toEqual([SQL_ELSEWHERE]);
    const exec = "import type { Db } from './db/database.ts';\nexport const wipe = (db: Db) => db.raw.exec('DELETE FROM memos');\n";
    expect(await problems('electron/backend/planted.ts', exec)).toEqual([SQL_ELSEWHERE]);
    const pragma = "import type { Db } from './db/database.ts';\nexport const v = (db: Db) => db.raw.pragma('user_version');\n";
    expect(await problems('electron/backend/planted.ts', pragma)).toEqual([SQL_ELSEWHERE]);
    const handMade = "import type { Db } from './db/database.ts';\nexport const all = (db: Db) => db.all({ text: 'SELECT * FROM codes', values: [], __sql: true });\n";
    expect(await problems('electron/backend/planted.ts', handMade)).toEqual([SQL_ELSEWHERE]);
  });

  it('leaves RegExp#exec alone', async () => {
    const regexp = "const STAMP = /^(\\d+):(\\d{2})$/;\nexport const minutes = (s: string) => Number(STAMP.exec(s)?.[1] ?? 0);\n";
    expect(await problems('electron/backend/services/planted.ts', regexp)).toEqual([]);
    expect(await problems('electron/backend/import/planted.ts', regexp)).toEqual([]);
  });

  it('lets the documented infrastructure hold SQL: db/ and undo/', async () => {
    expect(await problems('electron/backend/db/planted.ts', IMPORTED)).toEqual([]);
    expect(await problems('electron/backend/undo/planted.ts', IMPORTED)).toEqual([]);
  });

  it('keeps "Use named exports." in force where this rule replaces the general one', async () => {
    expect(await problems('electron/backend/services/planted.ts', 'export default 1;\n')).toEqual(['no-restricted-syntax: Use named exports.']);
    expect(await problems('electron/backend/repositories/planted.ts', 'export default 1;\n')).toEqual(['no-restricted-syntax: Use named exports.']);
  });
});
