import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';

// Interviewer turn [0, 20), P1's turn [22, 60) with a nested paragraph [40, 50) of P2, a gap, P1 again [70, 90).
const TEXT = 'x'.repeat(100);

/** Migration 0006 (coding credit): codings written at version 5 are credited by the unit rule. */
describe('migration 0006: who each coding is credited to', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-mig6-'));
    db = new Db(join(dir, 'study.marginalia'), { create: true });
    migrate(db, loadMigrations(), 5);
    db.raw.exec(`INSERT INTO project_meta (key, value) VALUES ('app', 'marginalia');
      INSERT INTO coders (id, name, created_at) VALUES (1, 'tester', 't');
      INSERT INTO participants (id, label, created_at) VALUES (1, 'P1', 't'), (2, 'P2', 't');
      INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#4e79a7', 'deductive', 't');`);
    db.raw.prepare(`INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'I', ?, 'h', 't')`).run(TEXT);
    db.raw.exec(`INSERT INTO units (id, source_id, kind, start, end, participant_id) VALUES
      (1, 1, 'turn', 0, 20, NULL), (2, 1, 'turn', 22, 60, 1), (3, 1, 'paragraph', 40, 50, 2), (4, 1, 'turn', 70, 90, 1);`);
    const insert = db.raw.prepare(`INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES (?, 1, 1, ?, ?, 1, 't', 'x')`);
    for (const [id, start] of [[1, 5], [2, 25], [3, 45], [4, 55], [5, 65], [6, 75]] as const) insert.run(id, start, start + 3);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  const credit = () =>
    db.raw.prepare('SELECT coding_id AS id, unit_id AS unit, participant_id AS who FROM coding_credit ORDER BY coding_id').all() as { id: number; unit: number | null; who: number | null }[];

  it('credits existing codings to the innermost unit holding their start, and nobody in gaps', () => {
    expect(schemaVersion(db)).toBe(5);
    migrate(db, loadMigrations(), 6);
    expect(db.raw.prepare('SELECT count(*) AS n FROM codings').get()).toEqual({ n: 6 });
    expect(credit()).toEqual([
      { id: 1, unit: 1, who: null },
      { id: 2, unit: 2, who: 1 },
      { id: 3, unit: 3, who: 2 },
      { id: 4, unit: 2, who: 1 },
      { id: 5, unit: null, who: null },
      { id: 6, unit: 4, who: 1 },
    ]);
  });

  it('follows later changes to codings, units and participants', () => {
    migrate(db, loadMigrations(), 6);
    db.raw.exec(`INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES (7, 1, 1, 46, 48, 1, 't', 'x');
      UPDATE codings SET start = 72, end = 75 WHERE id = 5;
      DELETE FROM codings WHERE id = 1;
      UPDATE units SET participant_id = 2 WHERE id = 4;
      DELETE FROM units WHERE id = 3;
      INSERT INTO units (id, source_id, kind, start, end, participant_id) VALUES (5, 1, 'paragraph', 60, 70, 2);`);
    db.raw.exec(`PRAGMA foreign_keys = ON; DELETE FROM participants WHERE id = 1;`);
    expect(credit()).toEqual([
      { id: 2, unit: 2, who: null },
      { id: 3, unit: 2, who: null },
      { id: 4, unit: 2, who: null },
      { id: 5, unit: 4, who: 2 },
      { id: 6, unit: 4, who: 2 },
      { id: 7, unit: 2, who: null },
    ]);
  });

  it('answers the frequency matrix from its index alone', () => {
    migrate(db, loadMigrations(), 6);
    const plan = db.raw
      .prepare('EXPLAIN QUERY PLAN SELECT k.code_id, k.participant_id, count(*) FROM coding_credit k GROUP BY k.code_id, k.participant_id')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX coding_credit_by_code/);
    const sources = db.raw
      .prepare('EXPLAIN QUERY PLAN SELECT k.source_id, k.participant_id, group_concat(DISTINCT k.code_id) FROM coding_credit k GROUP BY k.source_id, k.participant_id')
      .all() as { detail: string }[];
    expect(sources.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX coding_credit_by_source/);
  });
});
