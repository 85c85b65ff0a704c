import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0016: a project file can hold a team replica’s bookkeeping', () => {
  const db = useScratchDb();

  it('keeps the data of version 15 and adds empty replica tables: the project is not a replica', () => {
    migrate(db(), loadMigrations(), 15);
    db().raw.exec(`INSERT INTO codes (id, name, color, origin, created_at) VALUES (7, 'Why', '#4e79a7', 'deductive', 't')`);
    migrate(db());
    expect(db().raw.prepare('SELECT id, name FROM codes').all()).toEqual([{ id: 7, name: 'Why' }]);
    for (const t of ['sync_state', 'sync_ids', 'sync_outbox', 'sync_notices']) {
      expect(db().raw.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
  });

  it('holds one state row, one gid per local row and one local row per gid, and an op id once', () => {
    migrate(db());
    const state = `INSERT INTO sync_state (one, server, team_project, user_name, role, replica_tag) VALUES (?, 'http://h/', 'p', 'ana', 'coder', 'tag')`;
    db().raw.prepare(state).run(1);
    expect(() => db().raw.prepare(state).run(2)).toThrow(/CHECK/);
    expect(() => db().raw.exec(`UPDATE sync_state SET role = 'admin'`)).toThrow(/CHECK/);
    db().raw.exec(`INSERT INTO sync_ids (tbl, id, gid) VALUES ('codes', 7, '0.7')`);
    expect(() => db().raw.exec(`INSERT INTO sync_ids (tbl, id, gid) VALUES ('codes', 8, '0.7')`)).toThrow(/UNIQUE/);
    expect(() => db().raw.exec(`INSERT INTO sync_ids (tbl, id, gid) VALUES ('codes', 7, 'x.1')`)).toThrow(/UNIQUE|PRIMARY/);
    db().raw.exec(`INSERT INTO sync_ids (tbl, id, gid) VALUES ('codings', 7, '0.7')`);
    db().raw.exec(`INSERT INTO sync_outbox (op_id, op) VALUES ('a-1', '{}')`);
    expect(() => db().raw.exec(`INSERT INTO sync_outbox (op_id, op) VALUES ('a-1', '{}')`)).toThrow(/UNIQUE/);
  });
});
