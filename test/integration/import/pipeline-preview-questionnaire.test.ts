import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionnaireOptions, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { csvText, qualtricsCsv, qualtricsRows } from '../../helpers/survey-exports.ts';
import { preview, previewQuestionnaire, run, stageOne } from './helpers.ts';

/** A sheet saved from Excel as "CSV UTF-8": byte order mark, CRLF. */
const excelCsv = (rows: string[][]) => utf8Bytes(csvText(rows), true);

describe('the import preview of a questionnaire: ids, samples and what the project knows', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  const ask = (stagedId: string, extra: { idColumn?: string; familyId?: number | null } = {}) => previewQuestionnaire(t, stagedId, extra);

  async function importWave1(rows: string[][], options: Omit<QuestionnaireOptions, 'family'>) {
    const staged = await stageOne(t, 'wave1.csv', excelCsv(rows));
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { ...options, family: { mode: 'new', name: 'Staff survey' } } }]);
    return report.files[0]!.questionnaire!.familyId;
  }
  const WAVE1 = [
    ['id', 'Role', 'Q1', 'Q2'],
    ['R1', 'Teacher', 'The workload', 'More time'],
    ['R2', 'Librarian', 'Colleagues', ''],
    ['R3', 'Teacher', 'Students', 'Fewer forms'],
  ];
  const WAVE1_OPTIONS: Omit<QuestionnaireOptions, 'family'> = { idColumn: 'id', columns: [{ column: 'Role', role: 'attribute', type: 'category' }, { column: 'Q1', role: 'answer' }, { column: 'Q2', role: 'answer' }] };

  it('reads ids as the import does, stray spaces and all: a spaced copy of an id repeats it, a blank one is empty', async () => {
    const repeated = await stageOne(t, 'typed.csv', excelCsv([['id', 'Role', 'Q1'], ['R1', 'Teacher', 'Yes'], ['R2', 'Teacher', 'No'], ['R1 ', 'Librarian', 'Maybe']]));
    expect((await ask(repeated.stagedId, { idColumn: 'id' })).respondents.problem).toBe('typed.csv, row 4, column "id": respondent id "R1" already appears in row 2');
    const blank = await stageOne(t, 'blank.csv', excelCsv([['id', 'Role', 'Q1'], ['R1', 'Teacher', 'Yes'], ['  ', 'Teacher', 'No']]));
    expect((await ask(blank.stagedId, { idColumn: 'id' })).respondents.problem).toBe('blank.csv, row 3, column "id": the respondent id is empty');
  });

  it('says before the import that an id is too long to become a participant label', async () => {
    const email = 'a.very.long.address.for.a.respondent@university.example.org';
    const staged = await stageOne(t, 'emails.csv', excelCsv([['id', 'Q1'], ['R1', 'Yes'], [email, 'No']]));
    expect((await ask(staged.stagedId, { idColumn: 'id' })).respondents.problem).toBe(
      'emails.csv, row 3, column "id": respondent id "a.very.long.address.…" is longer than 40 characters, too long for a participant label',
    );
  });

  it('knows respondents of a later export whose ids picked up spaces in a spreadsheet', async () => {
    const familyId = await importWave1(WAVE1, WAVE1_OPTIONS);
    const wave2 = [WAVE1[0]!, ['R1', 'Teacher', 'The workload', 'More time'], ['R2 ', 'Librarian', 'Colleagues', ''], [' R3', 'Teacher', 'Students', 'Fewer forms'], ['R4', 'Teacher', 'Parents', '']];
    const p = await ask((await stageOne(t, 'wave2.csv', excelCsv(wave2))).stagedId, { familyId });
    expect(p.respondents).toEqual({ idColumn: 'id', total: 4, known: 3, problem: null });
    expect(p.update).toMatchObject({ respondentsKnown: 3, respondentsAdded: 1, answersUnchanged: 5, answersAdded: 1, answersChanged: 0 });
  });

  it('knows a respondent of the questionnaire whose participant was renamed since', async () => {
    const familyId = await importWave1(WAVE1, WAVE1_OPTIONS);
    const r1 = (await t.ok('participants.list', {})).find((x) => x.label === 'R1')!;
    await t.ok('participants.update', { id: r1.id, label: 'Teacher A' });
    const p = (await preview(t, await stageOne(t, 'wave2.csv', excelCsv(WAVE1)))) as QuestionnairePreview;
    expect(p.suggestedFamilyId).toBe(familyId);
    // R1 is no participant's label any more, but the questionnaire remembers whose answers R1 gave.
    expect(p.respondents).toEqual({ idColumn: 'id', total: 3, known: 3, problem: null });
    expect(p.update).toMatchObject({ respondentsKnown: 3, respondentsAdded: 0, answersUnchanged: 5, answersAdded: 0, answersChanged: 0 });
  });

  it('shows samples from the answers given, skipping respondents who left the question blank', async () => {
    const rows = [['id', 'Role', 'Anything else?'], ['R1', 'Teacher', ''], ['R2', 'Teacher', ' '], ['R3', 'Librarian', 'More training'], ['R4', 'Teacher', 'Less email'], ['R5', 'Teacher', 'No']];
    const p = (await preview(t, await stageOne(t, 'staff.csv', excelCsv(rows)))) as QuestionnairePreview;
    expect(p.columns.find((c) => c.column === 'Anything else?')).toMatchObject({ filled: 3, samples: ['More training', 'Less email', 'No'] });
  });

  describe('a feedback form with no respondent id', () => {
    const FEEDBACK = [
      ['Course', 'What worked well?', 'What could be better?'],
      ['BIO101', 'The weekly quizzes kept me on track.', 'More worked examples in the lectures.'],
      ['BIO101', 'Lab sessions were well organised and friendly.', 'Slides could be shared before class.'],
      ['CHE110', 'The tutor explained things very clearly.', 'The exam came too soon after the break.'],
    ];

    it('suggests no id column and reports no problem until one is chosen', async () => {
      const p = (await preview(t, await stageOne(t, 'feedback.csv', excelCsv(FEEDBACK)))) as QuestionnairePreview;
      expect(p.suggestedIdColumn).toBeNull();
      expect(p.respondents).toEqual({ idColumn: null, total: 3, known: 0, problem: null });
      expect(p.update).toBeNull();
    });

    it('has no update for a questionnaire in the project until its id column is chosen', async () => {
      const named = [['Student', ...FEEDBACK[0]!], ...FEEDBACK.slice(1).map((r, i) => [`S${i + 1}`, ...r])];
      const familyId = await importWave1(named, {
        idColumn: 'Student',
        columns: [{ column: 'Course', role: 'attribute', type: 'category' }, { column: 'What worked well?', role: 'answer' }, { column: 'What could be better?', role: 'answer' }],
      });
      // The next term's form was anonymous: no Student column.
      const p = await ask((await stageOne(t, 'feedback-spring.csv', excelCsv(FEEDBACK))).stagedId, { familyId });
      expect(p.suggestedIdColumn).toBeNull();
      expect(p.respondents).toEqual({ idColumn: null, total: 3, known: 0, problem: null });
      expect(p.update).toBeNull();
    });
  });

  describe('a later export, offered the roles and id column chosen last time', () => {
    // Microsoft Forms numbers responses 1, 2, 3… in each download; the study's own code is the stable id.
    const WAVE1_CODES = [
      ['ID', 'Participant code', 'Role', 'What helped most?'],
      ['1', 'P-01', 'Teacher', 'Time with a mentor'],
      ['2', 'P-02', 'Librarian', 'The online course'],
    ];
    const OPTIONS: Omit<QuestionnaireOptions, 'family'> = {
      idColumn: 'Participant code',
      columns: [{ column: 'ID', role: 'ignore' }, { column: 'Role', role: 'ignore' }, { column: 'What helped most?', role: 'answer', sectionCodeId: null }],
    };
    const WAVE2 = [WAVE1_CODES[0]!, ['1', 'P-02', 'Librarian', 'The online course'], ['2', 'P-03', 'Teacher', 'Peer observation'], ['3', 'P-01', 'Teacher', 'Time with a mentor']];

    it('offers the family’s id column and column roles again', async () => {
      const familyId = await importWave1(WAVE1_CODES, OPTIONS);
      const staged = await stageOne(t, 'wave2.csv', excelCsv(WAVE2));
      const p = (await preview(t, staged)) as QuestionnairePreview;
      expect(p.suggestedFamilyId).toBe(familyId);
      expect(p.suggestedIdColumn).toBe('Participant code');
      expect(p.respondents).toEqual({ idColumn: 'Participant code', total: 3, known: 2, problem: null });
      expect(Object.fromEntries(p.columns.map((c) => [c.column, c.suggestion]))).toEqual({
        ID: { column: 'ID', role: 'ignore' },
        // The id column itself is left out of the roles the dialog sends.
        'Participant code': { column: 'Participant code', role: 'attribute', type: 'category' },
        Role: { column: 'Role', role: 'ignore' },
        'What helped most?': { column: 'What helped most?', role: 'answer', sectionCodeId: null },
      });
      expect(p.update).toMatchObject({ respondentsKnown: 2, respondentsAdded: 1, answersUnchanged: 2, answersAdded: 1 });
    });

    it('offers fresh guesses when the dialog says the file is a new questionnaire', async () => {
      await importWave1(WAVE1_CODES, OPTIONS);
      const p = await ask((await stageOne(t, 'wave2.csv', excelCsv(WAVE2))).stagedId, { familyId: null });
      expect(p.suggestedIdColumn).toBe('ID');
      expect(p.columns.find((c) => c.column === 'Role')!.suggestion).toEqual({ column: 'Role', role: 'attribute', type: 'category' });
      expect(p.update).toBeNull();
    });
  });

  it('takes the numbers of a survey tool’s "numeric values" export for choices, not quantities', async () => {
    const p = (await preview(t, await stageOne(t, 'micro-credentials.csv', qualtricsCsv(qualtricsRows('numeric'))))) as QuestionnairePreview;
    expect(p.columns.find((c) => c.column === 'Q2_1')!.suggestion).toEqual({ column: 'Q2_1', role: 'attribute', type: 'category' });
  });
});
