import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0001: the initial schema', () => {
  const db = useScratchDb();

  it('takes an empty file (version 0) to version 1 and enforces the store rules', () => {
    expect(schemaVersion(db())).toBe(0);
    expect(migrate(db(), loadMigrations(), 1)).toBe(1);
    const r = db().raw;
    r.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't');
      INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'Hello there, world', 'h', 't');
      INSERT INTO units (source_id, kind, start, end, participant_id) VALUES (1, 'turn', 0, 18, 1);
      INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#000000', 'deductive', 't');
      INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (1, 1, 0, 5, 1, 't', 'Hello');`);
    // Sibling code names are unique regardless of case; the same name under another parent is fine.
    expect(() => r.exec(`INSERT INTO codes (name, color, origin, created_at) VALUES ('why', '#000000', 'deductive', 't')`)).toThrow(/UNIQUE/);
    r.exec(`INSERT INTO codes (parent_id, name, color, origin, created_at) VALUES (1, 'Why', '#000000', 'deductive', 't')`);
    expect(() => r.exec(`INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (1, 1, 5, 5, 1, 't', '')`)).toThrow(/CHECK/);
    expect(() => r.exec(`INSERT INTO sources (kind, name, text, content_hash, imported_at) VALUES ('video', 'v', '', 'h', 't')`)).toThrow(/CHECK/);
    expect(() => r.exec(`INSERT INTO memos (target_kind, target_id, coder_id, created_at, updated_at) VALUES ('project', 3, 1, 't', 't')`)).toThrow(/CHECK/);
    expect(() => r.exec(`INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (9, 1, 0, 2, 1, 't', 'He')`)).toThrow(/FOREIGN KEY/);
  });

  it('keeps the audit log append-only', () => {
    migrate(db(), loadMigrations(), 1);
    db().raw.exec(`INSERT INTO audit_log (at, action, entity) VALUES ('t', 'create', 'code')`);
    expect(() => db().raw.exec(`UPDATE audit_log SET action = 'forged'`)).toThrow(/append-only/);
    expect(() => db().raw.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
    expect((db().raw.prepare('SELECT action FROM audit_log').get() as { action: string }).action).toBe('create');
  });

  it('runs each migration file in one transaction: a failing file leaves the version where it was', () => {
    const broken = [...loadMigrations().slice(0, 1), { version: 2, name: '0002_broken.sql', sql: 'CREATE TABLE ok_table (x INTEGER); CREATE TABLE codes (x INTEGER);' }];
    expect(() => migrate(db(), broken)).toThrow(/already exists/);
    expect(schemaVersion(db())).toBe(1);
    expect(db().raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'").get()).toEqual({ n: 0 });
  });
});
