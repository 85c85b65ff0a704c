import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertQuestion, insertSource, insertUnit, type NewUnit } from '../../../electron/backend/repositories/sources.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy, type Study } from './study.ts';

const NOW = '2026-11-28T12:00:00.000Z';

/** Adds a source as an importer would store it: its text and its units. */
function addSource(t: TestHost, name: string, text: string, units: NewUnit[]): { id: number; unitIds: number[] } {
  const db = t.host.current!.db;
  return db.transaction(() => {
    const id = insertSource(db, { kind: 'document', name, text, origin: 'test' }, NOW);
    return { id, unitIds: units.map((u) => insertUnit(db, id, u)) };
  });
}

const PAGE1 = 'Annual report on short courses. The board reviewed enrolment across all faculties this year.';
const PAGE2 = 'Quokka numbers on campus rose again.\n\nAppendix: the quokka census method.';

describe('search hits and who they are credited to', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  it('credits a hit to its speaker turn, with the unit and the participant’s label', async () => {
    const [hit] = (await t.ok('search.run', { query: 'stackable' })).hits;
    const source = await t.ok('sources.get', { id: study.ids.sources['Interview P2']! });
    const turn = source.units.find((u) => u.kind === 'turn' && u.speaker === 'P2')!;
    expect(hit).toMatchObject({ unitId: turn.id, unitKind: 'turn', participantId: study.ids.participants['P2'], participantLabel: 'P2', speaker: 'P2' });
  });

  it('treats an empty participant filter as no filter', async () => {
    const all = await t.ok('search.run', { query: 'employers' });
    const none = await t.ok('search.run', { query: 'employers', participantIds: [] });
    expect(all.hits).toHaveLength(5);
    expect(none.hits).toEqual(all.hits);
  });

  it('says a page of results is incomplete when more hits follow', async () => {
    expect(await t.ok('search.run', { query: 'employers', limit: 4 })).toMatchObject({ complete: false });
    expect(await t.ok('search.run', { query: 'employers', limit: 5 })).toMatchObject({ complete: true });
  });

  it('searches a scanned report by page when it has no paragraphs, credits hits to the page and cuts the context at the page', async () => {
    const text = `${PAGE1}\n\n${PAGE2}`;
    const p2 = PAGE1.length + 2;
    const report = addSource(t, 'Scanned report', text, [
      { kind: 'page', start: 0, end: PAGE1.length, page: 1 },
      { kind: 'page', start: p2, end: text.length, page: 2 },
    ]);
    const hits = (await t.ok('search.run', { query: 'quokka' })).hits;
    expect(hits.map((h) => [h.start, h.unitId, h.unitKind])).toEqual([
      [p2, report.unitIds[1], 'page'],
      [text.indexOf('quokka census'), report.unitIds[1], 'page'],
    ]);
    // The first word of page 2 shows no words of page 1 before it.
    expect(hits[0]).toMatchObject({ before: '', match: 'Quokka' });
  });

  it('credits a hit to the paragraph that runs over a page break, not to the page', async () => {
    const para1 = 'Enrolment grew in every faculty, and the quokka survey';
    const text = `${para1} finished in spring.\n\nA new paragraph on page two.`;
    const pageBreak = para1.length + 1;
    const doc = addSource(t, 'Report with pages', text, [
      { kind: 'paragraph', start: 0, end: text.indexOf('\n\n') },
      { kind: 'page', start: 0, end: pageBreak, page: 1 },
      { kind: 'page', start: pageBreak, end: text.length, page: 2 },
      { kind: 'paragraph', start: text.indexOf('A new'), end: text.length },
    ]);
    const [hit] = (await t.ok('search.run', { query: 'spring' })).hits;
    expect(hit).toMatchObject({ unitId: doc.unitIds[0], unitKind: 'paragraph' });
    // Coding whole units codes the paragraph, not the page.
    const preview = await t.ok('search.previewCodeHits', { query: 'spring', codeId: study.ids.codes['How']!, scope: 'unit' });
    expect(preview).toMatchObject({ hits: 1, toCreate: 1 });
    await t.ok('search.codeHits', { query: 'spring', codeId: study.ids.codes['How']!, scope: 'unit' });
    const row = t.host.current!.db.raw.prepare('SELECT quote FROM codings WHERE code_id = ?').get(study.ids.codes['How']!) as { quote: string };
    expect(row.quote).toBe(`${para1} finished in spring.`);
  });

  it('lists a word once when it lies in a quotation marked inside a longer paragraph', async () => {
    const quote = '“We never saw a quokka here,” the dean said.';
    const text = `The survey team wrote: ${quote} Nobody disagreed.`;
    const doc = addSource(t, 'Survey memo', text, [
      { kind: 'paragraph', start: 0, end: text.length },
      { kind: 'paragraph', start: text.indexOf(quote), end: text.indexOf(quote) + quote.length },
    ]);
    const hits = (await t.ok('search.run', { query: 'quokka' })).hits;
    expect(hits.map((h) => [h.start, h.unitId])).toEqual([[text.indexOf('quokka'), doc.unitIds[1]]]);
  });

  it('searches all of a document whose only units are empty markers', async () => {
    const text = 'Minutes of the meeting. The quokka committee met twice.';
    const doc = addSource(t, 'Minutes', text, [
      { kind: 'heading', start: 0, end: 0 },
      { kind: 'page', start: text.length, end: text.length, page: 1 },
    ]);
    const hits = (await t.ok('search.run', { query: 'quokka' })).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ sourceId: doc.id, start: text.indexOf('quokka'), unitId: null, unitKind: null, participantId: null, participantLabel: null });
  });

  it('cuts the context of a hit in a document without units to about seventy characters', async () => {
    const text = `${'The committee discussed the budget, the timetable and the new rooms at length. '.repeat(3)}Then a quokka appeared.`;
    addSource(t, 'Long minutes', text, []);
    const [hit] = (await t.ok('search.run', { query: 'quokka' })).hits;
    expect(hit!.before.startsWith('…')).toBe(true);
    expect(hit!.before.length).toBeLessThan(75);
    expect(hit!.before.endsWith('Then a ')).toBe(true);
  });
});

