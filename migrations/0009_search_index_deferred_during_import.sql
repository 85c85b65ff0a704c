-- A big import indexes its new sources for search in one statement at its end, instead of
-- one source at a time as the trigger of 0003 does. FTS5 writes its pending tokens to disk
-- at every later statement of the transaction (each statement opens a savepoint), so
-- interleaving 1,000 transcripts with their units wrote a thousand tiny index segments and
-- then merged them.
--
-- While this table holds its one row, inserted sources are not indexed by the trigger. Only
-- the import writes the row, inside its own transaction, and removes it there after indexing
-- every source it added: the row is never committed, so every other writer (and any other
-- program opening the file) indexes as before.

CREATE TABLE search_index_deferred (
  id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

DROP TRIGGER source_search_after_insert;

CREATE TRIGGER source_search_after_insert AFTER INSERT ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred)
BEGIN
  INSERT INTO source_search (rowid, text) VALUES (new.id, new.text);
END;
