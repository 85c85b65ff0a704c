import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { BULK_WITHOUT_TRIGGER, insertCoding, insertCodings, type NewCodingRow } from '../../../electron/backend/repositories/codings.ts';
import { openBench, type Bench } from '../workbench/workbench-helpers.ts';

// Source 1: P1's turn [0, 200) holding P2's paragraph [50, 100); two units starting at 120
// (P3's [120, 150) first, then P1's [120, 140): the later one is credited); a gap [200, 250);
// an interviewer turn [250, 400) credited to nobody. Source 2 has no units at all. Source 3:
// units of nobody, one inside another.
const FIXTURE = `INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', 't'), (2, 'ben', 't');
  INSERT INTO participants (id, label, created_at) VALUES (1, 'P1', 't'), (2, 'P2', 't'), (3, 'P3', 't');
  INSERT INTO codes (id, name, color, origin, created_at) VALUES (1, 'Why', '#4e79a7', 'deductive', 't'), (2, 'How', '#f28e2b', 'deductive', 't'), (3, 'When', '#e15759', 'deductive', 't');
  INSERT INTO sources (id, kind, name, text, content_hash, imported_at) VALUES
    (1, 'interview', 'one', '${'a'.repeat(400)}', 'h1', 't'), (2, 'document', 'two', '${'b'.repeat(300)}', 'h2', 't'), (3, 'interview', 'three', '${'c'.repeat(300)}', 'h3', 't');
  INSERT INTO units (id, source_id, kind, start, end, participant_id) VALUES
    (1, 1, 'turn', 0, 200, 1), (2, 1, 'paragraph', 50, 100, 2), (3, 1, 'paragraph', 120, 150, 3), (4, 1, 'paragraph', 120, 140, 1),
    (5, 1, 'turn', 250, 400, NULL), (6, 3, 'turn', 0, 300, NULL), (7, 3, 'paragraph', 100, 200, NULL);
  INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (1, 1, 10, 20, 1, 't', 'a'), (3, 2, 150, 160, 2, 't', 'c');`;

const LENGTHS: Record<number, number> = { 1: 400, 2: 300, 3: 300 };

/** Codings spread over every case above (a fixed LCG, so both paths get the same rows). */
function someCodings(n: number): NewCodingRow[] {
  let seed = 42;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % m;
  };
  return Array.from({ length: n }, (_, i) => {
    const sourceId = 1 + next(3);
    const start = next(LENGTHS[sourceId]! - 1);
    const end = start + 1 + next(Math.min(40, LENGTHS[sourceId]! - start));
    return { sourceId, codeId: 1 + next(3), start, end, quote: `q${i}`, coderId: 1 + next(2), createdAt: `2026-01-${String(1 + next(28)).padStart(2, '0')}` };
  });
}

