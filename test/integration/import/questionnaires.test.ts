import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnRole, QuestionnaireOptions, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { makeXlsx, utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne, unitsOf } from './helpers.ts';

const FIRST_EXPORT = [
  'Respondent,Role,Age,Started,Q1. Why did you enrol?,Q2. What should a micro-credential certify?,StartDate',
  'R01,Student,24,2025-03-01,"Employers asked for it, and ""badges"" help.",Specific skills,2025-03-01 10:00',
  'R02,Teacher,41,2025-03-02,,Assessment quality,2025-03-02 11:00',
  'R03,Student,19,02.03.2025,Curiosity,,2025-03-02 12:00',
].join('\r\n');

/** The later export, as the survey tool's Excel download: one more respondent, one more question. */
const LATER_EXPORT = [
  ['Respondent', 'Role', 'Age', 'Started', 'Q1. Why did you enrol?', 'Q2. What should a micro-credential certify?', 'Q3. Where is it recognised?', 'StartDate'],
  ['R01', 'Student', 24, new Date(Date.UTC(2025, 2, 1)), 'Employers asked for it, and "badges" help.', 'Specific skills', 'Only at my employer', '2025-03-01 10:00'],
  ['R02', 'Teacher', 42, new Date(Date.UTC(2025, 2, 2)), 'My dean suggested it', 'Assessment quality', '', '2025-03-02 11:00'],
  ['R03', 'Student', 19, new Date(Date.UTC(2025, 2, 2)), 'Curiosity, mostly', 'Recognition abroad', '', '2025-03-02 12:00'],
  ['R04', 'Employer', 55, new Date(Date.UTC(2025, 3, 9)), 'We fund staff to take them', 'Job-ready skills', 'Across the sector', '2025-04-09 09:00'],
];

