-- A unit inserted into a source that has no codings yet (every unit of an import) cannot
-- change anyone's credit: skip the trigger's two statements there. Same body as 0006.

DROP TRIGGER coding_credit_after_unit_insert;

CREATE TRIGGER coding_credit_after_unit_insert AFTER INSERT ON units
WHEN EXISTS (SELECT 1 FROM codings WHERE source_id = NEW.source_id)
BEGIN
  DELETE FROM coding_credit WHERE coding_id IN (SELECT c.id FROM codings c WHERE c.source_id = NEW.source_id AND c.start >= NEW.start AND c.start < NEW.end);
  INSERT INTO coding_credit (coding_id, code_id, source_id, unit_id, participant_id)
  SELECT c.id, c.code_id, c.source_id, u.id, u.participant_id
  FROM codings c LEFT JOIN units u ON u.id = (
    SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
    ORDER BY x.start DESC, x.id DESC LIMIT 1)
  WHERE c.source_id = NEW.source_id AND c.start >= NEW.start AND c.start < NEW.end;
END;
