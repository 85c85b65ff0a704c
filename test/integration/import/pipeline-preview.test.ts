import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentPreview, InterviewPreview, QuestionnaireOptions, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { makePdf, utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne } from './helpers.ts';

const LONG = `${'word '.repeat(80).trim()}.`; // 400 characters

describe('what the import preview tells the dialog', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  describe('an interview', () => {
    const lines = [
      'Recorded on 3 May 2025.',
      '',
      'Interviewer: Welcome, thanks for coming.',
      'Ann: Glad to be here.',
      `Bo: ${LONG}`,
      ...Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? `Interviewer: Question ${i}?` : `Ann: Answer ${i}.`)),
      'Bo: Bye.',
    ];
    const TALK = `${lines.join('\n')}\n`;

    it('tallies each speaker, suggests who they are, and shows the first twelve turns, long ones cut', async () => {
      const pa = await t.ok('participants.create', { label: 'PA', name: 'Ann Lee' });
      const staged = await stageOne(t, 'talk.txt', utf8Bytes(TALK));
      const p = (await preview(t, staged)) as InterviewPreview;
      expect(p).toMatchObject({ stagedId: staged.stagedId, name: 'talk.txt', kind: 'interview', tool: '"Speaker: text" (NVivo and hand-typed transcripts)', duplicateOf: null });
      // The line before the first speaker is a unit of its own, with no speaker: not a turn, in nobody's tally.
      expect([p.turnCount, p.unitCount]).toEqual([16, 17]);
      expect(p.speakers).toEqual([
        { speaker: 'Interviewer', turns: 7, words: 4 + 6 * 2, suggestion: { speaker: 'Interviewer', as: 'interviewer' } },
        { speaker: 'Ann', turns: 7, words: 4 + 6 * 2, suggestion: { speaker: 'Ann', as: 'participant', participantId: pa.id } },
        { speaker: 'Bo', turns: 2, words: 81, suggestion: { speaker: 'Bo', as: 'new', label: 'Bo' } },
      ]);
      expect(p.turns).toHaveLength(12);
      expect(p.turns[0]).toEqual({ speaker: null, timestampMs: null, text: 'Recorded on 3 May 2025.' });
      expect(p.turns[1]).toEqual({ speaker: 'Interviewer', timestampMs: null, text: 'Welcome, thanks for coming.' });
      expect(p.turns[3]).toEqual({ speaker: 'Bo', timestampMs: null, text: `${LONG.slice(0, 279)}…` });
      expect(p.turns[11]).toMatchObject({ speaker: 'Ann', text: 'Answer 7.' });
    });

    it('names the source that already holds the same text', async () => {
      const first = await stageOne(t, 'talk.txt', utf8Bytes(TALK));
      const speakers = ['Interviewer', 'Ann', 'Bo'].map((speaker) => ({ speaker, as: 'other' as const }));
      const report = await run(t, [{ stagedId: first.stagedId, kind: 'interview', name: 'Talk one', interview: { speakers } }]);
      const again = await stageOne(t, 'talk copy.txt', utf8Bytes(TALK));
      const p = (await preview(t, again)) as InterviewPreview;
      expect(p.duplicateOf).toBe('Talk one');
      // Its length is that of the text the import stores.
      expect(p.characters).toBe((await t.ok('sources.get', { id: report.files[0]!.sourceId! })).text.length);
      const other = await stageOne(t, 'other.txt', utf8Bytes('Interviewer: Something new.\nAnn: Yes.\n'));
      expect(((await preview(t, other)) as InterviewPreview).duplicateOf).toBeNull();
    });
  });

  describe('a document', () => {
    it('lists the first 24 paragraphs, long ones cut, and counts them all; no pages in a text file', async () => {
      const paragraphs = [LONG, ...Array.from({ length: 29 }, (_, i) => `Paragraph ${i + 2}.`)];
      const staged = await stageOne(t, 'memo.txt', utf8Bytes(paragraphs.join('\n\n')));
      const p = (await preview(t, staged, 'document')) as DocumentPreview;
      expect(p).toMatchObject({ name: 'memo.txt', kind: 'document', unitCount: 30, pageCount: null, duplicateOf: null });
      expect(p.units).toHaveLength(24);
      expect(p.units[0]).toEqual({ kind: 'paragraph', page: null, text: `${LONG.slice(0, 279)}…` });
      expect(p.units[23]).toEqual({ kind: 'paragraph', page: null, text: 'Paragraph 24.' });
    });

    it('lists a PDF by its paragraphs, each with its page, and counts the pages', async () => {
      const staged = await stageOne(t, 'report.pdf', await makePdf([['First page text.'], ['Second page text.'], ['Third page text.']]));
      const p = (await preview(t, staged)) as DocumentPreview;
      expect(p).toMatchObject({ kind: 'document', pageCount: 3, unitCount: 3 });
      expect(p.units.map((u) => [u.kind, u.page, u.text])).toEqual([
        ['paragraph', 1, 'First page text.'],
        ['paragraph', 2, 'Second page text.'],
        ['paragraph', 3, 'Third page text.'],
      ]);
    });
  });

  describe('a questionnaire', () => {
    const csv = (rows: string[][]) => utf8Bytes(`${rows.map((r) => r.join(',')).join('\n')}\n`);
    const TEN = [['id', 'Role', 'Q1'], ...Array.from({ length: 10 }, (_, i) => [`R${i + 1}`, i % 2 ? 'Student' : ' Teacher ', i === 0 ? 'x'.repeat(130) : i === 3 ? '' : `answer ${i}`])];

    it('shows the first eight rows, cells cut, and what each column holds', async () => {
      const staged = await stageOne(t, 'survey.csv', csv(TEN));
      const p = (await preview(t, staged)) as QuestionnairePreview;
      expect(p).toMatchObject({ name: 'survey.csv', kind: 'questionnaire', characters: 0, duplicateOf: null, survey: null, header: ['id', 'Role', 'Q1'], rowCount: 10, suggestedIdColumn: 'id', families: [], suggestedFamilyId: null, update: null });
      expect(p.rows).toHaveLength(8);
      expect(p.rows[0]).toEqual(['R1', ' Teacher ', `${'x'.repeat(119)}…`]);
      const byColumn = Object.fromEntries(p.columns.map((c) => [c.column, { filled: c.filled, distinct: c.distinct, samples: c.samples, existing: c.existingQuestion }]));
      expect(byColumn).toEqual({
        id: { filled: 10, distinct: 10, samples: ['R1', 'R2', 'R3'], existing: null },
        Role: { filled: 10, distinct: 2, samples: ['Teacher', 'Student'], existing: null },
        Q1: { filled: 9, distinct: 9, samples: [`${'x'.repeat(59)}…`, 'answer 1', 'answer 2'], existing: null },
      });
      expect(p.respondents).toEqual({ idColumn: 'id', total: 10, known: 0, problem: null });
    });

    it('counts respondents the project knows by label, and says what is wrong with the id column', async () => {
      await t.ok('participants.create', { label: 'r2' });
      await t.ok('participants.create', { label: 'R5' });
      const staged = await stageOne(t, 'survey.csv', csv(TEN));
      expect(((await preview(t, staged)) as QuestionnairePreview).respondents).toEqual({ idColumn: 'id', total: 10, known: 2, problem: null });
      const byRole = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', idColumn: 'ROLE' })) as QuestionnairePreview;
      expect(byRole.respondents).toEqual({ idColumn: 'Role', total: 10, known: 0, problem: 'survey.csv, row 4, column "Role": respondent id "Teacher" already appears in row 2' });
      const byAnswer = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', idColumn: 'Q1' })) as QuestionnairePreview;
      // Row 2's answer is 130 characters: too long for a participant label, the first problem.
      expect(byAnswer.respondents.problem).toBe(`survey.csv, row 2, column "Q1": respondent id "${'x'.repeat(20)}…" is longer than 40 characters, too long for a participant label`);
      const none = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', idColumn: 'Respondent' })) as QuestionnairePreview;
      expect(none.respondents).toEqual({ idColumn: null, total: 10, known: 0, problem: 'survey.csv has no column "Respondent"' });
    });

    describe('a later export of a questionnaire in the project', () => {
      const options = (extra: QuestionnaireOptions['columns'] = []): QuestionnaireOptions => ({
        idColumn: 'id',
        columns: [{ column: 'Role', role: 'attribute', type: 'category' }, { column: 'Q1', role: 'answer' }, { column: 'Q2', role: 'answer' }, ...extra],
        family: { mode: 'new', name: 'Panel' },
      });
      async function importFirst(rows: string[][]) {
        const staged = await stageOne(t, 'wave1.csv', csv(rows));
        const report = await run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: options() }]);
        return report.files[0]!.questionnaire!.familyId;
      }
      const WAVE1 = [['id', 'Role', 'Q1', 'Q2'], ['R1', 'Student', 'yes', 'blue'], ['R2', 'Teacher', 'no', 'red'], ['R3', 'Student', 'maybe', '']];

      it('is matched to its questionnaire, and says which respondents and answers are new, unchanged or changed', async () => {
        const familyId = await importFirst(WAVE1);
        const wave2 = [['id', 'Role', 'Q1', 'Q2', 'Q3', 'Notes'], ['R1', 'Student', 'yes', 'green', 'late', 'x'], ['r2', 'Teacher', 'no', 'red', '', ''], ['R3', 'Student', 'maybe', 'now filled', '', ''], ['R4', 'Other', 'new', '', 'q3', '']];
        const staged = await stageOne(t, 'wave2.csv', csv(wave2));
        const p = (await preview(t, staged)) as QuestionnairePreview;
        expect(p.suggestedFamilyId).toBe(familyId);
        expect(p.families.map((f) => [f.familyId, f.name])).toEqual([[familyId, 'Panel']]);
        expect(p.respondents).toEqual({ idColumn: 'id', total: 4, known: 3, problem: null });
        expect(p.columns.find((c) => c.column === 'Q1')!.existingQuestion).toMatchObject({ key: 'Q1' });
        expect(p.update).toEqual({
          familyId,
          respondentsAdded: 1,
          respondentsKnown: 3,
          // R1: Q2 changed; R3: Q2 was empty, now filled; R4: Q1 is new. Q3 and Notes are not the questionnaire's yet.
          answersAdded: 2,
          answersUnchanged: 4,
          answersChanged: 1,
          changed: [{ respondent: 'R1', question: 'Q2' }],
          newColumns: 2,
        });
      });

      it('is left alone when the dialog says it is a new questionnaire (familyId null)', async () => {
        const familyId = await importFirst(WAVE1);
        const staged = await stageOne(t, 'wave2.csv', csv(WAVE1));
        const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', familyId: null })) as QuestionnairePreview;
        expect(p.suggestedFamilyId).toBe(familyId);
        expect(p.update).toBeNull();
        expect(p.columns.find((c) => c.column === 'Q1')!.existingQuestion).toBeNull();
        // Respondents are still known by their participant labels.
        expect(p.respondents).toMatchObject({ total: 3, known: 3 });
      });

      it('has no update when the chosen id column has a problem', async () => {
        const familyId = await importFirst(WAVE1);
        const staged = await stageOne(t, 'wave2.csv', csv(WAVE1));
        const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', idColumn: 'Role', familyId })) as QuestionnairePreview;
        expect(p.respondents.problem).toMatch(/already appears in row 2$/);
        expect(p.update).toBeNull();
      });

      it('names the first twenty changed answers and counts them all', async () => {
        const many = [['id', 'Role', 'Q1', 'Q2'], ...Array.from({ length: 25 }, (_, i) => [`R${i + 1}`, 'Student', `before ${i + 1}`, ''])];
        const familyId = await importFirst(many);
        const later = [many[0]!, ...many.slice(1).map((r) => [r[0]!, r[1]!, `after ${r[0]}`, ''])];
        const staged = await stageOne(t, 'wave2.csv', csv(later));
        const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', familyId })) as QuestionnairePreview;
        expect(p.update).toMatchObject({ respondentsKnown: 25, respondentsAdded: 0, answersChanged: 25, answersAdded: 0, answersUnchanged: 0, newColumns: 0 });
        expect(p.update!.changed).toEqual(Array.from({ length: 20 }, (_, i) => ({ respondent: `R${i + 1}`, question: 'Q1' })));
      });

      it('matches a respondent the questionnaire does not know to the participant with that label, as the import does', async () => {
        const familyId = await importFirst(WAVE1);
        const r1 = (await t.ok('participants.list', {})).find((x) => x.label === 'R1')!;
        await t.ok('participants.update', { id: r1.id, label: 'P1' });
        const staged = await stageOne(t, 'wave2.csv', csv([WAVE1[0]!, ['P1', 'Student', 'yes', 'blue']]));
        const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', familyId })) as QuestionnairePreview;
        // New to the questionnaire by id, but P1 (once R1) gave these answers already.
        expect(p.update).toMatchObject({ respondentsAdded: 1, respondentsKnown: 0, answersAdded: 0, answersUnchanged: 2, answersChanged: 0 });
        const report = await run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { ...options(), family: { mode: 'update', familyId } } }]);
        expect(report.files[0]!.questionnaire).toMatchObject({ answersAdded: 0, answersAlreadyImported: 2 });
        expect(report.participantsCreated).toEqual([]);
      });

      it('does not count the chosen id column among the new questions', async () => {
        const familyId = await importFirst(WAVE1);
        const wave2 = [['Person', ...WAVE1[0]!], ...WAVE1.slice(1).map((r) => [`P-${r[0]}`, ...r])];
        const staged = await stageOne(t, 'wave2.csv', csv(wave2));
        const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', familyId, idColumn: 'Person' })) as QuestionnairePreview;
        expect(p.update).toMatchObject({ respondentsAdded: 3, newColumns: 0 });
      });

      it('is not suggested for a table sharing too few of its columns', async () => {
        await importFirst(WAVE1);
        const other = [['id', 'Q1', 'Colour', 'Size', 'Weight'], ['X1', 'yes', 'red', 'big', 'heavy']];
        const staged = await stageOne(t, 'other.csv', csv(other));
        const p = (await preview(t, staged)) as QuestionnairePreview;
        expect(p.suggestedFamilyId).toBeNull();
        expect(p.update).toBeNull();
      });
    });
  });
});
