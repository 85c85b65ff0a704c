import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0014: reconciliation decisions', () => {
  const db = useScratchDb();
  const seed = () =>
    db().raw.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't'), (2, 'ben', 't'), (3, 'Consensus', 't');
      INSERT INTO codes (id, parent_id, name, color, origin, created_at) VALUES (7, NULL, 'Why', '#4e79a7', 'deductive', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (5, 'document', 'Doc', 'some text', 'h', 't');
      INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (5, 7, 0, 4, 1, 't', 'some');`);

  it('keeps a project of version 13 as it was and adds the table', () => {
    migrate(db(), loadMigrations(), 13);
    seed();
    migrate(db());
    expect(db().raw.prepare('SELECT count(*) AS n FROM codings').get()).toEqual({ n: 1 });
    db().raw.exec(`INSERT INTO reconciliations (source_id, code_id, start, end, first_coder_id, second_coder_id, consensus_id, decision, decided_by, decided_at)
      VALUES (5, 7, 0, 4, 1, 2, 3, 'first', 1, 't')`);
    expect(db().raw.prepare('SELECT decision FROM reconciliations').all()).toEqual([{ decision: 'first' }]);
  });

  it('refuses a decision that is not one of the four, and an empty passage', () => {
    migrate(db());
    seed();
    const insert = (decision: string, end: number) => () =>
      db().raw.exec(`INSERT INTO reconciliations (source_id, code_id, start, end, first_coder_id, second_coder_id, consensus_id, decision, decided_by, decided_at)
        VALUES (5, 7, 2, ${end}, 1, 2, 3, '${decision}', 1, 't')`);
    expect(insert('maybe', 4)).toThrow(/CHECK constraint failed/);
    expect(insert('both', 2)).toThrow(/CHECK constraint failed/);
  });

  it('forgets decisions with their code or source, and finds them by code through its index', () => {
    migrate(db());
    seed();
    db().raw.exec(`INSERT INTO reconciliations (source_id, code_id, start, end, first_coder_id, second_coder_id, consensus_id, decision, decided_by, decided_at)
      VALUES (5, 7, 0, 4, 1, 2, 3, 'neither', 1, 't')`);
    const plan = db().raw.prepare(`EXPLAIN QUERY PLAN SELECT * FROM reconciliations WHERE code_id = 7 AND source_id = 5`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX reconciliations_by_code/);
    db().raw.exec('DELETE FROM codings; DELETE FROM codes WHERE id = 7');
    expect(db().raw.prepare('SELECT count(*) AS n FROM reconciliations').get()).toEqual({ n: 0 });
  });
});
