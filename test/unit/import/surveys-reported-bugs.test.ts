/**
 * Survey exports a reviewer found misread: LimeSurvey's "question code and question text"
 * headings of subquestions, a choice and its "other" box under code headings, a full-text
 * heading that begins with an abbreviation, and Qualtrics author-named columns that share a
 * prefix when the import ids row was cut.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { columnOf, limeSurveyCsv, qualtricsRows, surveyTable, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

const read = surveyTable;
const readRows = surveyTableOfRows;
const col = columnOf;

/** LimeSurvey's export as the helper writes it, header and answers, in either heading style. */
const limeSurvey = (headings: 'code' | 'full') => read('results-survey123456.csv', limeSurveyCsv(headings));

describe('LimeSurvey headings (reported)', () => {
  it('names a subquestion’s question by its text without the bracket under “question code and question text” headings, as under full-text headings', () => {
    // "Question code & question text" headings: each code, a full stop, then the full text (response fields and questions).
    const codes = limeSurvey('code');
    const full = limeSurvey('full');
    const n = codes.header.indexOf('G01Q03[other]') + 1;
    const header = codes.header.slice(0, n).map((code, i) => `${code}. ${full.header[i]!}`);
    const t = readRows('results-survey123456.csv', [header, ...full.rows.map((r) => r.slice(0, n))]);
    expect(t.survey?.layout).toBe('question code and text headings');
    const teaching = col(t, 'G01Q02[SQ001]. How satisfied are you with the following? [Teaching]');
    const fullTeaching = col(full, 'How satisfied are you with the following? [Teaching]');
    expect([teaching.question, teaching.option]).toEqual([fullTeaching.question, fullTeaching.option]);
    expect(teaching).toMatchObject({ question: 'How satisfied are you with the following?', option: 'Teaching', group: 'G01Q02', code: 'G01Q02[SQ001]' });
    expect(col(t, 'G01Q02[SQ002]. How satisfied are you with the following? [Assessment]').question).toBe('How satisfied are you with the following?');
    expect(col(t, 'G01Q03[other]. What is your role? [Other]')).toMatchObject({ question: 'What is your role?', group: 'G01Q03', answers: 'text' });
    expect(col(t, `G01Q01. ${WHY}`)).toMatchObject({ question: WHY, option: null });
  });

  it('groups a choice with its “other” box under code headings, as under full-text headings', () => {
    const codes = limeSurvey('code');
    const full = limeSurvey('full');
    expect([col(full, 'What is your role?').group, col(full, 'What is your role? [Other]').group]).toEqual(['q:What is your role?', 'q:What is your role?']);
    expect(col(codes, 'G01Q03')).toMatchObject({ question: 'G01Q03', option: null, group: 'G01Q03' });
    expect(col(codes, 'G01Q03[other]')).toMatchObject({ question: 'G01Q03', group: 'G01Q03', answers: 'text' });
    // A question with no box after it stays a question of its own.
    expect(col(codes, 'G01Q01').group).toBeNull();
  });

  it('reads a full-text heading that begins with an abbreviation as text, and names the headings full question texts', () => {
    const APPROX = 'Approx. how many hours did you study?';
    const full = limeSurvey('full');
    const t = readRows('results-survey123456.csv', [full.header.map((h) => (h === WHY ? APPROX : h)), ...full.rows]);
    expect(t.survey).toMatchObject({ platform: 'limesurvey', layout: 'full question text headings', notes: [] });
    expect(col(t, APPROX)).toMatchObject({ question: APPROX, option: null, group: null, code: null, origin: 'question' });
  });
});

describe('Qualtrics questions without import ids (reported)', () => {
  /** The current export with two author-named text questions added, its third header row (import ids) cut. */
  function withoutImportIds(): SurveyTable {
    const extra = [
      ['job_role', 'What is your job role?', JSON.stringify({ ImportId: 'QID11_TEXT' }), 'Teacher', 'Librarian'],
      ['job_title', 'What is your job title?', JSON.stringify({ ImportId: 'QID12_TEXT' }), 'Lecturer', 'Archivist'],
    ];
    const rows = qualtricsRows().map((r, i) => [...r, ...extra.map((e) => e[i]!)]);
    return readRows('survey.csv', [rows[0]!, rows[1]!, ...rows.slice(3)]);
  }

  it('keeps author-named questions whose column ids share a prefix apart when their texts are not one question’s', () => {
    const t = withoutImportIds();
    expect(t.survey?.notes).toEqual([expect.stringContaining('import ids (third header row) are not in this file')]);
    expect(col(t, 'job_role')).toMatchObject({ question: 'What is your job role?', option: null, group: null });
    expect(col(t, 'job_title')).toMatchObject({ question: 'What is your job title?', option: null, group: null });
    // Columns whose texts are "Question - Option" are still one question.
    expect(col(t, 'Q2_1')).toMatchObject({ question: 'How satisfied are you with the following?', option: 'Teaching', group: 'Q2' });
    expect(col(t, 'Q3_4_TEXT')).toMatchObject({ question: 'What is your role?', option: 'Other (please specify)', group: 'Q3' });
  });
});
