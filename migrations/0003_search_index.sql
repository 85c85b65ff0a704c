-- Full-text search over every source's canonical text (issue 5).
-- External content: the index stores tokens only; the text stays in sources.text.
-- Rows are sources (rowid = sources.id); the search service finds candidate sources here and
-- computes hits, their units and their UTF-16 offsets in JavaScript from the text itself,
-- because SQLite counts positions in code points, not the UTF-16 units codings use.
-- remove_diacritics 2 folds accents so "evaluacion" finds "evaluación" (Spanish data).

CREATE VIRTUAL TABLE source_search USING fts5(
  text,
  content = 'sources',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO source_search (source_search) VALUES ('rebuild');

CREATE TRIGGER source_search_after_insert AFTER INSERT ON sources
BEGIN
  INSERT INTO source_search (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER source_search_after_delete AFTER DELETE ON sources
BEGIN
  INSERT INTO source_search (source_search, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER source_search_after_update AFTER UPDATE OF text ON sources
BEGIN
  INSERT INTO source_search (source_search, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO source_search (rowid, text) VALUES (new.id, new.text);
END;
