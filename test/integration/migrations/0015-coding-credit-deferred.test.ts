import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0015: a bulk insert can hold off the per-coding credit trigger inside its transaction', () => {
  const db = useScratchDb();

  const credit = () => db().raw.prepare('SELECT coding_id AS c, unit_id AS u, participant_id AS p FROM coding_credit ORDER BY coding_id').all();
  const addCoding = (id: number, start: number) =>
    db().raw.prepare(`INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES (?, 1, 1, ?, ?, 1, 't', 'x')`).run(id, start, start + 3);

  const seed = () =>
    db().raw.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'me', 't');
      INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't');
      INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#4e79a7', 'deductive', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'Interviewer: hi\n\nPA: hello there', 'h', 't');
      INSERT INTO units (id, source_id, kind, start, end, participant_id) VALUES (1, 1, 'turn', 13, 15, NULL), (2, 1, 'turn', 21, 32, 1);`);

  it('keeps the credit of version 14 and credits every new coding through the trigger as before', () => {
    migrate(db(), loadMigrations(), 14);
    seed();
    addCoding(1, 21);
    addCoding(2, 13);
    migrate(db());
    expect(credit()).toEqual([
      { c: 1, u: 2, p: 1 },
      { c: 2, u: 1, p: null },
    ]);
    addCoding(3, 27);
    expect(credit()).toContainEqual({ c: 3, u: 2, p: 1 });
    expect(db().raw.prepare('SELECT count(*) AS n FROM coding_credit_deferred').get()).toEqual({ n: 0 });
    expect(db().raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });

  it('while the flag is set, new codings get no credit row; the flag goes with a rollback', () => {
    migrate(db());
    seed();
    db().raw.exec('BEGIN IMMEDIATE');
    db().raw.exec('INSERT INTO coding_credit_deferred (id) VALUES (1)');
    addCoding(1, 21);
    expect(credit()).toEqual([]);
    db().raw.exec('ROLLBACK');
    expect(db().raw.prepare('SELECT count(*) AS n FROM coding_credit_deferred').get()).toEqual({ n: 0 });
    addCoding(1, 21);
    expect(credit()).toEqual([{ c: 1, u: 2, p: 1 }]);
    // Only one flag row can exist.
    expect(() => db().raw.exec('INSERT INTO coding_credit_deferred (id) VALUES (2)')).toThrow(/CHECK constraint failed/);
  });
});