describe('bulk insert of codings: credit in one statement, as the trigger gives it', () => {
  let dir = '';
  const dbs: Db[] = [];
  const open = (name: string): Db => {
    const db = new Db(join(dir, `${name}.marginalia`), { create: true });
    migrate(db, loadMigrations());
    db.raw.exec(FIXTURE);
    dbs.push(db);
    return db;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-bulk-'));
  });
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  const credit = (db: Db) => db.raw.prepare('SELECT coding_id, code_id, source_id, unit_id, participant_id FROM coding_credit ORDER BY coding_id').all();
  const codings = (db: Db) => db.raw.prepare('SELECT * FROM codings ORDER BY id').all();
  const flags = (db: Db) => (db.raw.prepare('SELECT count(*) AS n FROM coding_credit_deferred').get() as { n: number }).n;

  const triggerSql = (db: Db) => (db.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'coding_credit_after_coding_insert'").get() as { sql: string } | undefined)?.sql;

  // A small batch holds the trigger off with the flag; a large one takes the trigger off for the batch.
  describe.each([
    ['a small batch (the flag)', 600],
    ['a large batch (the trigger off for the batch)', BULK_WITHOUT_TRIGGER + 500],
  ])('%s', (_name, size) => {
    it('writes the same codings and exactly the credit rows the per-row trigger writes', () => {
      const rows = someCodings(size);
      const byTrigger = open(`trigger-${size}`);
      const bulk = open(`bulk-${size}`);
      const original = triggerSql(bulk);
      const triggerIds = byTrigger.transaction(() => rows.map((r) => insertCoding(byTrigger, r, r.coderId, r.createdAt)));
      const bulkIds = bulk.transaction(() => insertCodings(bulk, rows));

      expect(bulkIds).toEqual(triggerIds);
      expect(codings(bulk)).toEqual(codings(byTrigger));
      expect(credit(bulk)).toEqual(credit(byTrigger));
      expect(credit(bulk)).toHaveLength(size + 2);
      // The rows reach every case: each participant, nobody (gap, interviewer, unit-less source),
      // the nested paragraph, and the later of two units that start together.
      const units = new Set((credit(bulk) as { unit_id: number | null }[]).map((c) => c.unit_id));
      expect(units).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, null]));
      const who = new Set((credit(bulk) as { participant_id: number | null }[]).map((c) => c.participant_id));
      expect(who).toEqual(new Set([1, 2, 3, null]));
      const tied = bulk.raw.prepare(`SELECT DISTINCT k.unit_id AS unit FROM coding_credit k JOIN codings c ON c.id = k.coding_id
        WHERE c.source_id = 1 AND c.start >= 120 AND c.start < 140`).all();
      expect(tied).toEqual([{ unit: 4 }]);
      expect(flags(bulk)).toBe(0);
      expect(triggerSql(bulk)).toBe(original);
    });

    it('leaves the trigger on after the batch, alone or inside the caller’s transaction', () => {
      const db = open(`after-${size}`);
      const original = triggerSql(db);
      insertCodings(db, someCodings(size));
      const later = db.transaction(() => {
        insertCodings(db, someCodings(size));
        return insertCoding(db, { sourceId: 1, codeId: 1, start: 60, end: 70, quote: 'a' }, 1, 't');
      });
      expect(db.raw.prepare('SELECT unit_id AS unit, participant_id AS who FROM coding_credit WHERE coding_id = ?').get(later)).toEqual({ unit: 2, who: 2 });
      expect(flags(db)).toBe(0);
      expect(triggerSql(db)).toBe(original);
      expect(insertCodings(db, [])).toEqual([]);
    });

    it('gives the rows the ids they were stored under when the latest codings were deleted', () => {
      const db = open(`deleted-${size}`);
      db.raw.exec('DELETE FROM codings WHERE id = 2');
      const rows = someCodings(size);
      const ids = insertCodings(db, rows);
      expect(ids[0]).toBe(2);
      const stored = db.raw.prepare('SELECT id, quote FROM codings WHERE id >= 2 ORDER BY id').all() as { id: number; quote: string }[];
      expect(stored).toEqual(rows.map((r, i) => ({ id: ids[i], quote: r.quote })));
      expect(credit(db)).toHaveLength(size + 1);
    });

    it('refuses a batch whose ids would pass the largest the app can hold, and changes nothing', () => {
      const db = open(`top-${size}`);
      db.raw.exec(`INSERT INTO codings (id, source_id, code_id, start, end, coder_id, created_at, quote) VALUES (${Number.MAX_SAFE_INTEGER - 10}, 1, 1, 0, 5, 1, 't', 'a')`);
      const before = { codings: codings(db), credit: credit(db) };
      expect(() => insertCodings(db, someCodings(size))).toThrow(/beyond 9007199254740991/);
      expect(codings(db)).toEqual(before.codings);
      expect(credit(db)).toEqual(before.credit);
      expect(flags(db)).toBe(0);
    });

    it('takes a refused batch back whole and the caller’s transaction goes on with credit as before', () => {
      const db = open(`refused-${size}`);
      const original = triggerSql(db);
      const before = { codings: codings(db), credit: credit(db) };
      const bad = [...someCodings(size), { sourceId: 1, codeId: 1, start: 30, end: 30, quote: '', coderId: 1, createdAt: 't' }];
      const id = db.transaction(() => {
        expect(() => insertCodings(db, bad)).toThrow(/CHECK constraint failed/);
        expect(codings(db)).toEqual(before.codings);
        expect(credit(db)).toEqual(before.credit);
        expect(flags(db)).toBe(0);
        expect(triggerSql(db)).toBe(original);
        return insertCoding(db, { sourceId: 1, codeId: 2, start: 130, end: 135, quote: 'a' }, 1, 't');
      });
      expect(db.raw.prepare('SELECT unit_id AS unit, participant_id AS who FROM coding_credit WHERE coding_id = ?').get(id)).toEqual({ unit: 4, who: 1 });
    });
  });
});

describe('bulk coding through the app: credit follows undo and redo', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  const raw = () => b.host.current!.db.raw;
  /** What each coding should be credited to, worked out in JS from codings and units. */
  const expected = () => {
    const units = raw().prepare('SELECT id, source_id AS sourceId, start, end, participant_id AS who FROM units').all() as { id: number; sourceId: number; start: number; end: number; who: number | null }[];
    const all = raw().prepare('SELECT id, source_id AS sourceId, start FROM codings ORDER BY id').all() as { id: number; sourceId: number; start: number }[];
    return all.map((c) => {
      const holding = units.filter((u) => u.sourceId === c.sourceId && u.start <= c.start && c.start < u.end).sort((x, y) => y.start - x.start || y.id - x.id)[0];
      return { id: c.id, unit: holding?.id ?? null, who: holding?.who ?? null };
    });
  };
  const credit = () => raw().prepare('SELECT coding_id AS id, unit_id AS unit, participant_id AS who FROM coding_credit ORDER BY coding_id').all();

  it('codes every turn of a speaker in one step, credited to the speaker; undo and redo keep credit exact', async () => {
    const { speakers } = await b.ok('search.structure', {});
    const speaker = speakers.find((s) => s.participantId !== null && s.turns > 1)!;
    const code = (await b.ok('codes.list', {}))[0]!;
    const before = credit();
    const result = await b.ok('search.codeSpeaker', { speaker: speaker.speaker, codeId: code.id });
    expect(result.created).toBeGreaterThan(1);
    const after = credit();
    expect(after).toHaveLength(before.length + result.created);
    expect(after).toEqual(expected());
    const added = (after as { id: number; who: number | null }[]).filter((c) => !(before as { id: number }[]).some((o) => o.id === c.id));
    expect(new Set(added.map((c) => c.who))).toEqual(new Set([speaker.participantId]));

    await b.ok('undo.undo', {});
    expect(credit()).toEqual(before);
    await b.ok('undo.redo', {});
    expect(credit()).toEqual(after);
    expect(raw().prepare('SELECT count(*) AS n FROM coding_credit_deferred').get()).toEqual({ n: 0 });
  });
});
