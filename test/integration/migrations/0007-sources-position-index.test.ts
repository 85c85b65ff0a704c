import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';
import { insertSource } from '../../../electron/backend/repositories/sources.ts';

const TEXT = 'Interviewer: Why did you take the course?\n\nP01: Because my employer asked for the badge. '.repeat(400);

/** A version-6 project whose sources were reordered: the last one made is not the last listed. */
function seedAtVersion6(path: string): void {
  const db = new Db(path, { create: true });
  db.enableWal();
  migrate(db, loadMigrations(), 6);
  const insert = db.raw.prepare(`INSERT INTO sources (id, kind, name, text, content_hash, imported_at, position) VALUES (?, 'interview', ?, ?, 'h', 't', ?)`);
  insert.run(1, 'Interview A', TEXT, 0);
  insert.run(2, 'Interview B', TEXT, 7);
  insert.run(3, 'Interview C', TEXT, 3);
  db.close();
}

/** The plan SQLite makes for the statement insertSource runs to find the next position. */
function planOfNextPosition(db: Db): string {
  const prepare = vi.spyOn(db.raw, 'prepare');
  const savepoint = db.raw.transaction(() => {
    insertSource(db, { kind: 'document', name: 'probe', text: 'x', origin: '' }, 't');
    throw new Error('roll back the probe');
  });
  expect(() => savepoint()).toThrow('roll back the probe');
  const text = prepare.mock.calls.map((c) => c[0]).find((s) => /max\(position\)/.test(s));
  prepare.mockRestore();
  expect(text).toBeDefined();
  return (db.raw.prepare(`EXPLAIN QUERY PLAN ${text!}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('migration 0007: an index for the end of the source list', () => {
  let path: string;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'marginalia-mig7-')), 'study.marginalia');
    seedAtVersion6(path);
  });
  afterEach(() => rmSync(join(path, '..'), { recursive: true, force: true, maxRetries: 20 }));

  it('keeps every source and finds the next position with one index seek instead of reading every text', () => {
    // A fresh connection per look: Db caches its statements, and the plan is read from the spy.
    const at6 = new Db(path, { create: false });
    const before = at6.raw.prepare('SELECT * FROM sources ORDER BY id').all();
    // Without an index SQLite reads every row (and so every text) for max(position).
    expect(planOfNextPosition(at6)).not.toMatch(/INDEX/);
    at6.close();

    const db = new Db(path, { create: false });
    try {
      migrate(db, loadMigrations(), 7);
      expect(schemaVersion(db)).toBe(7);
      expect(db.raw.prepare('SELECT * FROM sources ORDER BY id').all()).toEqual(before);
      expect(planOfNextPosition(db)).toBe('SEARCH sources USING COVERING INDEX sources_by_position');
      // A new source still goes after the last listed one, not after the last one made.
      const id = insertSource(db, { kind: 'document', name: 'Policy', text: 'Recognition of prior learning.', origin: 'policy.txt' }, 't');
      expect(db.raw.prepare('SELECT position FROM sources WHERE id = ?').get(id)).toEqual({ position: 8 });
    } finally {
      db.close();
    }
  });
});
