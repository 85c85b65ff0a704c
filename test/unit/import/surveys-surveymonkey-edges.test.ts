/**
 * SurveyMonkey's "All responses" export beyond the common case: every respondent field, custom
 * data, which columns hold typed text, the numerical-values export, and tables that only
 * resemble it.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { ANSWERS, columnOf, SURVEYMONKEY_IDS, surveyMonkeyRows, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

const read = (rows: string[][]): SurveyTable => surveyTableOfRows('sm.csv', rows);
const col = columnOf;
/** The fixture without some of its columns (by index). */
const without = (rows: string[][], drop: number[]) => rows.map((r) => r.filter((_, i) => !drop.includes(i)));

describe('SurveyMonkey respondent fields', () => {
  it('marks every respondent field as metadata, the identifying ones flagged, and custom data as embedded', () => {
    const t = read(surveyMonkeyRows());
    const v = (key: string) => [key, col(t, key).origin, col(t, key).identifying];
    expect(['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name'].map(v)).toEqual([
      ['Respondent ID', 'respondent-id', null],
      ['Collector ID', 'metadata', null],
      ['Start Date', 'metadata', null],
      ['End Date', 'metadata', null],
      ['IP Address', 'metadata', 'IP address'],
      ['Email Address', 'metadata', 'e-mail address'],
      ['First Name', 'metadata', 'name'],
      ['Last Name', 'metadata', 'name'],
    ]);
    expect(col(t, 'Custom Data 1')).toMatchObject({ origin: 'embedded', option: null, group: null, answers: null });
  });

  it('recognises an export without the collector id by its start date', () => {
    const t = read(without(surveyMonkeyRows(), [1]));
    expect(t.survey).toEqual({ platform: 'surveymonkey', layout: 'all responses, actual answer text', headerRows: 2, notes: [] });
    expect(t.rows.map((r) => r[0])).toEqual([...SURVEYMONKEY_IDS]);
  });

  it('does not recognise a respondent id alone', () => {
    const t = read(without(surveyMonkeyRows(), [1, 2, 3]));
    expect(t.survey).toBeNull();
  });

  it('leaves a one-header-row table with SurveyMonkey’s field names as it is, its first respondent kept', () => {
    const t = read([
      ['Respondent ID', 'Collector ID', 'Start Date', WHY],
      [SURVEYMONKEY_IDS[0], '405188223', '03/04/2025 09:12:01 AM', ANSWERS.first],
      [SURVEYMONKEY_IDS[1], '405188223', '03/05/2025 02:02:10 PM', ANSWERS.second],
    ]);
    expect(t.survey).toBeNull();
    expect(t.rows.map((r) => r[0])).toEqual([...SURVEYMONKEY_IDS]);
  });

  it('does not take a blank second row for SurveyMonkey’s option labels', () => {
    const rows = surveyMonkeyRows();
    const t = read([rows[0]!, rows[0]!.map(() => ''), ...rows.slice(2)]);
    expect(t.survey).toBeNull();
  });

  it('refuses the two header rows without responses, naming SurveyMonkey', () => {
    expect(() => read(surveyMonkeyRows().slice(0, 2))).toThrow('sm.csv has the 2 header rows of a SurveyMonkey export but no responses below them');
  });
});

describe('SurveyMonkey questions', () => {
  it('says which columns hold typed text (open-ended, “other”, comments) and which a choice', () => {
    const rows = surveyMonkeyRows();
    const t = read([
      [...rows[0]!, 'Any other feedback?', 'Rate the venue', '', 'What did you give?', '', 'Rate the food', ''],
      [...rows[1]!, 'Response', 'Rating', 'Comments', 'Marks', 'Written comments', 'Rating', 'Comment'],
      [...rows[2]!, 'No', '4', 'Too cold', 'Marks', '', '3', 'Bland'],
      [...rows[3]!, 'Yes', '5', '', '', 'Written comments', '4', ''],
    ]);
    const answers = (key: string) => [key, col(t, key).answers];
    expect([
      'What is your role?', 'What is your role? [Other (please specify)]', 'Which formats have you taken? (Select all that apply) [Online course]', WHY,
      'How satisfied are you with: [Teaching]', 'Any other feedback?', 'Rate the venue [Rating]', 'Rate the venue [Comments]',
      'What did you give? [Written comments]', 'Rate the food [Comment]',
    ].map(answers)).toEqual([
      ['What is your role?', 'choice'],
      ['What is your role? [Other (please specify)]', 'text'],
      ['Which formats have you taken? (Select all that apply) [Online course]', 'choice'],
      [WHY, 'text'],
      ['How satisfied are you with: [Teaching]', 'choice'],
      ['Any other feedback?', 'choice'],
      ['Rate the venue [Rating]', 'choice'],
      ['Rate the venue [Comments]', 'text'],
      ['What did you give? [Written comments]', 'choice'],
      ['Rate the food [Comment]', 'text'],
    ]);
  });

  it('names a question whose heading is blank by its column, and its own column is no option', () => {
    const rows = without(surveyMonkeyRows(), [8]);
    // A question without a title (only an image) right after the respondent fields.
    const t = read(rows.map((r, i) => [...r.slice(0, 8), ['', 'Response', 'Yes', 'No'][i]!, ...r.slice(8)]));
    expect(t.header[8]).toBe('Column 9');
    expect(col(t, 'Column 9')).toMatchObject({ question: 'Column 9', option: null, group: null, origin: 'question', answers: 'choice' });
    expect(t.rows.map((r) => r[8])).toEqual(['Yes', 'No']);
    expect(col(t, 'What is your role?').question).toBe('What is your role?');
  });

  it('gives two questions with the same text their own keys', () => {
    const rows = surveyMonkeyRows();
    const t = read([[...rows[0]!, WHY], [...rows[1]!, 'Open-Ended Response'], [...rows[2]!, 'Again'], [...rows[3]!, '']]);
    expect(t.header.filter((h) => h.startsWith(WHY))).toEqual([WHY, `${WHY} (2)`]);
    expect(t.rows[0]![t.header.indexOf(`${WHY} (2)`)]).toBe('Again');
  });

  it('calls an export of the choices’ numbers “numerical values”, though typed text sits beside them', () => {
    const rows = surveyMonkeyRows();
    const numeric = [rows[0]!, rows[1]!,
      // Nobody took a workshop: its column is blank.
      [...rows[2]!.slice(0, 9), '1', '', '1', '', '3', ANSWERS.first, '4', '5'],
      [...rows[3]!.slice(0, 9), '5', 'Librarian', '', '', '', ANSWERS.second, '3', '4']];
    expect(read(numeric).survey?.layout).toBe('all responses, numerical values');
    expect(read(rows).survey?.layout).toBe('all responses, actual answer text');
    // Answer text with a blank in every choice column is still answer text.
    const gaps = rows.map((r, n) => (n === 3 ? r.map((c, i) => (i >= 15 ? '' : c)) : r));
    expect(read(gaps).survey?.layout).toBe('all responses, actual answer text');
  });
});
