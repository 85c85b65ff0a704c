/**
 * Google Forms and Microsoft Forms beyond the common case: the timestamp's name in each
 * language Google writes it in, the times it accepts, the e-mail and score columns, grids, and
 * Microsoft Forms' quiz columns.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { columnOf, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

const read = (rows: string[][]): SurveyTable => surveyTableOfRows('Form responses 1.csv', rows);
const col = columnOf;
const STAMP = '2025/03/04 9:20:45 AM GMT+1';
/** A Google Forms export: its first column, then the given columns, two responses. */
const google = (first: string, columns: string[], stamps = [STAMP, '2025/03/05 2:15:02 PM GMT+1']) =>
  read([[first, ...columns], ...stamps.map((s, n) => [s, ...columns.map((_, i) => `answer ${n}.${i}`)])]);

describe('Google Forms', () => {
  it.each(['Timestamp', 'Marca temporal', 'Zeitstempel', 'Horodateur', 'Horodatage', 'Carimbo de data/hora', 'Informazioni cronologiche', 'Tijdstempel', 'Sygnatura czasowa'])(
    'recognises the timestamp headed “%s” as the response’s id',
    (stamp) => {
      const t = google(stamp, [WHY]);
      expect(t.survey).toEqual({ platform: 'google-forms', layout: 'responses', headerRows: 1, notes: [expect.stringContaining('timestamp')] });
      expect(col(t, stamp).origin).toBe('respondent-id');
      expect(col(t, WHY).origin).toBe('question');
    },
  );

  it.each(['Email address', 'Email', 'Username', 'E-Mail-Adresse', 'Dirección de correo electrónico', 'Adresse e-mail'])('flags the collected e-mail “%s” as identifying metadata', (email) => {
    const t = google('Timestamp', [email, WHY]);
    expect([col(t, email).origin, col(t, email).identifying]).toEqual(['metadata', 'e-mail address']);
  });

  it.each(['Score', 'Puntuación', 'Punktzahl'])('takes a quiz’s “%s” for metadata, not a question', (score) => {
    const t = google('Timestamp', [score, WHY]);
    expect([col(t, score).origin, col(t, score).identifying]).toEqual(['metadata', null]);
  });

  it.each([
    ['Google’s own format', '2025/03/04 9:20:45 AM GMT+1'],
    ['a US date', '3/4/2025 9:20:45'],
    ['a German date', '04.03.2025 09:20:45'],
    ['an ISO date from a sheet', '2025-03-04T09:20:45'],
    ['a date with dashes, without seconds', '4-3-2025 9:20'],
  ])('accepts timestamps written as %s', (_, stamp) => {
    expect(google('Timestamp', [WHY], [stamp, stamp]).survey?.platform).toBe('google-forms');
  });

  it('skips a response without a timestamp but needs one to have it', () => {
    expect(google('Timestamp', [WHY], [STAMP, '']).survey?.platform).toBe('google-forms');
    expect(google('Timestamp', [WHY], ['', '']).survey).toBeNull();
  });

  it('does not take a “Timestamp” column of dates or of other text for Google’s', () => {
    expect(google('Timestamp', [WHY], ['2025-03-04', '2025-03-05']).survey).toBeNull();
    expect(google('Timestamp', [WHY], [STAMP, 'R2']).survey).toBeNull();
    expect(google('Timestamp', [WHY], ['Submitted 2025/03/04 9:20:45', STAMP]).survey).toBeNull();
  });

  it('does not take a table starting with another date-time column for Google Forms', () => {
    const t = read([['Submitted', WHY], [STAMP, 'a'], ['2025/03/05 2:15:02 PM GMT+1', 'b']]);
    expect(t.survey).toBeNull();
  });

  it('keeps questions with the same aside in brackets apart', () => {
    const t = google('Timestamp', ['Which tools [if any] did you use?', 'Which tools [if any] would you add?']);
    expect(t.columns.slice(1).map((c) => [c.question, c.option, c.group])).toEqual([
      ['Which tools [if any] did you use?', null, null],
      ['Which tools [if any] would you add?', null, null],
    ]);
  });

  it('keeps a question with a bracket in its text whole when no other column shares it', () => {
    const t = google('Timestamp', ['How old are you? [in years]', WHY]);
    expect(col(t, 'How old are you? [in years]')).toMatchObject({ question: 'How old are you? [in years]', option: null, group: null });
  });

  it('groups a grid’s rows, and types a grid’s “Other” and comment rows as text', () => {
    const t = google('Timestamp', ['Rate the course [Teaching]', 'Rate the course [Other courses]', 'Rate the course [Each other]', 'Rate the course [Other]', 'Rate the course [Your comments]', 'Rate the course [Comment]']);
    expect(t.columns.slice(1).map((c) => [c.question, c.option, c.group, c.answers])).toEqual([
      ['Rate the course', 'Teaching', 'q:Rate the course', null],
      ['Rate the course', 'Other courses', 'q:Rate the course', null],
      ['Rate the course', 'Each other', 'q:Rate the course', null],
      ['Rate the course', 'Other', 'q:Rate the course', 'text'],
      ['Rate the course', 'Your comments', 'q:Rate the course', 'text'],
      ['Rate the course', 'Comment', 'q:Rate the course', 'text'],
    ]);
  });

  it('groups a question with the “[Other]” column that follows it, and not a different question before it', () => {
    const t = google('Timestamp', [WHY, 'Rate it [A]', 'Rate it [B]', 'Which formats?', 'Which formats? [Other]']);
    expect(col(t, WHY)).toMatchObject({ question: WHY, group: null });
    expect(col(t, 'Which formats?')).toMatchObject({ question: 'Which formats?', option: null, group: 'q:Which formats?' });
    expect(col(t, 'Which formats? [Other]')).toMatchObject({ question: 'Which formats?', option: 'Other', group: 'q:Which formats?', answers: 'text' });
    expect(col(t, 'Rate it [A]')).toMatchObject({ question: 'Rate it', option: 'A', group: 'q:Rate it' });
  });
});

