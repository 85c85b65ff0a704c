-- Every coding written (a code applied, an import of codings, a merge, an undo) paid for two
-- index entries that no query reads:
-- - codings_by_source (source_id, start) is the leading part of codings_by_span
--   (source_id, start, end, code_id, migration 0004), which serves every lookup and ordering
--   by source and start as well;
-- - coding_credit_by_unit (unit_id): credit rows are looked up by coding, code, source and
--   participant; a unit is joined by its own key, never found through its credit rows.

DROP INDEX codings_by_source;
DROP INDEX coding_credit_by_unit;
