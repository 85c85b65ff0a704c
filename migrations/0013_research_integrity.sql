-- Research integrity (issue 12): a hash-chained audit log, the anonymization review saved as
-- it goes, and the anonymization report a pseudonymized copy carries.
--
-- Audit chain. Each entry holds the hash of the entry before it (prev_hash) and its own hash:
-- SHA-256 over prev_hash and the entry's fields (electron/backend/anonymize/audit-chain.ts),
-- so an entry edited, removed or moved breaks the chain from there on. Entries written before
-- this migration keep NULL in both columns: their hashes are computed when needed, and the
-- first entry written afterwards chains onto them, so they are covered too.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- The researcher's lists and the detection rules switched on: one row.
-- names: one person a line, aliases after ';' (see shared/domain/anonymize/lists.ts);
-- terms: one term a line, a category after '|'; rules: JSON {"email": true, ...}.
CREATE TABLE anonymize_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  names      TEXT NOT NULL DEFAULT '',
  terms      TEXT NOT NULL DEFAULT '',
  rules      TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT
) STRICT;

-- Review decisions, saved as they are made so a long review can be resumed. key is
-- 'rule:<kind>', 'term:<term key>' or 'occurrence:<occurrence key>'; the narrower wins.
CREATE TABLE anonymize_decisions (
  key         TEXT PRIMARY KEY,
  decision    TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  replacement TEXT,
  coder_id    INTEGER REFERENCES coders (id),
  decided_at  TEXT NOT NULL
) STRICT;

-- In a pseudonymized copy: what was done (rules, replacements per kind, who approved, when),
-- never an original term.
CREATE TABLE anonymizations (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  coder_id INTEGER REFERENCES coders (id),
  report   TEXT NOT NULL
) STRICT;
