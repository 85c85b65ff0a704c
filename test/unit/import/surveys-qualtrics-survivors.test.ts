/**
 * Qualtrics exports read as a researcher would check them: options whose text says "Text",
 * author-named columns without their import ids, a legacy question text ending in a space,
 * files of header rows alone, and Loop & Merge questions.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { columnOf, qualtricsRows, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

const read = (rows: string[][]): SurveyTable => surveyTableOfRows('survey.csv', rows);
const col = columnOf;
const iid = (id: string) => JSON.stringify({ ImportId: id });

/** A column to add to the fixture: column id, text, import id, first and second respondent's answers. */
type Extra = [key: string, text: string, importId: string, first: string, second: string];
const withColumns = (extra: Extra[], rows = qualtricsRows()): string[][] => rows.map((r, i) => [...r, ...extra.map((e) => e[i]!)]);

describe('Qualtrics options', () => {
  it('keeps options that say “Text” whole: only a text entry’s “- Text” ending is the box, not its option', () => {
    const contact = 'How would you like us to contact you?';
    const formats = 'Which formats do you need?';
    const t = read(withColumns([
      ['Q6_1', `${contact} - Email`, iid('QID6_1'), 'Email', ''],
      ['Q6_2', `${contact} - Text message`, iid('QID6_2'), '', 'Text message'],
      ['Q6_3', `${contact} - Phone - Text or call`, iid('QID6_3'), '', ''],
      ['Q7_1', `${formats} - Audio`, iid('QID7_1'), 'Audio', ''],
      ['Q7_2', `${formats} - Large Text`, iid('QID7_2'), '', 'Large Text'],
    ]));
    expect(['Q6_1', 'Q6_2', 'Q6_3', 'Q7_1', 'Q7_2'].map((k) => [k, col(t, k).question, col(t, k).option, col(t, k).group])).toEqual([
      ['Q6_1', contact, 'Email', 'QID6'],
      ['Q6_2', contact, 'Text message', 'QID6'],
      ['Q6_3', contact, 'Phone - Text or call', 'QID6'],
      ['Q7_1', formats, 'Audio', 'QID7'],
      ['Q7_2', formats, 'Large Text', 'QID7'],
    ]);
    // The fixture's text entry still loses its "- Text".
    expect(col(t, 'Q3_4_TEXT').option).toBe('Other (please specify)');
  });
});

describe('Qualtrics exports without their import ids', () => {
  it('does not take an author-named column whose id contains “_text” for a text entry', () => {
    const rows = withColumns([['course_textbook', 'Which textbook did you use?', iid('QID9'), 'Open Learning Reader', 'Field Guide']]);
    // The import ids row was cut by hand.
    const t = read([rows[0]!, rows[1]!, ...rows.slice(3)]);
    expect(t.survey).toMatchObject({ platform: 'qualtrics', headerRows: 2, notes: [expect.stringContaining('import ids (third header row)')] });
    expect(col(t, 'course_textbook')).toMatchObject({ question: 'Which textbook did you use?', origin: 'question', answers: null });
    // A column id ending in _TEXT is a text entry.
    expect(col(t, 'Q3_4_TEXT').answers).toBe('text');
  });
});

describe('Qualtrics legacy export', () => {
  it('names a multi-column question without the space its author left at the end of its text', () => {
    const fields = ['ResponseID', 'ResponseSet', 'StartDate', 'EndDate', 'Finished'];
    const question = 'How satisfied are you with the following?';
    const t = read([
      [...fields.map((_, i) => `V${i + 1}`), 'Q1', 'Q2_1', 'Q2_2'],
      [...fields, WHY, `${question} -Teaching`, `${question} -Assessment`],
      ['R_1', 'Default Response Set', '2015-03-04 09:12:01', '2015-03-04 09:20:45', '1', 'For the skills', 'Satisfied', 'Very satisfied'],
    ]);
    expect(t.survey).toMatchObject({ platform: 'qualtrics', layout: 'legacy export, choice text', headerRows: 2 });
    expect(['Q2_1', 'Q2_2'].map((k) => [col(t, k).question, col(t, k).option, col(t, k).group])).toEqual([
      [question, 'Teaching', 'Q2'],
      [question, 'Assessment', 'Q2'],
    ]);
  });
});

