import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, type CorpusSpec } from '../../../bench/corpora.ts';
import { forEachSource, type PlannedSource } from '../../../bench/corpus-plan.ts';
import { generateProject, type CorpusStats } from '../../../bench/corpus.ts';
import { median } from '../../../bench/stats.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

const tiny: CorpusSpec = { ...CORPORA.small20k, name: 'tiny', sources: 3, words: 3_000, codes: 12, codings: 120, participants: 2 };

const plan = (spec: CorpusSpec): PlannedSource[] => {
  const out: PlannedSource[] = [];
  forEachSource(spec, [101, 102, 103], (s) => out.push(s));
  return out;
};
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}'-]/u.test(ch);

describe('the synthetic corpus plan', () => {
  it('comes out the same every time for one seed, and differently for another', () => {
    const a = plan(tiny);
    expect(plan(tiny)).toEqual(a);
    const b = plan({ ...tiny, seed: tiny.seed + 1 });
    expect(b[0]!.interview.text).not.toBe(a[0]!.interview.text);
  });

  it('keeps the text when only the number of codings changes', () => {
    const withCodings = plan(tiny).map((s) => s.interview.text);
    expect(plan({ ...tiny, codings: 0 }).map((s) => s.interview.text)).toEqual(withCodings);
  });

  it('writes interviews as alternating Interviewer and participant turns separated by blank lines', () => {
    for (const source of plan(tiny)) {
      const { text, turns } = source.interview;
      const label = `P0${source.participantIndex + 1}`;
      expect(turns.map((t) => t.speaker)).toEqual(turns.map((_, i) => (i % 2 === 0 ? 'Interviewer' : label)));
      turns.forEach((t, i) => {
        expect(text.slice(t.start - t.speaker.length - 2, t.start)).toBe(`${t.speaker}: `);
        const body = text.slice(t.start, t.end);
        if (t.isInterviewer) expect(body).toMatch(/^[A-Z][^?]*\?$/);
        else expect((body.match(/[.] ?/g) ?? []).length).toBeGreaterThanOrEqual(1);
        if (!t.isInterviewer) expect((body.match(/\.( |$)/g) ?? []).length).toBeLessThanOrEqual(7);
        const next = turns[i + 1];
        if (next) expect(text.slice(t.end, next.start - next.speaker.length - 2)).toBe('\n\n');
      });
      expect(turns.at(-1)!.end).toBe(text.length);
    }
  });

  it('places codings from a word start to a word end, 20–600 units long, about 150 at the median', () => {
    const codings = plan(CORPORA.small20k).flatMap((s) => s.codings.map((c) => ({ ...c, text: s.interview.text })));
    expect(codings).toHaveLength(1_000);
    for (const c of codings) {
      expect(isWordChar(c.text[c.start]) && !isWordChar(c.text[c.start - 1])).toBe(true);
      expect(isWordChar(c.text[c.end - 1]) && !isWordChar(c.text[c.end])).toBe(true);
      expect(c.end - c.start).toBeGreaterThanOrEqual(20);
      expect(c.end - c.start).toBeLessThanOrEqual(600);
    }
    const m = median(codings.map((c) => c.end - c.start));
    expect(m).toBeGreaterThan(120);
    expect(m).toBeLessThan(180);
  });
});

describe('generateProject on small20k', () => {
  let dir: string;
  let stats: CorpusStats;
  let t: TestHost;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-corpus-'));
    stats = generateProject(join(dir, 'a.marginalia'), 'small20k');
    t = testHost();
  });
  afterAll(() => {
    t.cleanup();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  it('reports the standard shape, with codings overlapping to about 1.3–1.7× the text', () => {
    expect(stats).toMatchObject({ corpus: 'small20k', sources: 2, participants: 2, codes: 50, codings: 1_000 });
    expect(stats.words).toBeGreaterThanOrEqual(20_000);
    expect(stats.words).toBeLessThan(20_500);
    expect(stats.codedChars / stats.textChars).toBeGreaterThan(1.3);
    expect(stats.codedChars / stats.textChars).toBeLessThan(1.7);
    expect(stats.memos).toBeGreaterThan(5);
    expect(stats.memos).toBeLessThan(60);
  });

  it('writes a project the app opens, with codes in 5 categories and turns credited to participants', async () => {
    await t.ok('project.open', { path: join(dir, 'a.marginalia') });
    const codes = await t.ok('codes.list', {});
    expect(codes).toHaveLength(50);
    expect(codes.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(['Why', 'What', 'How', 'When', 'Where']);
    expect(codes.reduce((n, c) => n + c.codingCount, 0)).toBe(1_000);
    const participants = await t.ok('participants.list', {});
    expect(participants.map((p) => p.label)).toEqual(['P01', 'P02']);
    expect(participants.every((p) => p.codingCount > 300)).toBe(true);
    const [first] = await t.ok('sources.list', {});
    const source = await t.ok('sources.get', { id: first!.id });
    expect(source.units.every((u) => u.kind === 'turn' && (u.isInterviewer ? u.participantId === null : u.participantId === participants[0]!.id))).toBe(true);
    const codings = await t.ok('codings.listForSource', { sourceId: source.id });
    expect(codings.every((c) => c.quote === source.text.slice(c.start, c.end))).toBe(true);
  });

  it('writes the same rows again from the same corpus', async () => {
    generateProject(join(dir, 'b.marginalia'), 'small20k');
    const dump = async (name: string) => {
      await t.ok('project.open', { path: join(dir, name) });
      const db = t.host.current!.db.raw;
      return ['sources', 'units', 'participants', 'participant_attributes', 'codes', 'codings', 'memos'].map((table) =>
        db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
      );
    };
    const a = await dump('a.marginalia');
    expect(a[5]).toHaveLength(1_000);
    expect(await dump('b.marginalia')).toEqual(a);
  });
});
