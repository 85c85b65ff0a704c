/**
 * LimeSurvey's response export beyond the common case: participant fields (token, names,
 * e-mail), what it takes to be recognised, the "code and text" headings, timing columns,
 * typed-text boxes, and how the headings' style is named.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { ANSWERS, columnOf, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

function read(header: string[], ...rows: string[][]): SurveyTable {
  const answers = rows.length > 0 ? rows : [header.map((_, i) => `a${i}`)];
  return surveyTableOfRows('results-survey123456.csv', [header, ...answers]);
}
const col = columnOf;
const meaning = (t: SurveyTable, key: string) => [key, col(t, key).question, col(t, key).origin, col(t, key).identifying];

describe('LimeSurvey response fields', () => {
  it('flags the participant fields of a survey with participants (code headings): token, names and e-mail', () => {
    const t = read(['id', 'token', 'submitdate', 'lastpage', 'startlanguage', 'firstname', 'lastname', 'email', 'refurl', 'seed', 'G01Q01']);
    expect(['id', 'token', 'firstname', 'lastname', 'email', 'refurl', 'seed', 'startlanguage'].map((k) => meaning(t, k))).toEqual([
      ['id', 'Response ID', 'respondent-id', null],
      ['token', 'Access code', 'metadata', 'access token'],
      ['firstname', 'First name', 'metadata', 'name'],
      ['lastname', 'Last name', 'metadata', 'name'],
      ['email', 'Email address', 'metadata', 'e-mail address'],
      ['refurl', 'Referrer URL', 'metadata', null],
      ['seed', 'Seed', 'metadata', null],
      ['startlanguage', 'Start language', 'metadata', null],
    ]);
    expect(col(t, 'token').code).toBe('token');
  });

  it('flags them by their full-text headings too, in either wording', () => {
    const t = read(['Response ID', 'Token', 'Date submitted', 'Last page', 'First name', 'Last name', 'Email', 'Date started', 'Date last action', WHY]);
    expect(t.survey?.platform).toBe('limesurvey');
    expect(['Token', 'First name', 'Email', 'Date started', 'Date last action'].map((k) => meaning(t, k))).toEqual([
      ['Token', 'Access code', 'metadata', 'access token'],
      ['First name', 'First name', 'metadata', 'name'],
      ['Email', 'Email address', 'metadata', 'e-mail address'],
      ['Date started', 'Date started', 'metadata', null],
      ['Date last action', 'Date last action', 'metadata', null],
    ]);
    const other = read(['Response ID', 'Access code', 'Date submitted', 'Last page', 'Email address', WHY]);
    expect(meaning(other, 'Access code')).toEqual(['Access code', 'Access code', 'metadata', 'access token']);
    expect(meaning(other, 'Email address')[3]).toBe('e-mail address');
  });

  it.each(['lastpage', 'startlanguage', 'startdate', 'datestamp'])('recognises id and submitdate with %s', (field) => {
    const t = read(['id', 'submitdate', field, 'G01Q01'], ['1', '2025-03-04 09:20:45', '1', ANSWERS.first]);
    expect(t.survey?.platform).toBe('limesurvey');
    expect(col(t, 'id').origin).toBe('respondent-id');
  });

  it('does not recognise a table with only some of the response fields', () => {
    expect(read(['id', 'submitdate', 'seed', 'G01Q01']).survey).toBeNull();
    expect(read(['id', 'lastpage', 'startdate', 'G01Q01']).survey).toBeNull();
    expect(read(['submitdate', 'lastpage', 'startdate', 'G01Q01']).survey).toBeNull();
  });

  it('finds the response id in any column, not only the first', () => {
    const t = read(['submitdate', 'id', 'lastpage', 'G01Q01'], ['2025-03-04 09:20:45', '7', '1', ANSWERS.first]);
    expect(t.survey?.platform).toBe('limesurvey');
    expect(col(t, 'id').origin).toBe('respondent-id');
  });
});

describe('LimeSurvey headings', () => {
  it('reads “question code and text” headings: fields by their text, questions and options by their text', () => {
    const t = read([
      'id. Response ID', 'submitdate. Date submitted', 'lastpage. Last page', 'ipaddr. IP address', `G01Q01. ${WHY}`,
      'G01Q02[SQ001]. How satisfied are you with the following? [Teaching]', 'G01Q03[other]. What is your role? [Other]',
    ]);
    expect(t.survey).toEqual({ platform: 'limesurvey', layout: 'question code and text headings', headerRows: 1, notes: [] });
    expect(meaning(t, 'id. Response ID')).toEqual(['id. Response ID', 'Response ID', 'respondent-id', null]);
    expect(meaning(t, 'ipaddr. IP address')).toEqual(['ipaddr. IP address', 'IP address', 'metadata', 'IP address']);
    expect(col(t, `G01Q01. ${WHY}`)).toMatchObject({ question: WHY, option: null, group: null, code: 'G01Q01', origin: 'question' });
    expect(col(t, 'G01Q02[SQ001]. How satisfied are you with the following? [Teaching]')).toMatchObject({ question: 'How satisfied are you with the following?', option: 'Teaching', group: 'G01Q02', code: 'G01Q02[SQ001]' });
    expect(col(t, 'G01Q03[other]. What is your role? [Other]')).toMatchObject({ question: 'What is your role?', option: 'Other', group: 'G01Q03', answers: 'text' });
  });

  it('marks group and question timings as metadata in either heading style', () => {
    const codes = read(['id', 'submitdate', 'lastpage', 'G01Q01', 'interviewtime', 'groupTime12', 'G01Q01Time']);
    for (const k of ['interviewtime', 'groupTime12', 'G01Q01Time']) expect([k, col(codes, k).origin]).toEqual([k, 'metadata']);
    expect(col(codes, 'G01Q01').origin).toBe('question');
    const texts = read(['Response ID', 'Date submitted', 'Last page', WHY, 'Group time: Your views', 'Question time: G01Q01', 'question time: G01Q02']);
    for (const k of ['Group time: Your views', 'Question time: G01Q01', 'question time: G01Q02']) expect([k, col(texts, k).origin]).toEqual([k, 'metadata']);
    expect(col(texts, WHY).origin).toBe('question');
    const question = read(['Response ID', 'Date submitted', 'Last page', 'Preferred group time: mornings or evenings?']);
    expect(col(question, 'Preferred group time: mornings or evenings?').origin).toBe('question');
  });

  it('reads code headings of subquestions, with two codes for an array by column', () => {
    const t = read(['id', 'submitdate', 'lastpage', 'G01Q04[SQ001][SQ002]', 'G01Q04[SQ002][SQ001]', 'G01Q05']);
    expect(col(t, 'G01Q04[SQ001][SQ002]')).toMatchObject({ question: 'G01Q04', option: 'SQ001 / SQ002', group: 'G01Q04', code: 'G01Q04[SQ001][SQ002]' });
    expect(col(t, 'G01Q05')).toMatchObject({ question: 'G01Q05', option: null, group: null, code: 'G01Q05' });
  });

  it('groups a question’s subquestions under its code', () => {
    const t = read(['id', 'submitdate', 'lastpage', 'G01Q02[SQ001]', 'G01Q02[SQ002]']);
    expect(t.columns.slice(3).map((c) => [c.question, c.option, c.group])).toEqual([['G01Q02', 'SQ001', 'G01Q02'], ['G01Q02', 'SQ002', 'G01Q02']]);
  });

  it('marks the “other” and comment boxes as typed text, and says nothing of the other columns', () => {
    const t = read(['id', 'submitdate', 'lastpage', 'G01Q03', 'G01Q03[other]', 'G01Q06[SQ001]', 'G01Q06[SQ001comment]', 'G01Q07[comment]']);
    expect(['G01Q03', 'G01Q03[other]', 'G01Q06[SQ001]', 'G01Q06[SQ001comment]', 'G01Q07[comment]'].map((k) => col(t, k).answers)).toEqual([null, 'text', null, 'text', 'text']);
  });

  it('names full-text headings so though half the questions are one word (which reads like a code)', () => {
    const t = read(['Response ID', 'Date submitted', 'Last page', 'Age', 'Why did you join?']);
    expect(t.survey).toMatchObject({ layout: 'full question text headings', notes: [] });
    const short = read(['Response ID', 'Date submitted', 'Last page', 'Age?', 'Gender?', 'Why did you join?']);
    expect(short.survey).toMatchObject({ layout: 'full question text headings', notes: [] });
    const codes = read(['id', 'submitdate', 'lastpage', 'G01Q01', 'G01Q02', 'Why did you join?']);
    expect(codes.survey).toMatchObject({ layout: 'question code headings', notes: [expect.stringContaining('Full question text')] });
  });
});
