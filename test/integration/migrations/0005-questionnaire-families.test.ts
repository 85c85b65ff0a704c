import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';
import { existingAnswers } from '../../../electron/backend/repositories/import-families.ts';

const TEXT = 'Q1. Why did you enrol?\n\nR1: For my job.\n\nR2: Curiosity.';

describe('migration 0005: questionnaire families', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-mig5-'));
    db = new Db(join(dir, 'study.marginalia'), { create: true });
    migrate(db, loadMigrations(), 4);
    db.raw.exec(`INSERT INTO project_meta (key, value) VALUES ('app', 'marginalia');
      INSERT INTO participants (id, label, created_at) VALUES (1, 'R1', 't'), (2, 'R2', 't');`);
    db.raw.prepare(`INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'questionnaire', 'Survey', ?, 'h', 't')`).run(TEXT);
    db.raw.exec(`INSERT INTO questions (id, source_id, key, text) VALUES (1, 1, 'Q1', 'Why did you enrol?');
      INSERT INTO units (source_id, kind, start, end, question_id) VALUES (1, 'question', 0, 22, 1);
      INSERT INTO units (source_id, kind, start, end, participant_id, question_id) VALUES (1, 'answer', 28, 39, 1, 1), (1, 'answer', 45, 55, 2, 1);`);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  it('keeps every source, question and unit, and adds empty family tables', () => {
    const before = db.raw.prepare('SELECT * FROM units ORDER BY id').all();
    expect(migrate(db, loadMigrations(), 5)).toBe(5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.raw.prepare('SELECT * FROM units ORDER BY id').all()).toEqual(before);
    for (const table of ['questionnaire_families', 'questionnaire_family_sources', 'questionnaire_columns', 'questionnaire_respondents']) {
      expect(db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });

  it('finds a family\'s earlier answers through the new index, and drops family rows with their question or source', () => {
    migrate(db, loadMigrations(), 5);
    const prepare = vi.spyOn(db.raw, 'prepare');
    expect(existingAnswers(db, [1]).map((a) => a.participantId).sort()).toEqual([1, 2]);
    const statement = prepare.mock.calls.map(([text]) => text).find((text) => text.includes("kind = 'answer'"))!;
    prepare.mockRestore();
    const plan = db.raw.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('units_by_question');

    db.raw.exec(`INSERT INTO questionnaire_families (id, name, created_at) VALUES (1, 'Survey', 't');
      INSERT INTO questionnaire_family_sources (source_id, family_id) VALUES (1, 1);
      INSERT INTO questionnaire_columns (family_id, header, question_id) VALUES (1, 'Why did you enrol?', 1);
      INSERT INTO questionnaire_respondents (family_id, respondent, participant_id) VALUES (1, 'R1', 1);`);
    // Headers and respondent ids match regardless of case.
    expect(() => db.raw.exec(`INSERT INTO questionnaire_columns (family_id, header, question_id) VALUES (1, 'WHY DID YOU ENROL?', 1)`)).toThrow(/UNIQUE/);
    db.raw.exec('DELETE FROM participants WHERE id = 1');
    expect(db.raw.prepare('SELECT count(*) AS n FROM questionnaire_respondents').get()).toEqual({ n: 0 });
    db.raw.exec('DELETE FROM sources WHERE id = 1');
    expect(db.raw.prepare('SELECT (SELECT count(*) FROM questionnaire_family_sources) + (SELECT count(*) FROM questionnaire_columns) AS n').get()).toEqual({ n: 0 });
  });
});
