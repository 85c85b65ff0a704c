import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';
import { findSameCoding } from '../../../electron/backend/repositories/codings.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

const TEXT = 'Interviewer: Why did you take the course?\n\nP01: Because my employer asked for the badge and paid for it.';

/** A version-3 project with one source and codings spread over two codes. */
function seedAtVersion3(path: string): void {
  const db = new Db(path, { create: true });
  db.enableWal();
  migrate(db, loadMigrations(), 3);
  db.raw.exec(`INSERT INTO project_meta (key, value) VALUES ('app', 'marginalia'), ('name', 'study');
    INSERT INTO coders (id, name, created_at) VALUES (1, 'tester', 't');
    INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#4e79a7', 'deductive', 't'), (2, 'What', '#f28e2b', 'deductive', 't');`);
  db.raw.prepare(`INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'Interview 1', ?, 'h', 't')`).run(TEXT);
  const insert = db.raw.prepare(`INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (1, ?, ?, ?, 1, 't', ?)`);
  for (let start = 48; start + 20 <= TEXT.length; start += 5) insert.run(1 + (start % 2), start, start + 20, TEXT.slice(start, start + 20));
  db.close();
}

describe('migration 0004: an index for finding the same coding', () => {
  let t: TestHost;
  let path: string;
  beforeEach(() => {
    t = testHost();
    path = join(mkdtempSync(join(tmpdir(), 'marginalia-mig4-')), 'study.marginalia');
    seedAtVersion3(path);
  });
  afterEach(() => {
    t.cleanup();
    rmSync(join(path, '..'), { recursive: true, force: true, maxRetries: 20 });
  });

  it('keeps every coding and answers codings.apply\'s duplicate check from the new index', () => {
    const db = new Db(path, { create: false });
    try {
      const before = db.raw.prepare('SELECT * FROM codings ORDER BY id').all();
      expect(before.length).toBeGreaterThan(5);
      expect(migrate(db)).toBeGreaterThanOrEqual(4);
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
      expect(db.raw.prepare('SELECT * FROM codings ORDER BY id').all()).toEqual(before);

      const coder = (db.raw.prepare('SELECT coder_id AS c FROM codings WHERE id = 1').get() as { c: number }).c;
      // Plan the very statement the repository runs, not a copy of it.
      const prepare = vi.spyOn(db.raw, 'prepare');
      expect(findSameCoding(db, { sourceId: 1, codeId: 1, start: 48, end: 68 }, coder)).toEqual({ id: 1 });
      const text = prepare.mock.calls.map((c) => c[0]).find((s) => /FROM codings/.test(s));
      prepare.mockRestore();
      expect(text).toBeDefined();
      const plan = db.raw.prepare(`EXPLAIN QUERY PLAN ${text!}`).all(1, 1, 48, 68, coder) as { detail: string }[];
      // The span index finds the passage; the coder is read from the few rows it points to.
      expect(plan.map((r) => r.detail).join('\n')).toMatch(/USING INDEX codings_by_span \(source_id=\? AND start=\? AND end=\? AND code_id=\?\)/);
    } finally {
      db.close();
    }
  });

  it('still treats applying a code twice to one passage as one coding, and another code there as a new one', async () => {
    await t.ok('project.open', { path });
    const first = await t.ok('codings.apply', { sourceId: 1, codeId: 2, start: 50, end: 80 });
    const again = await t.ok('codings.apply', { sourceId: 1, codeId: 2, start: 50, end: 80 });
    expect(again.id).toBe(first.id);
    const other = await t.ok('codings.apply', { sourceId: 1, codeId: 1, start: 50, end: 80 });
    expect(other.id).not.toBe(first.id);
    const listed = await t.ok('codings.listForSource', { sourceId: 1 });
    expect(listed.filter((c) => c.start === 50 && c.end === 80).map((c) => c.codeId).sort()).toEqual([1, 2]);
  });
});
