-- codings.apply first looks for the same coding (source, span, code) so that applying a code
-- twice to one passage is a no-op. Without statistics SQLite answered that lookup through
-- codings_by_code and read every coding of that code: ~0.45 ms per apply at 100k codings
-- over 200 codes (bench/, `npm run bench`), growing with the project. This index answers it
-- from the index alone (~0.001 ms). It also covers every lookup codings_by_source serves,
-- as (source_id, start) is its prefix.
CREATE INDEX codings_by_span ON codings (source_id, start, end, code_id);
