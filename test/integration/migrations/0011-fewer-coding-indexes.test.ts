import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0011: no index that no query reads on codings and their credit', () => {
  const db = useScratchDb();

  const plan = (query: string) => (db().raw.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
  const indexes = () => (db().raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('codings', 'coding_credit') AND sql IS NOT NULL ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

  it('keeps codings and their credit, and finds codings by source and place through the span index', () => {
    migrate(db(), loadMigrations(), 10);
    db().raw.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'me', 't');
      INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't');
      INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#4e79a7', 'deductive', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'Interviewer: hi\n\nPA: hello there', 'h', 't');
      INSERT INTO units (id, source_id, kind, start, end, participant_id, speaker, is_interviewer) VALUES
        (1, 1, 'turn', 13, 15, NULL, 'Interviewer', 1), (2, 1, 'turn', 21, 32, 1, 'PA', 0);
      INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES
        (1, 1, 1, 21, 26, 1, 't', 'hello'), (2, 1, 1, 13, 15, 1, 't', 'hi');`);
    expect(indexes()).toContain('codings_by_source');
    migrate(db());
    expect(indexes()).toEqual(['coding_credit_by_code', 'coding_credit_by_source', 'codings_by_code', 'codings_by_span']);
    expect(db().raw.prepare('SELECT coding_id AS c, unit_id AS u, participant_id AS p FROM coding_credit ORDER BY coding_id').all()).toEqual([
      { c: 1, u: 2, p: 1 },
      { c: 2, u: 1, p: null },
    ]);
    // The coding view's list, and the unit triggers' range: by source and start, through the span index.
    expect(plan('SELECT id FROM codings c WHERE c.source_id = 1 ORDER BY c.start, c.end DESC, c.id')).toMatch(/USING (COVERING )?INDEX codings_by_span/);
    expect(plan('SELECT id FROM codings c WHERE c.source_id = 1 AND c.start >= 13 AND c.start < 20')).toMatch(/USING (COVERING )?INDEX codings_by_span \(source_id=\? AND start>\? AND start<\?\)/);
    // A new coding still gets its credit from the trigger.
    db().raw.exec(`INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES (3, 1, 1, 27, 32, 1, 't', 'there')`);
    expect(db().raw.prepare('SELECT unit_id AS u, participant_id AS p FROM coding_credit WHERE coding_id = 3').get()).toEqual({ u: 2, p: 1 });
    expect(db().raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });
});
