import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy, type Study } from './study.ts';

describe('full-text search', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  const run = (query: string, extra: Record<string, unknown> = {}) => t.ok('search.run', { query, ...extra });
  const matches = async (query: string, extra: Record<string, unknown> = {}) => (await run(query, extra)).hits.map((h) => `${h.participantLabel ?? h.speaker ?? '-'}:${h.match}`);

  it('finds words, prefixes and phrases as keyword-in-context lines with UTF-16 offsets', async () => {
    expect(await matches('employers')).toEqual(['Interviewer:employers', 'P1:Employers', 'Interviewer:employers', 'P2:employers', 'P1:Employers']);
    expect(await matches('employ*')).toEqual(await matches('employers'));
    expect(await matches('"ask for"')).toEqual(['Interviewer:ask for', 'P2:ask for', 'P1:ask for']);
    const r = await run('because');
    const hit = r.hits[0]!;
    const text = (await t.ok('sources.get', { id: hit.sourceId })).text;
    expect(text.slice(hit.start, hit.end)).toBe('because'); // after the emoji, which takes two units
    expect(hit.before).toContain('🎓');
    expect(hit.after.startsWith(' it shows skills.')).toBe(true);
  });

  it('applies AND, OR, NOT and parentheses within one unit', async () => {
    expect(await matches('employers AND recognition')).toEqual(['P2:employers', 'P2:recognition']);
    expect(await matches('employers recognition')).toEqual(['P2:employers', 'P2:recognition']);
    expect(await matches('employers NOT ask')).toEqual(['Interviewer:employers', 'P1:Employers']);
    expect(await matches('employers AND NOT ask')).toEqual(['Interviewer:employers', 'P1:Employers']);
    expect(await matches('(badge OR exam) NOT course')).toEqual(['P1:badge']);
    expect(await matches('stackable OR strategy')).toEqual(['P1:strategy', 'P2:stackable', 'P3:strategy', '-:strategy']);
    // Lower-case operators are ordinary words.
    expect(await matches('badge and skills')).toEqual([]);
  });

  it('folds accents and case, and never matches speaker labels outside the units', async () => {
    expect(await matches('evaluacion')).toEqual(['-:Évaluación']);
    expect(await matches('EVALUACIÓN')).toEqual(['-:Évaluación']);
    expect(await matches('P1')).toEqual([]);
  });

  it('filters by source kind and participant, and pages', async () => {
    expect(await matches('employers', { participantIds: [study.ids.participants['P2']!] })).toEqual(['P2:employers']);
    expect(await matches('employers', { sourceKinds: ['questionnaire'] })).toEqual(['P1:Employers']);
    const first = await run('employers', { limit: 2 });
    expect([first.hits.length, first.complete, first.candidateSources]).toEqual([2, false, 3]);
    const rest = await run('employers', { offset: 2, limit: 10 });
    expect([rest.hits.length, rest.complete]).toEqual([3, true]);
  });

  it('explains what is wrong with a query', async () => {
    for (const [query, says] of [
      ['"ask for', 'closing quote'],
      ['AND badge', 'AND needs a word before it'],
      ['NOT badge', 'NOT needs a word before it'],
      ['(badge OR exam', 'parenthesis is not closed'],
      ['badge)', 'closing parenthesis'],
      ['badge OR', 'ends too early'],
      ['---', 'no letters or digits'],
    ] as const) {
      const r = await t.host.call('search.run', { query });
      expect(r, query).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'query' } });
      if (!r.ok) expect(r.error.message).toContain(says);
    }
  });
});

describe('coding from search and by structure', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  const codingCount = () => (t.host.current!.db.raw.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;

  it('previews, then codes all hits in one command that one undo takes back', async () => {
    const ip = study.ids.codes['IP']!;
    const preview = await t.ok('search.previewCodeHits', { query: 'employers', codeId: ip });
    expect(preview).toMatchObject({ hits: 5, toCreate: 5, alreadyCoded: 0, sources: 3 });
    expect(preview.sample).toHaveLength(5);
    const before = codingCount();
    const done = await t.ok('search.codeHits', { query: 'employers', codeId: ip });
    expect(done).toEqual({ created: 5, alreadyCoded: 0 });
    expect(codingCount()).toBe(before + 5);
    const quotes = t.host.current!.db.raw.prepare('SELECT quote FROM codings WHERE code_id = ? ORDER BY id DESC LIMIT 5').all(ip) as { quote: string }[];
    expect(quotes.map((q) => q.quote.toLowerCase())).toEqual(Array(5).fill('employers'));
    const audit = t.host.current!.db.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'apply' AND detail LIKE '%\"via\":\"search\"%'").get() as { n: number };
    expect(audit.n).toBe(5);
    expect(await t.ok('search.codeHits', { query: 'employers', codeId: ip })).toEqual({ created: 0, alreadyCoded: 5 });

    // The second run changed nothing, so one undo takes back all five codings.
    const undone = await t.ok('undo.undo', {});
    expect(undone.method).toBe('search.codeHits');
    expect(codingCount()).toBe(before);
  });

  it('codes the whole unit of each hit when asked', async () => {
    const size = study.ids.codes['Size']!;
    const preview = await t.ok('search.previewCodeHits', { query: 'employers AND recognition', codeId: size, scope: 'unit' });
    expect(preview).toMatchObject({ hits: 2, toCreate: 1 });
    await t.ok('search.codeHits', { query: 'employers AND recognition', codeId: size, scope: 'unit' });
    const row = t.host.current!.db.raw.prepare('SELECT quote FROM codings WHERE code_id = ? ORDER BY id DESC LIMIT 1').get(size) as { quote: string };
    expect(row.quote).toBe('Our employers ask for stackable credits and quick recognition.');
  });

  it('codes every turn of a speaker and every answer to an item, one undoable command each', async () => {
    const { codes, questions } = study.ids;
    const structure = await t.ok('search.structure', {});
    expect(structure.speakers.map((s) => [s.speaker, s.turns])).toEqual([['Interviewer', 3], ['P1', 2], ['P2', 1]]);
    expect(structure.questions.map((q) => [q.key, q.answers])).toEqual([['Q1', 3], ['Q2', 3]]);
    const before = codingCount();
    expect(await t.ok('search.codeSpeaker', { speaker: 'P1', codeId: codes['Empty']! })).toEqual({ created: 2, alreadyCoded: 0 });
    expect(await t.ok('search.codeQuestion', { questionId: questions['Q1']!, codeId: codes['Empty']! })).toEqual({ created: 3, alreadyCoded: 0 });
    const m = await t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' } });
    const empty = m.rows.findIndex((r) => r.label === 'Empty');
    expect(m.values[empty]).toEqual([3, 1, 1, 0, 0]);
    await t.ok('undo.undo', {});
    expect(codingCount()).toBe(before + 2);
    await t.ok('undo.undo', {});
    expect(codingCount()).toBe(before);
  });

  it('refuses bad requests and changes nothing', async () => {
    const counts = tableCounts(t.host);
    expect(await t.host.call('search.codeHits', { query: 'employers', codeId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'codeId' } });
    expect(await t.host.call('search.codeHits', { query: 'zebra', codeId: study.ids.codes['IP']! })).toMatchObject({ ok: false, error: { field: 'query' } });
    expect(await t.host.call('search.codeSpeaker', { speaker: 'Nobody', codeId: study.ids.codes['IP']! })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'speaker' } });
    expect(await t.host.call('search.codeQuestion', { questionId: 999, codeId: study.ids.codes['IP']! })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'questionId' } });
    expect(tableCounts(t.host)).toEqual(counts);
  });
});
