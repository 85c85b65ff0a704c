import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';

const TEXT = 'Interviewer: Why the badge?\n\nP01: Because my employer asked for it. La evaluación importa.';

/** Migration 0003 (full-text search): sources written at version 2 are searchable afterwards. */
describe('migration 0003: the search index', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-mig3-'));
    db = new Db(join(dir, 'study.marginalia'), { create: true });
    migrate(db, loadMigrations(), 2);
    db.raw.exec(`INSERT INTO project_meta (key, value) VALUES ('app', 'marginalia');`);
    const insert = db.raw.prepare(`INSERT INTO sources (kind, name, text, content_hash, imported_at) VALUES ('interview', ?, ?, 'h', 't')`);
    insert.run('Interview 1', TEXT);
    insert.run('Interview 2', 'Nothing about that here.');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  const find = (match: string) =>
    (db.raw.prepare('SELECT rowid FROM source_search WHERE source_search MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map((r) => r.rowid);

  it('indexes the sources that were already there, folding case and accents', () => {
    expect(schemaVersion(db)).toBe(2);
    migrate(db, loadMigrations(), 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.raw.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 2 });
    expect(find('employer')).toEqual([1]);
    expect(find('EVALUACION')).toEqual([1]);
    expect(find('"asked for"')).toEqual([1]);
    expect(find('nothing OR badge')).toEqual([1, 2]);
  });

  it('keeps the index in step when sources are added, changed or deleted', () => {
    migrate(db, loadMigrations(), 3);
    db.raw.prepare(`INSERT INTO sources (kind, name, text, content_hash, imported_at) VALUES ('document', 'Policy', 'Stackable credits.', 'h', 't')`).run();
    expect(find('stackable')).toEqual([3]);
    db.raw.prepare(`UPDATE sources SET text = 'Portable credits.' WHERE id = 3`).run();
    expect(find('stackable')).toEqual([]);
    expect(find('portable')).toEqual([3]);
    db.raw.prepare('DELETE FROM sources WHERE id = 1').run();
    expect(find('employer')).toEqual([]);
    expect(db.raw.prepare(`INSERT INTO source_search (source_search) VALUES ('integrity-check')`).run().changes).toBeGreaterThanOrEqual(0);
  });

  it('answers the search service\'s candidate query from the full-text index', () => {
    migrate(db, loadMigrations(), 3);
    const plan = db.raw
      .prepare(`EXPLAIN QUERY PLAN SELECT s.id FROM sources s WHERE s.id IN (SELECT rowid FROM source_search WHERE source_search MATCH ?) ORDER BY s.position, s.id`)
      .all('employer') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/source_search VIRTUAL TABLE INDEX/);
  });
});
