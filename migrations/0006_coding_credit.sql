-- Who each coding is credited to, kept up to date by triggers (issue 5: analysis).
-- A coding is credited to the unit that contains its start; when units nest, the one that
-- starts last (ties: the later unit) — the rule of repositories/codings.ts. Looking that up
-- per coding on every matrix is an index seek per coding; this derived table makes the
-- frequency matrix one index-only GROUP BY. It is derived data like the search index: not
-- tracked by undo, rebuilt from codings and units by the triggers below whenever either changes.

CREATE TABLE coding_credit (
  coding_id      INTEGER PRIMARY KEY,
  code_id        INTEGER NOT NULL,
  source_id      INTEGER NOT NULL,
  unit_id        INTEGER,
  participant_id INTEGER
) STRICT;
CREATE INDEX coding_credit_by_code ON coding_credit (code_id, participant_id, source_id);
CREATE INDEX coding_credit_by_unit ON coding_credit (unit_id);
-- Distinct sources per cell: one row per source and participant with its codes.
CREATE INDEX coding_credit_by_source ON coding_credit (source_id, participant_id, code_id);

INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
FROM codings c LEFT JOIN units u ON u.id = (
  SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
  ORDER BY x.start DESC, x.id DESC LIMIT 1);

-- Triggers delete and then insert rather than INSERT OR REPLACE: inside a trigger, the
-- conflict policy of the statement that fired it (e.g. a foreign-key action) wins.

CREATE TRIGGER coding_credit_after_coding_insert AFTER INSERT ON codings
BEGIN
  DELETE FROM coding_credit WHERE coding_id = NEW.id;
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT NEW.id, NEW.code_id, NEW.source_id, u.id, u.participant_id
  FROM (SELECT 1) LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = NEW.source_id AND x.start <= NEW.start AND NEW.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1);
END;

CREATE TRIGGER coding_credit_after_coding_update AFTER UPDATE OF id, code_id, source_id, start ON codings
BEGIN
  DELETE FROM coding_credit WHERE coding_id IN (OLD.id, NEW.id);
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT NEW.id, NEW.code_id, NEW.source_id, u.id, u.participant_id
  FROM (SELECT 1) LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = NEW.source_id AND x.start <= NEW.start AND NEW.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1);
END;

CREATE TRIGGER coding_credit_after_coding_delete AFTER DELETE ON codings
BEGIN
  DELETE FROM coding_credit WHERE coding_id = OLD.id;
END;

-- A unit that appears, moves, changes hands or goes away can change the credit of the codings
-- that start inside it (before and after the change); only those are recomputed.
CREATE TRIGGER coding_credit_after_unit_insert AFTER INSERT ON units
BEGIN
  DELETE FROM coding_credit WHERE coding_id IN (SELECT c.id FROM codings c WHERE c.source_id = NEW.source_id AND c.start >= NEW.start AND c.start < NEW.end);
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
  FROM codings c LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1)
  WHERE c.source_id = NEW.source_id AND c.start >= NEW.start AND c.start < NEW.end;
END;

CREATE TRIGGER coding_credit_after_unit_delete AFTER DELETE ON units
BEGIN
  DELETE FROM coding_credit WHERE coding_id IN (SELECT c.id FROM codings c WHERE c.source_id = OLD.source_id AND c.start >= OLD.start AND c.start < OLD.end);
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
  FROM codings c LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1)
  WHERE c.source_id = OLD.source_id AND c.start >= OLD.start AND c.start < OLD.end;
END;

CREATE TRIGGER coding_credit_after_unit_update AFTER UPDATE OF id, source_id, start, end, participant_id ON units
BEGIN
  DELETE FROM coding_credit WHERE coding_id IN (SELECT c.id FROM codings c WHERE c.source_id = OLD.source_id AND c.start >= OLD.start AND c.start < OLD.end);
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
  FROM codings c LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1)
  WHERE c.source_id = OLD.source_id AND c.start >= OLD.start AND c.start < OLD.end;
  DELETE FROM coding_credit WHERE coding_id IN (SELECT c.id FROM codings c WHERE c.source_id = NEW.source_id AND c.start >= NEW.start AND c.start < NEW.end);
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
  FROM codings c LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1)
  WHERE c.source_id = NEW.source_id AND c.start >= NEW.start AND c.start < NEW.end;
END;
