import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0002: the undo history', () => {
  const db = useScratchDb();

  it('adds an empty history to a version-1 project and leaves its data alone', () => {
    migrate(db(), loadMigrations(), 1);
    const r = db().raw;
    r.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'Hello there', 'h', 't');
      INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#000000', 'deductive', 't');
      INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (1, 1, 0, 5, 1, 't', 'Hello');`);
    expect(migrate(db(), loadMigrations(), 2)).toBe(2);
    expect(schemaVersion(db())).toBe(2);
    expect(r.prepare('SELECT quote FROM codings').all()).toEqual([{ quote: 'Hello' }]);
    expect(r.prepare('SELECT count(*) AS n FROM operations').get()).toEqual({ n: 0 });

    r.exec(`INSERT INTO operations (id, coder_id, method, label, at) VALUES (1, 1, 'codes.rename', 'Rename', 't');
      INSERT INTO operation_changes (operation_id, tbl, kind, before, after) VALUES (1, 'codes', 'update', '{"id":1,"name":"Why"}', '{"id":1,"name":"Why not"}');`);
    expect(() => r.exec(`INSERT INTO operation_changes (operation_id, tbl, kind) VALUES (1, 'codes', 'upsert')`)).toThrow(/CHECK/);
    expect(() => r.exec(`INSERT INTO operations (coder_id, method, label, at) VALUES (9, 'x', 'x', 't')`)).toThrow(/FOREIGN KEY/);
    // Dropping an operation (history cap) drops its captured changes with it.
    r.exec('DELETE FROM operations WHERE id = 1');
    expect(r.prepare('SELECT count(*) AS n FROM operation_changes').get()).toEqual({ n: 0 });
  });

  it('finds a coder’s latest operations through an index', () => {
    migrate(db(), loadMigrations(), 2);
    const plan = db().raw
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM operations WHERE coder_id = 1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX operations_by_coder/);
    const changes = db().raw.prepare('EXPLAIN QUERY PLAN SELECT * FROM operation_changes WHERE operation_id = 1 ORDER BY id').all() as { detail: string }[];
    expect(changes.map((p) => p.detail).join(' ')).toMatch(/INDEX operation_changes_by_operation/);
  });
});