describe('Qualtrics header rows without responses', () => {
  it('refuses a file of the column ids row alone, naming Qualtrics', () => {
    expect(() => read([qualtricsRows()[0]!])).toThrow('survey.csv has the 1 header rows of a Qualtrics export but no responses below them');
  });

  it('refuses a table of variables V1, V2 … without rows as having no answers', () => {
    // As statistics packages name variables: not a legacy Qualtrics export, which has a second header row.
    expect(() => read([['V1', 'V2', 'V3', 'V4']])).toThrow('survey.csv has a header row but no rows of answers');
  });
});

describe('Qualtrics Loop & Merge', () => {
  // Loop & Merge prefixes each loop's column ids and import ids with its number:
  // `1_Q2` / {"ImportId":"1_QID7"}, `1_Q2_5_TEXT` / {"ImportId":"1_QID7_5_TEXT"}.
  it('reads a loop’s questions as questions, one per loop, its choices and text boxes told apart', () => {
    const useful = 'How useful was it for your work?';
    const parts = 'Which parts did you complete?';
    const t = read(withColumns([
      ['1_Q7', useful, iid('1_QID7'), 'Very useful', 'Somewhat useful'],
      ['1_Q8_1', `${parts} - Readings`, iid('1_QID8_1'), 'Readings', ''],
      ['1_Q8_2', `${parts} - Quiz`, iid('1_QID8_2'), 'Quiz', 'Quiz'],
      ['1_Q9', 'What would you change?', iid('1_QID9_TEXT'), 'Shorter videos', ''],
      ['2_Q7', useful, iid('2_QID7'), 'Not useful', 'Very useful'],
      ['2_Q8_1', `${parts} - Readings`, iid('2_QID8_1'), '', 'Readings'],
      ['2_Q8_2', `${parts} - Quiz`, iid('2_QID8_2'), 'Quiz', ''],
      ['2_Q9', 'What would you change?', iid('2_QID9_TEXT'), '', 'More examples'],
    ]));
    const keys = ['1_Q7', '1_Q8_1', '1_Q8_2', '1_Q9', '2_Q7', '2_Q8_1', '2_Q8_2', '2_Q9'];
    expect(keys.map((k) => [k, col(t, k).origin, col(t, k).question, col(t, k).option, col(t, k).group, col(t, k).answers])).toEqual([
      ['1_Q7', 'question', useful, null, null, 'choice'],
      ['1_Q8_1', 'question', parts, 'Readings', '1_QID8', 'choice'],
      ['1_Q8_2', 'question', parts, 'Quiz', '1_QID8', 'choice'],
      ['1_Q9', 'question', 'What would you change?', null, null, 'text'],
      ['2_Q7', 'question', useful, null, null, 'choice'],
      ['2_Q8_1', 'question', parts, 'Readings', '2_QID8', 'choice'],
      ['2_Q8_2', 'question', parts, 'Quiz', '2_QID8', 'choice'],
      ['2_Q9', 'question', 'What would you change?', null, null, 'text'],
    ]);
    expect(t.rows.map((r) => r[t.header.indexOf('2_Q9')])).toEqual(['', 'More examples']);
  });

  it('keeps the loops apart when the import ids row was cut', () => {
    const parts = 'Which parts did you complete?';
    const cut = (rows: string[][]) => rows.filter((_, i) => i !== 2);
    const t = read(cut(withColumns([
      ['1_Q8_1', `${parts} - Readings`, '', 'Readings', ''],
      ['1_Q8_2', `${parts} - Quiz`, '', 'Quiz', 'Quiz'],
      ['2_Q8_1', `${parts} - Readings`, '', '', 'Readings'],
      ['2_Q8_2', `${parts} - Quiz`, '', 'Quiz', ''],
    ])));
    expect(['1_Q8_1', '1_Q8_2', '2_Q8_1', '2_Q8_2'].map((k) => [k, col(t, k).question, col(t, k).option, col(t, k).group])).toEqual([
      ['1_Q8_1', parts, 'Readings', '1_Q8'],
      ['1_Q8_2', parts, 'Quiz', '1_Q8'],
      ['2_Q8_1', parts, 'Readings', '2_Q8'],
      ['2_Q8_2', parts, 'Quiz', '2_Q8'],
    ]);
  });
});
