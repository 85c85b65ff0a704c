import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';

/**
 * Search indexing for a batch of new sources (migration 0009). Inside the caller's
 * transaction: sources inserted after this call are not indexed one by one; `indexNew()`
 * indexes all of them in one statement and turns per-source indexing back on. If the
 * transaction rolls back, both go with it.
 */
export function deferSearchIndex(db: Db): { indexNew: () => void } {
  if (!db.raw.inTransaction) throw new Error('deferSearchIndex needs the caller’s transaction');
  // Row ids only grow here (INTEGER PRIMARY KEY takes max + 1), so new sources are those above.
  const before = db.get<{ id: number }>(sql`SELECT coalesce(max(id), 0) AS id FROM sources`)!.id;
  db.run(sql`INSERT INTO search_index_deferred (id) VALUES (1)`);
  return {
    indexNew: () => {
      db.run(sql`INSERT INTO source_search (rowid, text) SELECT id, text FROM sources WHERE id > ${before} ORDER BY id`);
      db.run(sql`DELETE FROM search_index_deferred`);
    },
  };
}
