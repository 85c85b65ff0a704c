import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0013: audit chain columns, anonymization review and report', () => {
  const db = useScratchDb();

  it('keeps the audit entries of version 12, with no hash yet, and keeps them append-only', () => {
    migrate(db(), loadMigrations(), 12);
    db().raw.exec(`INSERT INTO audit_log (at, action, entity, detail) VALUES ('t1', 'create', 'code', '{"name":"Why"}')`);
    migrate(db());
    expect(db().raw.prepare('SELECT action, detail, prev_hash, hash FROM audit_log').all()).toEqual([
      { action: 'create', detail: '{"name":"Why"}', prev_hash: null, hash: null },
    ]);
    expect(() => db().raw.exec(`UPDATE audit_log SET hash = 'forged'`)).toThrow(/append-only/);
    expect(() => db().raw.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
  });

  it('holds one settings row and one decision per key, accept or reject', () => {
    migrate(db());
    db().raw.exec(`INSERT INTO anonymize_settings (id, names) VALUES (1, 'María López; María')`);
    expect(() => db().raw.exec(`INSERT INTO anonymize_settings (id) VALUES (2)`)).toThrow(/CHECK constraint failed/);
    db().raw.exec(`INSERT INTO anonymize_decisions (key, decision, replacement, decided_at) VALUES ('term:x', 'accept', '[Person 1]', 't')`);
    expect(() => db().raw.exec(`INSERT INTO anonymize_decisions (key, decision, decided_at) VALUES ('term:x', 'reject', 't')`)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db().raw.exec(`INSERT INTO anonymize_decisions (key, decision, decided_at) VALUES ('term:y', 'maybe', 't')`)).toThrow(/CHECK constraint failed/);
    db().raw.exec(`INSERT INTO anonymizations (at, report) VALUES ('t', '{}')`);
    expect(db().raw.prepare('SELECT count(*) AS n FROM anonymizations').get()).toEqual({ n: 1 });
  });
});
