import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0012: REFI-QDA GUIDs and the exchange seed', () => {
  const db = useScratchDb();
  const seed = () => (db().raw.prepare(`SELECT value FROM project_meta WHERE key = 'exchange_seed'`).get() as { value: string } | undefined)?.value;

  it('gives a project of version 11 a random seed and keeps its data', () => {
    migrate(db(), loadMigrations(), 11);
    db().raw.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't');
      INSERT INTO codes (id, parent_id, name, color, origin, created_at) VALUES (7, NULL, 'Why', '#4e79a7', 'deductive', 't')`);
    migrate(db());
    expect(seed()).toMatch(/^[0-9a-f]{32}$/);
    expect(db().raw.prepare('SELECT name FROM codes').all()).toEqual([{ name: 'Why' }]);
  });

  it('never changes a seed once written', () => {
    migrate(db(), loadMigrations(), 11);
    db().raw.exec(`INSERT INTO project_meta (key, value) VALUES ('exchange_seed', 'kept')`);
    migrate(db());
    expect(seed()).toBe('kept');
  });

  it('holds one entity per GUID, and forgets the GUID with its entity', () => {
    migrate(db());
    db().raw.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't');
      INSERT INTO codes (id, parent_id, name, color, origin, created_at) VALUES (7, NULL, 'Why', '#4e79a7', 'deductive', 't');
      INSERT INTO exchange_guids (guid, code_id) VALUES ('a-code', 7);
      INSERT INTO exchange_guids (guid, coder_id) VALUES ('a-user', 1);`);
    expect(() => db().raw.exec(`INSERT INTO exchange_guids (guid, code_id, coder_id) VALUES ('both', 7, 1)`)).toThrow(/CHECK constraint failed/);
    expect(() => db().raw.exec(`INSERT INTO exchange_guids (guid) VALUES ('none')`)).toThrow(/CHECK constraint failed/);
    expect(() => db().raw.exec(`INSERT INTO exchange_guids (guid, code_id) VALUES ('second', 7)`)).toThrow(/UNIQUE constraint failed/);
    db().raw.exec('DELETE FROM codes WHERE id = 7');
    expect(db().raw.prepare('SELECT guid FROM exchange_guids').all()).toEqual([{ guid: 'a-user' }]);
  });
});
