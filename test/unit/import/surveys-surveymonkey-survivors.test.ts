/**
 * SurveyMonkey's "All responses" export, read as a researcher would check it: surveys of
 * open-ended questions only, many custom data fields, questions that merely mention custom
 * data, a file of the first header row alone, and how the answers' form is named when some
 * choices were never picked or are numbers themselves.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { ANSWERS, columnOf, MORE, SURVEYMONKEY_IDS, surveyMonkeyRows, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

const read = (rows: string[][]): SurveyTable => surveyTableOfRows('sm.csv', rows);
const col = columnOf;
/** The fixture without some of its columns (by index). */
const without = (rows: string[][], drop: number[]) => rows.map((r) => r.filter((_, i) => !drop.includes(i)));
/** The respondent fields and their cells (header, blank second row, two respondents): the fixture's first eight columns. */
const fields = () => surveyMonkeyRows().map((r) => r.slice(0, 8));
const ANYTHING_ELSE = 'Anything else you would like to tell us?';

describe('SurveyMonkey surveys of open-ended questions', () => {
  // Every question has one column, so the first header row has no blank cell.
  const openEnded = (): string[][] => {
    const f = fields();
    return [
      [...f[0]!, 'Custom Data 1', WHY, ANYTHING_ELSE],
      [...f[1]!, '', 'Open-Ended Response', 'Open-Ended Response'],
      [...f[2]!, 'cohort-a', ANSWERS.first, MORE.first],
      [...f[3]!, 'cohort-b', ANSWERS.second, MORE.second],
    ];
  };

  it('recognises the export though no question spans several columns, its option labels out of the answers', () => {
    const t = read(openEnded());
    expect(t.survey).toEqual({ platform: 'surveymonkey', layout: 'all responses, actual answer text', headerRows: 2, notes: [] });
    expect(t.rows.map((r) => r[0])).toEqual([...SURVEYMONKEY_IDS]);
    expect(t.rows.map((r) => r[t.header.indexOf(WHY)])).toEqual([ANSWERS.first, ANSWERS.second]);
    expect([WHY, ANYTHING_ELSE].map((k) => [k, col(t, k).question, col(t, k).option, col(t, k).group, col(t, k).answers])).toEqual([
      [WHY, WHY, null, null, 'text'],
      [ANYTHING_ELSE, ANYTHING_ELSE, null, null, 'text'],
    ]);
  });

  it('calls it an export of actual answer text: it has no choices that could be numbers', () => {
    expect(read(openEnded()).survey?.layout).toBe('all responses, actual answer text');
    // Nor when the answers happen to be numbers: typed text says nothing of the export's form.
    const rows = openEnded();
    const numbers = [rows[0]!, rows[1]!, [...rows[2]!.slice(0, 9), '3', '12'], [...rows[3]!.slice(0, 9), '5', '']];
    expect(read(numbers).survey?.layout).toBe('all responses, actual answer text');
  });
});

describe('SurveyMonkey files without answers', () => {
  it('refuses a file of the first header row alone as having no answers', () => {
    expect(() => read([surveyMonkeyRows()[0]!])).toThrow('sm.csv has a header row but no rows of answers');
  });
});

describe('SurveyMonkey custom data', () => {
  it('takes all ten custom data fields for embedded data, “Custom Data 10” too', () => {
    const f = fields();
    const custom = Array.from({ length: 10 }, (_, n) => `Custom Data ${n + 1}`);
    const t = read([
      [...f[0]!, ...custom, WHY],
      [...f[1]!, ...custom.map(() => ''), 'Open-Ended Response'],
      [...f[2]!, ...custom.map((_, n) => `a${n + 1}`), ANSWERS.first],
      [...f[3]!, ...custom.map((_, n) => `b${n + 1}`), ANSWERS.second],
    ]);
    expect(t.survey?.platform).toBe('surveymonkey');
    expect(custom.map((k) => [k, col(t, k).origin, col(t, k).option, col(t, k).group, col(t, k).answers])).toEqual(custom.map((k) => [k, 'embedded', null, null, null]));
    expect(t.rows[1]![t.header.indexOf('Custom Data 10')]).toBe('b10');
    expect(col(t, WHY).origin).toBe('question');
  });

  it('takes questions that merely mention custom data for questions', () => {
    // A survey of a CRM course: its questions name the tool's custom data fields.
    const f = fields();
    const purpose = 'Custom data 1: what did you use it for?';
    const mapped = 'Fields you mapped to custom data 2';
    const t = read([
      [...f[0]!, 'Custom Data 1', purpose, mapped],
      [...f[1]!, '', 'Open-Ended Response', 'Open-Ended Response'],
      [...f[2]!, 'cohort-a', 'Segmenting mailings', 'Region'],
      [...f[3]!, 'cohort-b', 'Nothing yet', 'Region, sector'],
    ]);
    expect(col(t, 'Custom Data 1').origin).toBe('embedded');
    expect([purpose, mapped].map((k) => [k, col(t, k).origin, col(t, k).answers])).toEqual([
      [purpose, 'question', 'text'],
      [mapped, 'question', 'text'],
    ]);
  });
});

describe('SurveyMonkey answers’ form', () => {
  it('calls an answer-text export so though nobody picked one of the options', () => {
    const rows = surveyMonkeyRows();
    // "Conference" was offered as a format; nobody took one, so its column is blank throughout.
    const at = 14;
    const t = read(rows.map((r, n) => [...r.slice(0, at), ['', 'Conference', '', ''][n]!, ...r.slice(at)]));
    expect(col(t, 'Which formats have you taken? (Select all that apply) [Conference]')).toMatchObject({ option: 'Conference', answers: 'choice' });
    expect(t.survey?.layout).toBe('all responses, actual answer text');
  });

  it('calls an answer-text export so though its one single-choice question is answered with numbers', () => {
    // Without the role question; "How many have you completed?" offers the choices 1, 2 and 3 or more.
    const rows = without(surveyMonkeyRows(), [9, 10]);
    const count = 'How many micro-credentials have you completed?';
    const t = read(rows.map((r, n) => [...r, [count, 'Response', '1', '2'][n]!]));
    expect(col(t, count)).toMatchObject({ question: count, option: null, group: null, answers: 'choice' });
    expect(t.survey?.layout).toBe('all responses, actual answer text');
  });

  it('calls a numerical-values export so when each of its choice questions has one column', () => {
    // Only single-choice questions ("Response": the choice's number) and a comment box.
    const f = fields();
    const rate = 'How would you rate the course overall?';
    const again = 'Would you take another micro-credential?';
    const rows = [
      [...f[0]!, rate, again, WHY],
      [...f[1]!, 'Response', 'Response', 'Open-Ended Response'],
      [...f[2]!, '4', '1', ANSWERS.first],
      [...f[3]!, '2', '', ANSWERS.second],
    ];
    expect(read(rows).survey?.layout).toBe('all responses, numerical values');
    // The same questions answered with the choices' text.
    const text = [rows[0]!, rows[1]!, [...f[2]!, 'Good', 'Yes', ANSWERS.first], [...f[3]!, 'Poor', '', ANSWERS.second]];
    expect(read(text).survey?.layout).toBe('all responses, actual answer text');
  });
});
