/**
 * planQuestionnaire: the column roles a researcher chose in the Import dialog, checked against
 * the file's header, and every row read into respondents (questionnaire-plan.ts). What the
 * dialog shows when a choice is wrong is the ApiFailure's message and the field it points at.
 */
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ColumnRole } from '../../../shared/domain/import-types.ts';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { column, type SurveyTable } from '../../../electron/backend/import/parsers/survey/columns.ts';
import { planQuestionnaire } from '../../../electron/backend/import/pipeline/questionnaire-plan.ts';
import { thrownBy } from '../../helpers/errors.ts';

function table(header: string[], rows: string[][], extra: Partial<SurveyTable> = {}): SurveyTable {
  return { header, rows, rowNumbers: rows.map((_, i) => i + 2), survey: null, columns: header.map((h) => column(h)), ...extra };
}

const HEADER = ['Respondent', 'Q1. Why did you enrol?', 'Q2. What changed?', 'Age', 'Joined'];
const ROWS = [
  ['R1', 'For the people.', 'Everything.', '34', '2021-03-04'],
  ['R2', '', 'My routine', '41,5', '4.5.2022'],
];
const answers: ColumnRole[] = [
  { column: 'Q1. Why did you enrol?', role: 'answer' },
  { column: 'Q2. What changed?', role: 'answer', sectionCodeId: 7 },
];

const refusal = (run: () => unknown) => thrownBy(ApiFailure, run);
const importError = (run: () => unknown) => thrownBy(ImportError, run);

describe('the plan of a questionnaire', () => {
  it('reads respondents with their answers and typed attributes, in the order of the roles', () => {
    const plan = planQuestionnaire(
      table(HEADER, ROWS),
      'survey.csv',
      { idColumn: 'Respondent', columns: [...answers, { column: 'Age', role: 'attribute', type: 'number' }, { column: 'Joined', role: 'attribute', type: 'date' }] },
      'files.0.questionnaire',
    );
    expect(plan.answerColumns).toEqual([
      { header: 'Q1. Why did you enrol?', index: 1, key: 'Q1', text: 'Why did you enrol?', sectionCodeId: null },
      { header: 'Q2. What changed?', index: 2, key: 'Q2', text: 'What changed?', sectionCodeId: 7 },
    ]);
    expect(plan.attributeColumns).toEqual([
      { header: 'Age', index: 3, type: 'number', name: 'Age' },
      { header: 'Joined', index: 4, type: 'date', name: 'Joined' },
    ]);
    expect(plan.respondents).toEqual([
      { row: 2, id: 'R1', answers: ['For the people.', 'Everything.'], attributes: ['34', '2021-03-04'] },
      { row: 3, id: 'R2', answers: [null, 'My routine'], attributes: ['41.5', '2022-05-04'] },
    ]);
    expect(plan.emptyAnswers).toBe(1);
    expect(plan.identifying).toEqual([]);
  });

  it('numbers questions without a key by their place among the answers, not in the file', () => {
    const plan = planQuestionnaire(
      table(['id', 'Age', 'Why did you enrol?', 'What changed?'], [['a', '1', 'x', 'y']]),
      's.csv',
      { idColumn: 'id', columns: [{ column: 'Age', role: 'attribute' }, { column: 'What changed?', role: 'answer' }, { column: 'Why did you enrol?', role: 'answer' }] },
      'f',
    );
    expect(plan.answerColumns.map((c) => [c.key, c.text])).toEqual([
      ['Q1', 'What changed?'],
      ['Q2', 'Why did you enrol?'],
    ]);
    // An attribute without a type is text.
    expect(plan.attributeColumns[0]!.type).toBe('text');
  });

  it('finds columns whatever the case of their header, and ignores what is marked ignore', () => {
    const plan = planQuestionnaire(
      table(HEADER, ROWS),
      's.csv',
      { idColumn: ' respondent ', columns: [{ column: 'Not in the file', role: 'ignore' }, { column: 'q2. WHAT CHANGED?', role: 'answer' }] },
      'f',
    );
    expect(plan.answerColumns.map((c) => c.header)).toEqual(['Q2. What changed?']);
    expect(plan.respondents.map((r) => r.id)).toEqual(['R1', 'R2']);
  });

  it('lists the columns imported that can identify a person, in the order of the file', () => {
    const header = ['id', 'Email', 'Name', 'Q1', 'Age'];
    const columns = [column('id'), column('Email', { identifying: 'email' }), column('Name', { identifying: 'name' }), column('Q1'), column('Age')];
    const plan = planQuestionnaire(
      table(header, [['7', 'a@x.org', 'Ann', 'yes', '3']], { columns }),
      's.csv',
      { idColumn: 'id', columns: [{ column: 'Age', role: 'attribute' }, { column: 'Name', role: 'attribute' }, { column: 'Q1', role: 'answer' }, { column: 'Email', role: 'attribute' }] },
      'f',
    );
    expect(plan.identifying).toEqual(['Email', 'Name']);
  });

  it('takes the row numbers the file gave, and counts from the header where it gave none', () => {
    const given = planQuestionnaire(table(HEADER, ROWS, { rowNumbers: [5, 9] }), 's.csv', { idColumn: 'Respondent', columns: answers }, 'f');
    expect(given.respondents.map((r) => r.row)).toEqual([5, 9]);
    const none = planQuestionnaire(table(HEADER, ROWS, { rowNumbers: [] }), 's.csv', { idColumn: 'Respondent', columns: answers }, 'f');
    expect(none.respondents.map((r) => r.row)).toEqual([2, 3]);
  });

  it('leaves an attribute empty where its cell is blank or missing', () => {
    const plan = planQuestionnaire(
      table(['id', 'Age', 'Q'], [['a', '   ', 'x'], ['b']]),
      's.csv',
      { idColumn: 'id', columns: [{ column: 'Age', role: 'attribute', type: 'number' }, { column: 'Q', role: 'answer' }] },
      'f',
    );
    expect(plan.respondents.map((r) => [r.attributes, r.answers])).toEqual([
      [[null], ['x']],
      [[null], [null]],
    ]);
    expect(plan.emptyAnswers).toBe(1);
  });
});