describe('Microsoft Forms', () => {
  const HEADER = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time'];
  const SAMPLE: Record<string, string> = { ID: '1', 'Start time': '2025-03-04T09:12:01', 'Completion time': '2025-03-04T09:20:45', Email: 'anonymous' };
  const ms = (columns: string[], header = HEADER) => read([[...header, ...columns], [...header.map((h) => SAMPLE[h] ?? ''), ...columns.map((_, i) => `a${i}`)]]);

  it('marks a quiz’s points, feedback and grading columns as metadata, beside its questions', () => {
    const quiz = ['Total points', 'Quiz feedback', 'Grade posted time', WHY, `Points - ${WHY}`, `Feedback - ${WHY}`];
    const t = ms(quiz);
    expect(t.survey).toEqual({ platform: 'microsoft-forms', layout: 'responses', headerRows: 1, notes: [] });
    expect([...HEADER, ...quiz].map((k) => [k, col(t, k).origin, col(t, k).identifying])).toEqual([
      ['ID', 'respondent-id', null],
      ['Start time', 'metadata', null],
      ['Completion time', 'metadata', null],
      ['Email', 'metadata', 'e-mail address'],
      ['Name', 'metadata', 'name'],
      ['Last modified time', 'metadata', null],
      ['Total points', 'metadata', null],
      ['Quiz feedback', 'metadata', null],
      ['Grade posted time', 'metadata', null],
      [WHY, 'question', null],
      [`Points - ${WHY}`, 'metadata', null],
      [`Feedback - ${WHY}`, 'metadata', null],
    ]);
  });

  it('takes questions that mention feedback or points for questions', () => {
    const t = ms(['Feedback on the course', 'Any feedback - or points - to add?']);
    expect(['Feedback on the course', 'Any feedback - or points - to add?'].map((k) => col(t, k).origin)).toEqual(['question', 'question']);
  });

  it('needs the ID first, and both the start and the completion time', () => {
    expect(ms([WHY], ['ID', 'Start time', 'Email']).survey).toBeNull();
    expect(ms([WHY], ['ID', 'Completion time', 'Email']).survey).toBeNull();
    expect(ms([WHY], ['Start time', 'ID', 'Completion time']).survey).toBeNull();
    const t = ms([WHY], ['ID', 'Start time', 'Completion time']);
    expect(t.survey?.platform).toBe('microsoft-forms');
    expect(t.rows[0]![3]).toBe('a0');
  });
});
