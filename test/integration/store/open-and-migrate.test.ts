import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../electron/backend/db/migrate.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('opening and creating project files', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
  });
  afterEach(() => t.cleanup());

  it('creates a project at the newest schema, in WAL mode with foreign keys on, seeded with the five questions', async () => {
    const path = join(t.dir, 'study.marginalia');
    const info = await t.ok('project.create', { path, template: 'five-questions' });
    expect(info.schemaVersion).toBe(loadMigrations().length);
    expect(info.name).toBe('study');
    const db = t.host.current!.db.raw;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const codes = await t.ok('codes.list', {});
    expect(codes.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(['Why', 'What', 'How', 'When', 'Where']);
    expect(codes.find((c) => c.name === 'Value added')?.parentId).toBe(codes.find((c) => c.name === 'Why')?.id);
  });

  it('creates an empty codebook when asked', async () => {
    await t.ok('project.create', { path: join(t.dir, 'empty.marginalia'), template: 'empty' });
    expect(await t.ok('codes.list', {})).toEqual([]);
  });

  it('will not create over an existing file', async () => {
    const path = join(t.dir, 'taken.marginalia');
    writeFileSync(path, 'my notes');
    const r = await t.host.call('project.create', { path });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('already exists');
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });

  const refusals: [string, (dir: string) => string, RegExp][] = [
    ['a text file', (dir) => { const p = join(dir, 'notes.marginalia'); writeFileSync(p, 'Interview notes, not a database.\n'.repeat(20)); return p; }, /not an SQLite database/],
    ['a tiny file', (dir) => { const p = join(dir, 'tiny.marginalia'); writeFileSync(p, 'x'); return p; }, /too short/],
    ['a folder', (dir) => { const p = join(dir, 'folder.marginalia'); mkdirSync(p); return p; }, /is a folder/],
    ['an SQLite database of another program', (dir) => {
      const p = join(dir, 'other.sqlite');
      const db = new BetterSqlite3(p);
      db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES (\'soup\')');
      db.close();
      return p;
    }, /not a Marginalia project/],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what} with a clear error and leaves it untouched`, async () => {
      const path = make(t.dir);
      const before = path.endsWith('folder.marginalia') ? '' : hash(path);
      const r = await t.host.call('project.open', { path });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('not_a_project');
        expect(r.error.message).toMatch(message);
        expect(r.error.field).toBe('path');
      }
      if (before) expect(hash(path)).toBe(before);
    });
  }

  it('refuses a truncated project file and leaves it untouched', async () => {
    await t.ok('project.openDemo', {});
    const demo = t.host.demoPath;
    t.host.close();
    const bytes = readFileSync(demo);
    const cut = join(t.dir, 'cut.marginalia');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const before = hash(cut);
    const r = await t.host.call('project.open', { path: cut });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('not_a_project');
    expect(hash(cut)).toBe(before);
  });

  it('refuses a project written by a newer version, naming both versions, and leaves it untouched', async () => {
    const path = join(t.dir, 'future.marginalia');
    await t.ok('project.create', { path, template: 'empty' });
    t.host.close();
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 99');
    raw.close();
    const before = hash(path);
    const r = await t.host.call('project.open', { path });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('too_new');
      expect(r.error.message).toContain('schema version 99');
      expect(r.error.message).toContain(`up to ${loadMigrations().length}`);
    }
    expect(hash(path)).toBe(before);
  });

  it('keeps the previous project open when opening another fails', async () => {
    await t.ok('project.openDemo', {});
    const r = await t.host.call('project.open', { path: join(t.dir, 'missing.marginalia') });
    expect(r.ok).toBe(false);
    expect((await t.ok('project.info', {})).isDemo).toBe(true);
  });

  it('lists opened projects as recent, newest first, and marks missing ones', async () => {
    const a = join(t.dir, 'a.marginalia');
    const b = join(t.dir, 'b.marginalia');
    await t.ok('project.create', { path: a, template: 'empty' });
    await t.ok('project.create', { path: b, template: 'empty' });
    copyFileSync(a, join(t.dir, 'a-copy.marginalia'));
    const recent = await t.ok('project.recent', {});
    expect(recent.map((r) => r.path)).toEqual([b, a]);
    expect(recent.every((r) => r.exists)).toBe(true);
  });
});

describe('the demo project', () => {
  it('is created on first start with the case study: participants, sources, scheme, frameworks, codings', async () => {
    const t = testHost();
    try {
      const info = await t.ok('project.openDemo', {});
      expect(info.isDemo).toBe(true);
      const participants = await t.ok('participants.list', {});
      expect(participants.map((p) => [p.label, p.attributes['role']])).toEqual([
        ['PA', 'Subject-matter expert'],
        ['PB', 'Subject-matter expert'],
        ['PC', 'Design team leader'],
      ]);
      const sources = await t.ok('sources.list', {});
      expect(sources.filter((s) => s.kind === 'interview')).toHaveLength(3);
      expect(sources.filter((s) => s.kind === 'document')).toHaveLength(2);
      const questionnaire = sources.find((s) => s.kind === 'questionnaire')!;
      expect(questionnaire.participantIds).toHaveLength(3);
      const questions = await t.ok('questions.list', { sourceId: questionnaire.id });
      expect(questions.length).toBeGreaterThanOrEqual(15);
      const codes = await t.ok('codes.list', {});
      expect(questions.every((q) => codes.some((c) => c.id === q.sectionCodeId && c.parentId === null))).toBe(true);
      expect(codes.find((c) => c.name === 'Intellectual property')?.origin).toBe('inductive');
      const frameworks = await t.ok('frameworks.list', {});
      expect(frameworks.map((f) => f.elements.length)).toEqual([7, 5]);
      expect(codes.filter((c) => c.elementIds.length > 0).length).toBeGreaterThanOrEqual(7);
      expect(info.counts.codings).toBeGreaterThanOrEqual(35);
      // Every interview turn of a participant is credited to them; interviewer turns to no one.
      const pa = await t.ok('sources.get', { id: sources.find((s) => s.name.includes('PA'))!.id });
      const turns = pa.units.filter((u) => u.kind === 'turn');
      expect(turns.filter((u) => u.isInterviewer).every((u) => u.participantId === null)).toBe(true);
      expect(turns.filter((u) => !u.isInterviewer).every((u) => u.participantId === participants[0]!.id)).toBe(true);
      // Codings quote exactly the text at their offsets.
      const codings = await t.ok('codings.listForSource', { sourceId: pa.id });
      for (const c of codings) expect(pa.text.slice(c.start, c.end)).toBe(c.quote);
    } finally {
      t.cleanup();
    }
  });
});
