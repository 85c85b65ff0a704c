import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { useScratchDb } from './scratch-db.ts';

describe('migration 0008: the unit trigger of coding_credit skips sources without codings', () => {
  const db = useScratchDb();

  const credit = () => db().raw.prepare('SELECT coding_id AS codingId, participant_id AS participantId FROM coding_credit ORDER BY coding_id').all();

  it('keeps the credit data of version 7 and still re-credits codings when a unit arrives in a coded source', () => {
    migrate(db(), loadMigrations(), 7);
    db().raw.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't');
      INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't'), (2, 'PB', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'PA: hello there. PB: good day to you.', 'h', 't');
      INSERT INTO units (source_id, kind, start, end, participant_id) VALUES (1, 'turn', 4, 16, 1);
      INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#000000', 'deductive', 't');
      INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES (1, 1, 1, 4, 9, 1, 't', 'hello'), (2, 1, 1, 21, 25, 1, 't', 'good');`);
    expect(credit()).toEqual([{ codingId: 1, participantId: 1 }, { codingId: 2, participantId: null }]);
    migrate(db());
    expect(credit()).toEqual([{ codingId: 1, participantId: 1 }, { codingId: 2, participantId: null }]);
    db().raw.exec(`INSERT INTO units (source_id, kind, start, end, participant_id) VALUES (1, 'turn', 21, 37, 2)`);
    expect(credit()).toEqual([{ codingId: 1, participantId: 1 }, { codingId: 2, participantId: 2 }]);
  });

  it('writes no credit rows for the units of a source that has no codings', () => {
    migrate(db());
    db().raw.exec(`INSERT INTO participants (id, label, created_at) VALUES (1, 'PA', 't');
      INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES (1, 'interview', 'i', 'PA: hello', 'h', 't');
      INSERT INTO units (source_id, kind, start, end, participant_id) VALUES (1, 'turn', 4, 9, 1);`);
    expect(credit()).toEqual([]);
  });
});