describe('roles the plan refuses, with the field the dialog marks', () => {
  it('names a column that is not in the file, listing the ones that are', () => {
    const e = refusal(() => planQuestionnaire(table(['id', 'Q1'], [['a', 'x']]), 'survey.csv', { idColumn: 'ID number', columns: [] }, 'files.2.questionnaire'));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('survey.csv: there is no column "ID number" (the columns are "id", "Q1")');
    expect(e.field).toBe('files.2.questionnaire.idColumn');
    const answer = refusal(() => planQuestionnaire(table(['id', 'Q1'], [['a', 'x']]), 'survey.csv', { idColumn: 'id', columns: [{ column: 'Q1', role: 'answer' }, { column: 'Q9', role: 'answer' }] }, 'q'));
    expect(answer.field).toBe('q.columns.1.column');
  });

  it('refuses a header used by two columns', () => {
    const e = refusal(() => planQuestionnaire(table(['id', 'Comment', 'comment'], [['a', 'x', 'y']]), 's.csv', { idColumn: 'id', columns: [{ column: 'Comment', role: 'answer' }] }, 'q'));
    expect(e.message).toBe('s.csv: 2 columns are headed "Comment"; rename them in the file so each header is unique');
    expect(e.field).toBe('q.columns.0.column');
  });

  it('refuses the id column as an answer or an attribute, saying which', () => {
    const asAnswer = refusal(() => planQuestionnaire(table(HEADER, ROWS), 's.csv', { idColumn: 'Respondent', columns: [answers[0]!, { column: 'Respondent', role: 'answer' }] }, 'q'));
    expect(asAnswer.message).toBe('s.csv: "Respondent" is the respondent id column; it cannot also be an answer');
    expect(asAnswer.field).toBe('q.columns.1.role');
    const asAttribute = refusal(() => planQuestionnaire(table(HEADER, ROWS), 's.csv', { idColumn: 'Respondent', columns: [{ column: 'respondent', role: 'attribute' }] }, 'q'));
    expect(asAttribute.message).toBe('s.csv: "respondent" is the respondent id column; it cannot also be an attribute');
  });

  it('refuses a column given two roles', () => {
    const e = refusal(() =>
      planQuestionnaire(table(HEADER, ROWS), 's.csv', { idColumn: 'Respondent', columns: [{ column: 'Age', role: 'attribute' }, answers[0]!, { column: 'AGE', role: 'answer' }] }, 'q'),
    );
    expect(e.message).toBe('s.csv: column "AGE" is given a role twice');
    expect(e.field).toBe('q.columns.2.column');
  });

  it('refuses two columns that would become one attribute, whatever the case', () => {
    const header = ['id', 'Team (2023)', 'Team (2024)'];
    const columns = [column('id'), column('Team (2023)', { question: 'Team' }), column('Team (2024)', { question: 'team' })];
    const e = refusal(() =>
      planQuestionnaire(
        table(header, [['a', 'x', 'y']], { columns }),
        's.csv',
        { idColumn: 'id', columns: [{ column: 'Team (2023)', role: 'attribute' }, { column: 'Team (2024)', role: 'attribute' }] },
        'q',
      ),
    );
    expect(e.message).toBe('s.csv: columns "Team (2023)" and "Team (2024)" would both become the attribute "team"; import one of them only');
    expect(e.field).toBe('q.columns');
  });

  it('refuses a plan with nothing to import besides the id', () => {
    const e = refusal(() => planQuestionnaire(table(HEADER, ROWS), 's.csv', { idColumn: 'Respondent', columns: [{ column: 'Age', role: 'ignore' }] }, 'q'));
    expect(e.message).toBe('s.csv: choose at least one column of answers or attributes to import');
    expect(e.field).toBe('q.columns');
  });
});

