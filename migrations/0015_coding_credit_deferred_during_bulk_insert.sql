-- A bulk insert of codings (an import of a coded project, a merge of a teammate's copy, a
-- search coded in one go) credits its new codings in one set-based statement at its end,
-- instead of the insert trigger of 0006 looking up each coding's unit and writing its credit
-- row (and the row's index entries) one coding at a time: the trigger cost twice the insert
-- itself at 100k codings.
--
-- While this table holds its one row, inserted codings get no credit from the trigger. Only
-- insertCodings (electron/backend/repositories/codings.ts) writes the row, inside its own
-- transaction, and removes it there after crediting every coding it added with the same rule
-- as the trigger: the row is never committed, so every other writer (an undo or redo, a code
-- applied, any other program opening the file) is credited by the trigger as before.
-- The update, delete and unit triggers of 0006/0008 are unchanged.

CREATE TABLE coding_credit_deferred (
  id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

DROP TRIGGER coding_credit_after_coding_insert;

CREATE TRIGGER coding_credit_after_coding_insert AFTER INSERT ON codings
WHEN NOT EXISTS (SELECT 1 FROM coding_credit_deferred)
BEGIN
  DELETE FROM coding_credit WHERE coding_id = NEW.id;
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT NEW.id, NEW.code_id, NEW.source_id, u.id, u.participant_id
  FROM (SELECT 1) LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = NEW.source_id AND x.start <= NEW.start AND NEW.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1);
END;
