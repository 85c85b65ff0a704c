import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0010: unit indexes hold only units with a participant / a question', () => {
  const db = useScratchDb();

  const plan = (query: string) => (db().raw.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('keeps the units, and lookups by participant and by question still use an index', () => {
    migrate(db(), loadMigrations(), 9);
    db().raw.exec(`INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't'), (2, 'PB', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'Interviewer: hi\n\nPA: hello\n\nPB: hey', 'h', 't');
      INSERT INTO units (source_id, kind, start, end, participant_id, speaker, is_interviewer) VALUES
        (1, 'turn', 13, 15, NULL, 'Interviewer', 1), (1, 'turn', 21, 26, 1, 'PA', 0), (1, 'turn', 32, 35, 2, 'PB', 0);`);
    migrate(db());
    expect(db().raw.prepare('SELECT participant_id AS p FROM units ORDER BY id').all()).toEqual([{ p: null }, { p: 1 }, { p: 2 }]);
    expect(plan('SELECT id FROM units WHERE participant_id = 2')).toMatch(/USING (COVERING )?INDEX units_by_participant/);
    expect(plan('SELECT id FROM units WHERE participant_id IN (1, 2)')).toMatch(/USING (COVERING )?INDEX units_by_participant/);
    expect(plan('SELECT id FROM units WHERE question_id = 3')).toMatch(/USING (COVERING )?INDEX units_by_question/);
    expect(db().raw.prepare('SELECT id FROM units WHERE participant_id = 2').all()).toEqual([{ id: 3 }]);
    db().raw.exec('PRAGMA integrity_check');
    expect(db().raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });

  it('still lets a deleted participant release its units (foreign key)', () => {
    migrate(db());
    db().raw.exec(`INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'PA: hello', 'h', 't');
      INSERT INTO units (source_id, kind, start, end, participant_id, speaker, is_interviewer) VALUES (1, 'turn', 4, 9, 1, 'PA', 0);`);
    db().raw.exec('DELETE FROM participants WHERE id = 1');
    expect(db().raw.prepare('SELECT participant_id AS p FROM units').all()).toEqual([{ p: null }]);
  });
});