describe('rows the plan refuses, naming the row and column', () => {
  it('refuses an empty respondent id', () => {
    const e = importError(() => planQuestionnaire(table(HEADER, [ROWS[0]!, [' ', 'a', 'b', '1', '']]), 'survey.csv', { idColumn: 'Respondent', columns: answers }, 'q'));
    expect(e.message).toBe('survey.csv, row 3, column "Respondent": the respondent id is empty');
  });

  it('refuses a respondent id that appears twice, whatever its case or spaces', () => {
    const e = importError(() => planQuestionnaire(table(HEADER, [ROWS[0]!, ROWS[1]!, [' r1 ', 'a', 'b', '1', '']]), 'survey.csv', { idColumn: 'Respondent', columns: answers }, 'q'));
    expect(e.message).toBe('survey.csv, row 4, column "Respondent": respondent id "r1" already appears in row 2; each row must be a different respondent');
  });

  it('refuses an id longer than a participant label may be, and takes one of exactly that length', () => {
    const long = 'x'.repeat(41);
    const e = importError(() => planQuestionnaire(table(HEADER, [ROWS[0]!, [long, 'a', 'b', '1', '']]), 'survey.csv', { idColumn: 'Respondent', columns: answers }, 'q'));
    expect(e.message).toBe(`survey.csv, row 3, column "Respondent": respondent id "${'x'.repeat(20)}…" is longer than 40 characters, too long for a participant label`);
    const fits = planQuestionnaire(table(HEADER, [ROWS[0]!, ['y'.repeat(40), 'a', 'b', '1', '']]), 'survey.csv', { idColumn: 'Respondent', columns: answers }, 'q');
    expect(fits.respondents[1]!.id).toBe('y'.repeat(40));
  });

  it('refuses a cell that is not of its attribute type, saying the type', () => {
    const e = importError(() =>
      planQuestionnaire(table(HEADER, ROWS), 'survey.csv', { idColumn: 'Respondent', columns: [{ column: 'Joined', role: 'attribute', type: 'number' }] }, 'q'),
    );
    expect(e.message).toBe('survey.csv, row 2, column "Joined": "2021-03-04" is not a number (the column is imported as a number attribute)');
  });
});
