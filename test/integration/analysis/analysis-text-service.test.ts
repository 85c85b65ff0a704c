import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertSource, insertUnit } from '../../../electron/backend/repositories/sources.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy, TEXTS, type Study } from './study.ts';

/**
 * Word frequency, coded excerpts and the context around an excerpt, as the analysis views
 * call them: refusals that name what is missing, the filters that change what is counted,
 * and where the context window starts and stops.
 */
describe('analysis over texts', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());


  /** A document without units (as a pasted note), coded once at [start, end). */
  const codedNote = async (name: string, text: string, start: number, end: number): Promise<{ codingId: number; text: string }> => {
    const sourceId = insertSource(t.host.current!.db, { kind: 'document', name, text, origin: 'test' }, '2026-11-28T12:00:00.000Z');
    const codingId = (await t.ok('codings.apply', { sourceId, codeId: study.ids.codes['How']!, start, end })).id;
    return { codingId, text };
  };

  describe('word frequency', () => {
    it('names the missing sources and participants, one or several', async () => {
      const one = await t.fails('analysis.wordFrequency', { sourceIds: [study.ids.sources['Policy']!, 999] });
      expect(one).toMatchObject({ code: 'not_found', field: 'sourceIds', message: 'Source 999 does not exist' });
      const two = await t.fails('analysis.wordFrequency', { sourceIds: [998, 999] });
      expect(two).toMatchObject({ code: 'not_found', field: 'sourceIds', message: 'Source 998, 999 do not exist' });
      const who = await t.fails('analysis.wordFrequency', { participantIds: [study.ids.participants['P1']!, 999] });
      expect(who).toMatchObject({ code: 'not_found', field: 'participantIds', message: 'Participant 999 does not exist' });
    });

    it('refuses a source or participant id that only a code has', async () => {
      // Codes and sources are numbered separately: code ids reach higher than source or participant ids here.
      const codeOnly = study.ids.codes['IP']!;
      expect(Object.values(study.ids.sources)).not.toContain(codeOnly);
      expect(Object.values(study.ids.participants)).not.toContain(codeOnly);
      expect(await t.fails('analysis.wordFrequency', { sourceIds: [codeOnly] })).toMatchObject({ code: 'not_found', field: 'sourceIds' });
      expect(await t.fails('analysis.wordFrequency', { participantIds: [codeOnly] })).toMatchObject({ code: 'not_found', field: 'participantIds' });
    });

    it('counts everyone when the participant list is empty', async () => {
      const everyone = await t.ok('analysis.wordFrequency', { minLength: 1, limit: 500 });
      const emptyChoice = await t.ok('analysis.wordFrequency', { minLength: 1, limit: 500, participantIds: [] });
      expect(emptyChoice).toEqual(everyone);
      expect(emptyChoice.words.find((w) => w.word === 'employers')?.count).toBe(3);
    });

    it('does not count speaker labels inside a page, only the turns on it', async () => {
      // Interview P2 sits inside a page unit; "Interviewer:" and "P2:" lie on the page but in no turn.
      const p2 = await t.ok('analysis.wordFrequency', { sourceIds: [study.ids.sources['Interview P2']!], minLength: 1, limit: 500, includeInterviewer: true });
      const words = p2.words.map((w) => w.word);
      expect(words).toContain('stackable');
      expect(words).toContain('ask'); // the interviewer's question, asked for
      expect(words).not.toContain('interviewer');
      expect(words).not.toContain('p2');
    });
  });

  describe('coded excerpts', () => {
    it('names the missing codes', async () => {
      const one = await t.fails('analysis.excerpts', { codeIds: [study.ids.codes['Value']!, 999] });
      expect(one).toMatchObject({ code: 'not_found', field: 'codeIds', message: 'Code 999 does not exist' });
      const two = await t.fails('analysis.excerpts', { codeIds: [998, 999] });
      expect(two).toMatchObject({ code: 'not_found', field: 'codeIds', message: 'Code 998, 999 do not exist' });
    });

    it('takes a date range of one day or more, and refuses one that ends before it starts', async () => {
      const why = [study.ids.codes['Why']!];
      // Every coding of the study was made on 2026-11-28 (the fixed clock).
      expect((await t.ok('analysis.excerpts', { codeIds: why, from: '2026-11-28', to: '2026-11-28' })).total).toBe(9);
      expect((await t.ok('analysis.excerpts', { codeIds: why, from: '2026-11-01', to: '2026-11-30' })).total).toBe(9);
      expect((await t.ok('analysis.excerpts', { codeIds: why, from: '2026-11-29', to: '2026-12-31' })).total).toBe(0);
      const backwards = await t.fails('analysis.excerpts', { codeIds: why, from: '2026-11-29', to: '2026-11-28' });
      expect(backwards).toMatchObject({ code: 'invalid_input', field: 'from', message: 'from must not be after to' });
    });
  });

  describe('context around an excerpt', () => {
    it('says which coding does not exist', async () => {
      expect(await t.fails('analysis.excerptContext', { codingId: 9999 })).toMatchObject({ code: 'not_found', field: 'codingId', message: 'Coding 9999 does not exist' });
    });

    it('shows exactly the turn before and the turn after the excerpt', async () => {
      const src = await t.ok('sources.get', { id: study.ids.sources['Interview P1']! });
      // "Employers value … skills." in P1's first turn: the interviewer's turns on either side.
      const ctx = await t.ok('analysis.excerptContext', { codingId: study.codingIds[0]! });
      expect(ctx.text).toBe(`Why do employers care?\n\nP1: ${TEXTS.t1}\n\nInterviewer: ${TEXTS.i2}`);
      expect(src.text.slice(ctx.windowStart, ctx.windowEnd)).toBe(ctx.text);
      // "A micro-credential is … unit." in the last turn: from the question before it to the end of the interview.
      const last = await t.ok('analysis.excerptContext', { codingId: study.codingIds[4]! });
      expect(last.text).toBe(`${TEXTS.i2}\n\nP1: ${TEXTS.t2}`);
      expect(last.windowEnd).toBe(src.text.length);
    });

    it('stops at the neighbouring units even where they begin or end inside a sentence', async () => {
      // As a REFI-QDA project lays them out: the passages credited to cases end where the
      // selection ended (here before the full stop), and the rest becomes paragraphs.
      const text =
        'Employers value the badge because it shows skills. The university strategy backs it too. ' +
        'Course materials remain the property of their authors. Lifelong learning comes first. Thank you.';
      const db = t.host.current!.db;
      const sourceId = insertSource(db, { kind: 'document', name: 'Panel summary', text, origin: 'test' }, '2026-11-28T12:00:00.000Z');
      const at = (s: string) => text.indexOf(s);
      const { P1, P2, P3 } = study.ids.participants;
      db.transaction(() => {
        insertUnit(db, sourceId, { kind: 'paragraph', start: 0, end: at('. The university'), participantId: P1! });
        insertUnit(db, sourceId, { kind: 'paragraph', start: at('. The university'), end: at(' Course') });
        insertUnit(db, sourceId, { kind: 'paragraph', start: at('Course'), end: at(' Lifelong'), participantId: P2! });
        insertUnit(db, sourceId, { kind: 'paragraph', start: at('Lifelong'), end: at('. Thank'), participantId: P3! });
        insertUnit(db, sourceId, { kind: 'paragraph', start: at('. Thank'), end: text.length });
      });
      const quote = 'Course materials remain the property of their authors.';
      const codingId = (await t.ok('codings.apply', { sourceId, codeId: study.ids.codes['IP']!, start: at(quote), end: at(quote) + quote.length })).id;
      const ctx = await t.ok('analysis.excerptContext', { codingId });
      expect(ctx.text).toBe(`. The university strategy backs it too. ${quote} Lifelong learning comes first`);
      expect(ctx).toMatchObject({ windowStart: at('. The university'), windowEnd: at('. Thank') });
    });

    it('cuts a long text at whole words about the asked number of characters around the excerpt', async () => {
      const text =
        'Field notes from the second visit. The programme team described how learners move between short courses and full degrees. ' +
        'Several staff said that stackable credits only work when every faculty recognises them in the same way. ' +
        'The registry still records each micro-credential by hand, which slows everything down. ' +
        'Next time we should ask the registrar about the new student record system.';
      const quote = 'stackable credits only work when every faculty recognises them in the same way.';
      const start = text.indexOf(quote);
      const { codingId } = await codedNote('Visit notes', text, start, start + quote.length);
      const ctx = await t.ok('analysis.excerptContext', { codingId, chars: 50 });
      // 50 characters before lands in "courses", 50 after in "by": both are kept whole.
      expect(ctx.text).toBe(`courses and full degrees. Several staff said that ${quote} The registry still records each micro-credential by`);
      expect(ctx).toMatchObject({ codingStart: start, codingEnd: start + quote.length });
      expect(text.slice(ctx.windowStart, ctx.windowEnd)).toBe(ctx.text);
      // With the default reach the whole note fits.
      const wide = await t.ok('analysis.excerptContext', { codingId });
      expect(wide).toMatchObject({ windowStart: 0, windowEnd: text.length, text });
    });

    it('runs to the very start and end of the text when the first or last word is cut', async () => {
      const text =
        'Interdisciplinarity is what the new framework promises, yet the committee minutes show that most proposals ' +
        'still come from single departments and rarely cross faculty lines, which the report calls a lack of internationalisation';
      const quote = 'yet the committee minutes show';
      const start = text.indexOf(quote);
      const end = text.indexOf('faculty lines') + 'faculty lines'.length;
      // The window's raw edges fall inside the first and the last word.
      expect(start - 50).toBeGreaterThan(0);
      expect(start - 50).toBeLessThan('Interdisciplinarity'.length);
      expect(end + 50).toBeGreaterThan(text.lastIndexOf(' ') + 1);
      expect(end + 50).toBeLessThan(text.length);
      const { codingId } = await codedNote('Committee notes', text, start, end);
      const ctx = await t.ok('analysis.excerptContext', { codingId, chars: 50 });
      expect(ctx).toMatchObject({ windowStart: 0, windowEnd: text.length, text });
    });

    it('cuts inside a word longer than forty characters rather than searching further for a space', async () => {
      const url = 'https://www.northbridge.ac.uk/teaching/micro-credentials/framework-2026';
      const before = 'The consultation paper is online at ';
      const between = ' and asks that we ';
      const quote = 'name one person who approves stackable credits.';
      const text = `${before}${url}${between}${quote} Answers are due before the spring term.`;
      const start = text.indexOf(quote);
      // 50 characters before the excerpt is the 40th character of the address: no space within reach.
      expect(start - 50).toBe(before.length + 39);
      const { codingId } = await codedNote('Consultation', text, start, start + quote.length);
      const ctx = await t.ok('analysis.excerptContext', { codingId, chars: 50 });
      expect(ctx.windowStart).toBe(start - 50);
      expect(ctx.text.startsWith(url.slice(39))).toBe(true);
      expect(ctx.windowEnd).toBe(text.length);
    });

    it('never cuts an emoji in half in a text without spaces', async () => {
      // Chinese has no spaces between words, so the window edges stay where the characters count puts them.
      const pre = '访谈记录：她认为这个微证书对雇主来说很有价值，因为它能证明具体的技能，而且学习时间很短，适合在职的成年人。';
      const mid =
        '学校的战略也支持这种做法，但是课程的知识产权归属还没有讨论清楚，需要和法律部门一起研究。她还提到学分可以累积，' +
        '雇主更愿意接受有明确评估的短期课程，这一点在我们的访谈里反复出现，很多人都这样说过，也有人提出了不同看法。';
      const post = '最后她说希望明年能看到更多学院参与这个项目，并且建立统一的认证标准，让学习者更容易转换学分和课程。';
      const text = `${pre}🎓${mid}👍${post}`;
      const grad = pre.length;
      const thumb = text.indexOf('👍');
      // Place the excerpt so that 50 characters before and after it fall between the two halves of an emoji.
      const start = grad + 1 + 50;
      const end = thumb + 1 - 50;
      expect(start).toBeLessThan(end);
      expect(pre.length).toBeGreaterThan(40);
      expect(post.length).toBeGreaterThan(40);
      const { codingId } = await codedNote('访谈 7', text, start, end);
      const ctx = await t.ok('analysis.excerptContext', { codingId, chars: 50 });
      expect(ctx.windowStart).toBe(grad);
      expect(ctx.windowEnd).toBe(thumb + 2);
      expect(ctx.text.startsWith('🎓')).toBe(true);
      expect(ctx.text.endsWith('👍')).toBe(true);
    });
  });
});
