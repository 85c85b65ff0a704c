import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { deferSearchIndex } from '../../../electron/backend/repositories/import-search-index.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0009: an import can index its new sources in one statement', () => {
  const db = useScratchDb();

  const found = (word: string) =>
    (db().raw.prepare('SELECT rowid AS id FROM source_search WHERE source_search MATCH ? ORDER BY rowid').all(word) as { id: number }[]).map((r) => r.id);
  const addSource = (id: number, text: string) =>
    db().raw.prepare(`INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (?, 'document', ?, ?, 'h', 't')`).run(id, `s${id}`, text);
  const integrity = () => db().raw.exec(`INSERT INTO source_search (source_search, rank) VALUES ('integrity-check', 1)`);

  it('keeps the index of version 8 and still indexes every source inserted as before', () => {
    migrate(db(), loadMigrations(), 8);
    addSource(1, 'the pilot cohort');
    migrate(db());
    addSource(2, 'a second pilot');
    expect(found('pilot')).toEqual([1, 2]);
    integrity();
  });

  it('while deferred, leaves new sources out until indexNew adds them all, within the transaction', () => {
    migrate(db());
    addSource(1, 'earlier evidence');
    db().raw.exec('BEGIN IMMEDIATE');
    const search = deferSearchIndex(db());
    addSource(2, 'fresh evidence');
    addSource(3, 'more fresh evidence');
    expect(found('fresh')).toEqual([]);
    search.indexNew();
    expect(found('fresh')).toEqual([2, 3]);
    expect(found('evidence')).toEqual([1, 2, 3]);
    // Per-source indexing is back on.
    addSource(4, 'fresh again');
    db().raw.exec('COMMIT');
    expect(found('fresh')).toEqual([2, 3, 4]);
    expect(db().raw.prepare('SELECT count(*) AS n FROM search_index_deferred').get()).toEqual({ n: 0 });
    integrity();
  });

  it('rolls back with the transaction: nothing deferred is left behind', () => {
    migrate(db());
    db().raw.exec('BEGIN IMMEDIATE');
    deferSearchIndex(db());
    addSource(1, 'abandoned import');
    db().raw.exec('ROLLBACK');
    addSource(1, 'kept text');
    expect(found('kept')).toEqual([1]);
    expect(found('abandoned')).toEqual([]);
    integrity();
  });
});
