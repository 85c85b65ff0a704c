/**
 * LimeSurvey's "question code and text" headings, read as a researcher would check them: a
 * question whose text is the name of a response field, and subquestion headings whose
 * question text has brackets of its own.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { columnOf, surveyTableOfRows } from '../../helpers/survey-exports.ts';

function read(header: string[], ...rows: string[][]): SurveyTable {
  const answers = rows.length > 0 ? rows : [header.map((_, i) => `a${i}`)];
  return surveyTableOfRows('results-survey123456.csv', [header, ...answers]);
}
const col = columnOf;
const FIELDS = ['id. Response ID', 'submitdate. Date submitted', 'lastpage. Last page', 'startlanguage. Start language'];

describe('LimeSurvey code and text headings', () => {
  it('keeps a question whose text is a response field’s name a question, under its own code', () => {
    // A language school asks which language a learner started with.
    const asked = 'G01Q04. Start language';
    const t = read([...FIELDS, asked], ['1', '2025-03-04 09:20:45', '1', 'en', 'Spanish'], ['2', '2025-03-05 14:15:02', '1', 'de', 'French']);
    expect(t.survey).toMatchObject({ platform: 'limesurvey', layout: 'question code and text headings' });
    expect(col(t, asked)).toMatchObject({ question: 'Start language', option: null, group: null, code: 'G01Q04', origin: 'question', identifying: null });
    // The response field of that name is still the tool's record.
    expect(col(t, 'startlanguage. Start language')).toMatchObject({ question: 'Start language', code: 'startlanguage', origin: 'metadata' });
    expect(t.rows.map((r) => r[4])).toEqual(['Spanish', 'French']);
  });

  it('takes a subquestion’s option from the last brackets, keeping a scale in brackets in the question', () => {
    const question = 'Rate the following [1 = poor, 5 = excellent]';
    const t = read([...FIELDS, `G01Q02[SQ001]. ${question} [Teaching]`, `G01Q02[SQ002]. ${question} [Assessment]`]);
    expect(t.columns.slice(4).map((c) => [c.question, c.option, c.group, c.code])).toEqual([
      [question, 'Teaching', 'G01Q02', 'G01Q02[SQ001]'],
      [question, 'Assessment', 'G01Q02', 'G01Q02[SQ002]'],
    ]);
  });
});