describe('coding all hits', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  it('codes the hit itself when its text belongs to no unit, even when whole units are asked for', async () => {
    const notes = study.ids.sources['Notes']!;
    const how = study.ids.codes['How']!;
    expect(await t.ok('search.previewCodeHits', { query: 'evaluacion', codeId: how, scope: 'unit' })).toMatchObject({ hits: 1, toCreate: 1, alreadyCoded: 0 });
    expect(await t.ok('search.codeHits', { query: 'evaluacion', codeId: how, scope: 'unit' })).toEqual({ created: 1, alreadyCoded: 0 });
    const row = t.host.current!.db.raw.prepare('SELECT source_id AS sourceId, quote FROM codings WHERE code_id = ?').get(how);
    expect(row).toEqual({ sourceId: notes, quote: 'Évaluación' });
  });

  it('previews what is left to code after some hits were coded, with a sample of five', async () => {
    const ip = study.ids.codes['IP']!;
    await t.ok('search.codeHits', { query: 'employers', codeId: ip });
    const preview = await t.ok('search.previewCodeHits', { query: 'employers OR strategy', codeId: ip });
    expect(preview).toMatchObject({ hits: 8, toCreate: 3, alreadyCoded: 5, sources: 4 });
    const firstFive = (await t.ok('search.run', { query: 'employers OR strategy', limit: 5 })).hits;
    expect(firstFive).toHaveLength(5);
    expect(preview.sample).toEqual(firstFive);
  });

  it('names what is missing or empty when it refuses, and changes nothing', async () => {
    const ip = study.ids.codes['IP']!;
    const counts = tableCounts(t.host);
    const noCode = { code: 'not_found', field: 'codeId', message: 'Code 999 does not exist' };
    expect(await t.fails('search.previewCodeHits', { query: 'employers', codeId: 999 })).toMatchObject(noCode);
    expect(await t.fails('search.codeHits', { query: 'employers', codeId: 999 })).toMatchObject(noCode);
    expect(await t.fails('search.codeSpeaker', { speaker: 'P1', codeId: 999 })).toMatchObject(noCode);
    expect(await t.fails('search.codeQuestion', { questionId: study.ids.questions['Q1']!, codeId: 999 })).toMatchObject(noCode);
    expect(await t.fails('search.codeHits', { query: 'zebra', codeId: ip })).toMatchObject({ code: 'invalid_input', field: 'query', message: 'query: “zebra” has no hits to code' });
    expect(await t.fails('search.codeSpeaker', { speaker: 'Nobody', codeId: ip })).toMatchObject({ code: 'not_found', field: 'speaker', message: 'No turns of a speaker called “Nobody”' });
    expect(await t.fails('search.codeQuestion', { questionId: 999, codeId: ip })).toMatchObject({ code: 'not_found', field: 'questionId', message: 'Question 999 does not exist' });
    expect(tableCounts(t.host)).toEqual(counts);
  });

  it('refuses to code a questionnaire item nobody answered', async () => {
    const db = t.host.current!.db;
    const q3 = db.transaction(() => insertQuestion(db, { sourceId: study.ids.sources['Questionnaire']!, key: 'Q3', text: 'Anything else?', sectionCodeId: null, position: 2 }));
    const counts = tableCounts(t.host);
    const r = await t.host.call('search.codeQuestion', { questionId: q3, codeId: study.ids.codes['IP']! });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', field: 'questionId', message: `Question ${q3} has no answers to code` } });
    expect(tableCounts(t.host)).toEqual(counts);
  });

  it('logs how each coding by speaker or by question was made', async () => {
    const empty = study.ids.codes['Empty']!;
    const q1 = study.ids.questions['Q1']!;
    await t.ok('search.codeSpeaker', { speaker: 'P2', codeId: empty });
    await t.ok('search.codeQuestion', { questionId: q1, codeId: empty });
    const rows = t.host.current!.db.raw.prepare("SELECT detail FROM audit_log WHERE action = 'apply' ORDER BY id DESC LIMIT 4").all() as { detail: string }[];
    const details = rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>).reverse();
    expect(details[0]).toMatchObject({ codeId: empty, via: 'speaker', speaker: 'P2' });
    for (const d of details.slice(1)) expect(d).toMatchObject({ codeId: empty, via: 'question', questionId: q1 });
  });
});

describe('the limit on coding hits at once', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  it('codes at most 50,000 hits in one command and refuses more, naming the count', async () => {
    const how = (await t.ok('codes.list', {})).find((c) => c.name === 'How')!.id;
    addSource(t, 'Word list', 'quokka '.repeat(50_000), []);
    expect(await t.ok('search.previewCodeHits', { query: 'quokka', codeId: how })).toMatchObject({ hits: 50_000, toCreate: 50_000 });
    addSource(t, 'One more', 'A quokka.', []);
    const counts = tableCounts(t.host);
    for (const method of ['search.previewCodeHits', 'search.codeHits'] as const) {
      const r = await t.host.call(method, { query: 'quokka', codeId: how });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'query' } });
      if (!r.ok) expect(r.error.message).toBe('query: 50001 hits are too many to code at once (at most 50000); narrow the search');
    }
    expect(tableCounts(t.host)).toEqual(counts);
  });
});