describe('importing questionnaires', () => {
  let t: TestHost;
  let sections: Map<string, number>;
  beforeEach(async () => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
    sections = new Map((await t.ok('codes.list', {})).filter((c) => c.parentId === null).map((c) => [c.name, c.id]));
  });
  afterEach(() => t.cleanup());

  const roles = (): ColumnRole[] => [
    { column: 'Role', role: 'attribute', type: 'category' },
    { column: 'Age', role: 'attribute', type: 'number' },
    { column: 'Started', role: 'attribute', type: 'date' },
    { column: 'Q1. Why did you enrol?', role: 'answer', sectionCodeId: sections.get('Why')! },
    { column: 'Q2. What should a micro-credential certify?', role: 'answer', sectionCodeId: sections.get('What')! },
    { column: 'StartDate', role: 'ignore' },
  ];

  async function importFirst() {
    const staged = await stageOne(t, 'survey-march.csv', utf8Bytes(FIRST_EXPORT));
    const options: QuestionnaireOptions = { idColumn: 'Respondent', columns: roles(), family: { mode: 'new', name: 'Learner survey' } };
    return run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: options }]);
  }

  it('previews the first rows with suggested column roles', async () => {
    const staged = await stageOne(t, 'survey-march.csv', utf8Bytes(FIRST_EXPORT));
    expect(staged.suggestedKind).toBe('questionnaire');
    const p = (await preview(t, staged)) as QuestionnairePreview;
    expect(p).toMatchObject({ kind: 'questionnaire', rowCount: 3, suggestedIdColumn: 'Respondent', families: [], respondents: { total: 3, known: 0, problem: null } });
    expect(p.rows[0]![0]).toBe('R01');
    expect(Object.fromEntries(p.columns.map((c) => [c.column, [c.suggestion.role, c.suggestion.type ?? null]]))).toEqual({
      Respondent: ['attribute', 'category'],
      Role: ['attribute', 'category'],
      Age: ['attribute', 'number'],
      Started: ['attribute', 'date'],
      'Q1. Why did you enrol?': ['answer', null],
      'Q2. What should a micro-credential certify?': ['answer', null],
      StartDate: ['ignore', null],
    });
    expect((await t.ok('sources.list', {})).length).toBe(0);
  });

  it('creates participants, typed attributes, questions in their sections and one answer unit per non-empty answer', async () => {
    const report = await importFirst();
    const q = report.files[0]!.questionnaire!;
    expect(q).toMatchObject({ familyName: 'Learner survey', respondents: 3, newRespondents: ['R01', 'R02', 'R03'], answersAdded: 4, emptyAnswersSkipped: 2, questionsAdded: 2 });
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['R01', 'R02', 'R03']);

    const participants = await t.ok('participants.list', {});
    expect(participants.map((p) => [p.label, p.attributes])).toEqual([
      ['R01', { Role: 'Student', Age: 24, Started: '2025-03-01' }],
      ['R02', { Role: 'Teacher', Age: 41, Started: '2025-03-02' }],
      ['R03', { Role: 'Student', Age: 19, Started: '2025-03-02' }],
    ]);
    expect((await t.ok('attributes.list', {})).map((a) => [a.name, a.type])).toEqual([['Role', 'category'], ['Age', 'number'], ['Started', 'date']]);

    const sourceId = report.files[0]!.sourceId!;
    const questions = await t.ok('questions.list', { sourceId });
    expect(questions.map((x) => [x.key, x.text, x.sectionCodeId])).toEqual([
      ['Q1', 'Why did you enrol?', sections.get('Why')],
      ['Q2', 'What should a micro-credential certify?', sections.get('What')],
    ]);
    const { source, units } = await unitsOf(t, sourceId);
    expect(source.kind).toBe('questionnaire');
    expect(units.map((u) => [u.kind, u.participant, u.text])).toEqual([
      ['question', null, 'Q1. Why did you enrol?'],
      ['answer', 'R01', 'Employers asked for it, and "badges" help.'],
      ['answer', 'R03', 'Curiosity'],
      ['question', null, 'Q2. What should a micro-credential certify?'],
      ['answer', 'R01', 'Specific skills'],
      ['answer', 'R02', 'Assessment quality'],
    ]);
    // Each answer unit spans the answer only; the respondent label before it stays uncoded.
    expect(source.text).toContain('\n\nR03: Curiosity\n\n');
  });

  it('adds only new respondents and answers from a later export, linked to the same questions, and reports what changed', async () => {
    const first = await importFirst();
    const firstSource = await t.ok('sources.get', { id: first.files[0]!.sourceId! });
    const familyId = first.files[0]!.questionnaire!.familyId;

    const staged = await stageOne(t, 'survey-april.xlsx', await makeXlsx(LATER_EXPORT));
    const p = (await preview(t, staged)) as QuestionnairePreview;
    // The family is recognised from its headers, and last time's roles are offered again.
    expect(p.suggestedFamilyId).toBe(familyId);
    expect(p.respondents).toMatchObject({ idColumn: 'Respondent', total: 4, known: 3 });
    const byColumn = new Map(p.columns.map((c) => [c.column, c]));
    expect(byColumn.get('Age')!.suggestion).toMatchObject({ role: 'attribute', type: 'number' });
    expect(byColumn.get('Q1. Why did you enrol?')!.existingQuestion).toMatchObject({ key: 'Q1', sectionCodeId: sections.get('Why') });
    expect(byColumn.get('Q3. Where is it recognised?')!.existingQuestion).toBeNull();

    const columns: ColumnRole[] = [...roles(), { column: 'Q3. Where is it recognised?', role: 'answer', sectionCodeId: sections.get('Where')! }];
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { idColumn: 'Respondent', columns, family: { mode: 'update', familyId } } }]);
    const q = report.files[0]!.questionnaire!;
    expect(q).toMatchObject({
      familyId,
      newRespondents: ['R04'],
      answersAdded: 6,
      answersAlreadyImported: 3,
      answersChanged: [{ respondent: 'R03', question: 'Q1' }],
      questionsAdded: 1,
      attributeValuesChanged: 1,
    });
    expect(report.participantsCreated.map((x) => x.label)).toEqual(['R04']);
    expect((await t.ok('participants.list', {})).find((x) => x.label === 'R02')!.attributes['Age']).toBe(42);

    // The earlier source is untouched; the new one holds only the new answers.
    expect(await t.ok('sources.get', { id: firstSource.id })).toEqual(firstSource);
    const { units } = await unitsOf(t, report.files[0]!.sourceId!);
    expect(units.map((u) => [u.kind, u.participant, u.text])).toEqual([
      ['question', null, 'Q1. Why did you enrol?'],
      ['answer', 'R02', 'My dean suggested it'],
      ['answer', 'R04', 'We fund staff to take them'],
      ['question', null, 'Q2. What should a micro-credential certify?'],
      ['answer', 'R03', 'Recognition abroad'],
      ['answer', 'R04', 'Job-ready skills'],
      ['question', null, 'Q3. Where is it recognised?'],
      ['answer', 'R01', 'Only at my employer'],
      ['answer', 'R04', 'Across the sector'],
    ]);
    // Answers to one question point at one question, whichever export brought them.
    const db = t.host.current!.db.raw;
    const perQuestion = db.prepare(`SELECT q.key, count(*) AS n, count(DISTINCT u.source_id) AS sources FROM units u JOIN questions q ON q.id = u.question_id
      WHERE u.kind = 'answer' GROUP BY q.id ORDER BY q.key`).all();
    expect(perQuestion).toEqual([{ key: 'Q1', n: 4, sources: 2 }, { key: 'Q2', n: 4, sources: 2 }, { key: 'Q3', n: 2, sources: 1 }]);
    const duplicates = db.prepare(`SELECT count(*) AS n FROM (SELECT participant_id, question_id FROM units WHERE kind = 'answer' GROUP BY 1, 2 HAVING count(*) > 1)`).get();
    expect(duplicates).toEqual({ n: 0 });

    // The same export again brings nothing: no new source.
    const again = await stageOne(t, 'survey-april.xlsx', await makeXlsx(LATER_EXPORT));
    const third = await run(t, [{ stagedId: again.stagedId, kind: 'questionnaire', questionnaire: { idColumn: 'Respondent', columns, family: { mode: 'update', familyId } } }]);
    expect(third.files[0]).toMatchObject({ sourceId: null, units: 0, questionnaire: { answersAdded: 0, answersAlreadyImported: 9, newRespondents: [] } });
    expect((await t.ok('sources.list', { kind: 'questionnaire' })).length).toBe(2);
  });

  it('matches a respondent to its participant after the label was renamed', async () => {
    const first = await importFirst();
    const r01 = (await t.ok('participants.list', {})).find((p) => p.label === 'R01')!;
    await t.ok('participants.update', { id: r01.id, label: 'PA' });
    const staged = await stageOne(t, 'later.xlsx', await makeXlsx(LATER_EXPORT));
    const columns: ColumnRole[] = [...roles(), { column: 'Q3. Where is it recognised?', role: 'answer' }];
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { idColumn: 'Respondent', columns, family: { mode: 'update', familyId: first.files[0]!.questionnaire!.familyId } } }]);
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['R04']);
    const { units } = await unitsOf(t, report.files[0]!.sourceId!);
    expect(units.find((u) => u.text === 'Only at my employer')).toMatchObject({ participant: 'PA', speaker: 'R01' });
  });

  it('undoes a whole questionnaire import as one step', async () => {
    const before = await t.ok('participants.list', {});
    await importFirst();
    const undone = await t.ok('undo.undo', {});
    expect(undone.label).toBe('Import ‘survey-march.csv’');
    expect(await t.ok('participants.list', {})).toEqual(before);
    expect(await t.ok('sources.list', {})).toEqual([]);

    // Redo brings the questionnaire back with its family, so a later export still matches it.
    await t.ok('undo.redo', {});
    const staged = await stageOne(t, 'later.xlsx', await makeXlsx(LATER_EXPORT));
    const p = (await preview(t, staged)) as QuestionnairePreview;
    expect(p.families.map((f) => [f.name, f.respondents])).toEqual([['Learner survey', 3]]);
    expect(p.columns.find((c) => c.column.startsWith('Q1'))!.existingQuestion).toMatchObject({ key: 'Q1' });
  });
});
