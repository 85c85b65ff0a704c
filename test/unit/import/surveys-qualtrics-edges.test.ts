/**
 * Qualtrics exports beyond the common case: every field Qualtrics adds, the fields read from the
 * texts row when the column ids were cut, the legacy layout's fields, meta-info, timing and
 * check columns, author-named questions, and header rows cut or edited by hand.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { ANSWERS, columnOf, QUALTRICS_IDS, qualtricsLegacyCsv, qualtricsRows, surveyTable, surveyTableOfRows, WHY } from '../../helpers/survey-exports.ts';

const read = (rows: string[][]): SurveyTable => surveyTableOfRows('survey.csv', rows);
const readBytes = (bytes: Uint8Array): SurveyTable => surveyTable('survey.csv', bytes);
const col = columnOf;
const iid = (id: string) => JSON.stringify({ ImportId: id });

/** A column to add to the fixture: column id, text, import id, first and second respondent's answers. */
type Extra = [key: string, text: string, importId: string, first: string, second: string];
const withColumns = (extra: Extra[], rows = qualtricsRows()): string[][] => rows.map((r, i) => [...r, ...extra.map((e) => e[i]!)]);

/** What each field Qualtrics adds is, as the mapping shows it: [column id, text, origin, why identifying]. */
const FIELDS: [string, string, string, string | null][] = [
  ['StartDate', 'Start Date', 'metadata', null],
  ['EndDate', 'End Date', 'metadata', null],
  ['Status', 'Response Type', 'metadata', null],
  ['IPAddress', 'IP Address', 'metadata', 'IP address'],
  ['Progress', 'Progress', 'metadata', null],
  ['Duration (in seconds)', 'Duration (in seconds)', 'metadata', null],
  ['Finished', 'Finished', 'metadata', null],
  ['RecordedDate', 'Recorded Date', 'metadata', null],
  ['ResponseId', 'Response ID', 'respondent-id', null],
  ['RecipientLastName', 'Recipient Last Name', 'metadata', 'name'],
  ['RecipientFirstName', 'Recipient First Name', 'metadata', 'name'],
  ['RecipientEmail', 'Recipient Email', 'metadata', 'e-mail address'],
  ['ExternalReference', 'External Data Reference', 'metadata', null],
  ['LocationLatitude', 'Location Latitude', 'metadata', 'location'],
  ['LocationLongitude', 'Location Longitude', 'metadata', 'location'],
  ['DistributionChannel', 'Distribution Channel', 'metadata', null],
  ['UserLanguage', 'User Language', 'metadata', null],
];
const fieldView = (t: SurveyTable) => FIELDS.map(([key]) => [key, col(t, key).question, col(t, key).origin, col(t, key).identifying]);

describe('Qualtrics fields', () => {
  it('names every field Qualtrics adds by its text, none of them a question, the identifying ones flagged', () => {
    const t = read(qualtricsRows());
    expect(fieldView(t)).toEqual(FIELDS);
  });

  it('recognises every field by its text when the column ids row was cut, and keys it by its column id', () => {
    const t = read(qualtricsRows().slice(1));
    expect(t.survey).toMatchObject({ platform: 'qualtrics', headerRows: 2, notes: [expect.stringContaining('first header row (column ids) is not in this file')] });
    expect(t.header.slice(0, FIELDS.length)).toEqual(FIELDS.map((f) => f[0]));
    expect(fieldView(t)).toEqual(FIELDS);
    expect(t.rows.map((r) => r[t.header.indexOf('ResponseId')])).toEqual([...QUALTRICS_IDS]);
    // The questions are named by their import ids, their texts kept.
    expect(col(t, 'QID2_1')).toMatchObject({ question: 'How satisfied are you with the following?', option: 'Teaching', origin: 'question' });
  });

  it('reads every field of the legacy layout, and keeps its question columns’ own ids', () => {
    const t = readBytes(qualtricsLegacyCsv());
    const legacy = (key: string) => [col(t, key).question, col(t, key).origin, col(t, key).identifying];
    expect(legacy('ResponseID')).toEqual(['ResponseID', 'respondent-id', null]);
    for (const key of ['ResponseSet', 'ExternalDataReference', 'Status', 'StartDate', 'EndDate', 'Finished']) expect(legacy(key), key).toEqual([key, 'metadata', null]);
    expect(legacy('Name')).toEqual(['Name', 'metadata', 'name']);
    expect(legacy('EmailAddress')).toEqual(['EmailAddress', 'metadata', 'e-mail address']);
    expect(legacy('IPAddress')).toEqual(['IPAddress', 'metadata', 'IP address']);
    for (const key of ['LocationLatitude', 'LocationLongitude', 'LocationAccuracy']) expect(legacy(key), key).toEqual([key, 'metadata', 'location']);
    expect(t.survey?.notes).toEqual([]);
    expect(t.header.slice(10, 13)).toEqual(['Q1', 'Q2_1', 'Q2_2']);
    expect(col(t, 'Q1')).toMatchObject({ question: WHY, option: null, origin: 'question' });
    expect(col(t, 'Q2_2')).toMatchObject({ question: 'How satisfied are you with the following?', option: 'Assessment', group: 'Q2' });
    expect(t.rows[0]![t.header.indexOf('Q1')]).toBe(ANSWERS.first);
  });

  it('does not take a table whose first column is headed V1 for a legacy export unless its second row names Qualtrics’ fields', () => {
    const t = read([['V1', 'V2', 'V3', 'V4'], ['ResponseID', 'Name', 'Status', 'note'], ['R2', 'Ana', 'done', 'x']]);
    expect(t.survey).toBeNull();
    expect(t.rows).toHaveLength(2);
    const four = read([['V1', 'V2', 'V3', 'V4', 'Q1'], ['ResponseID', 'ResponseSet', 'StartDate', 'EndDate', WHY], ['R_1', 'Default', '2015-03-04', '2015-03-04', ANSWERS.first]]);
    expect(four.survey).toMatchObject({ platform: 'qualtrics', layout: 'legacy export, choice text', headerRows: 2 });
    expect(col(four, 'Q1').question).toBe(WHY);
  });
});

describe('Qualtrics columns that are not questions', () => {
  const extra: Extra[] = [
    ['Q7_First Click', 'Timing - First Click', iid('QID7_FIRST_CLICK'), '2.1', '3.4'],
    ['Q7_Last Click', 'Timing - Last Click', iid('QID7_LAST_CLICK'), '9.0', '12.2'],
    ['Q7_Page Submit', 'Timing - Page Submit', iid('QID7_PAGE_SUBMIT'), '10.5', '14.0'],
    ['Q7_Click Count', 'Timing - Click Count', iid('QID7_CLICK_COUNT'), '3', '5'],
    ['Q_RecaptchaScore', 'Q_RecaptchaScore', iid('Q_RecaptchaScore'), '0.9', '1.0'],
    ['Q_RelevantIDDuplicate', 'Q_RelevantIDDuplicate', iid('Q_RelevantIDDuplicate'), 'false', 'false'],
    ['SC0', 'Score', iid('SC_bOnN8XbQ'), '7', '9'],
    ['Q2_DO', 'How satisfied are you with the following? - Display Order', iid('QID2_DO'), 'Teaching|Assessment', 'Assessment|Teaching'],
    ['FL_6_DO', 'FL_6 - Block Randomizer - Display Order', iid('FL_6_DO'), 'Block 1', 'Block 2'],
  ];

  it('marks timing, Qualtrics’ own checks, scores and display orders as metadata, and the browser meta info as identifying', () => {
    const t = read(withColumns(extra));
    for (const [key] of extra) expect([key, col(t, key).origin, col(t, key).identifying]).toEqual([key, 'metadata', null]);
    for (const key of ['Q5_Browser', 'Q5_Version', 'Q5_Operating System', 'Q5_Resolution']) expect([key, col(t, key).origin, col(t, key).identifying]).toEqual([key, 'metadata', 'user agent']);
    // Each is named by its own text, not grouped like a question's options.
    expect(col(t, 'Q5_Browser')).toMatchObject({ question: 'Browser Meta Info - Browser', option: null, group: null });
    // Beside them, the questions are still questions, whole.
    expect(col(t, 'Q2_1')).toMatchObject({ origin: 'question', question: 'How satisfied are you with the following?', option: 'Teaching' });
    expect(t.columns.filter((c) => c.origin === 'question').map((c) => c.key)).toEqual(['Q1', 'Q2_1', 'Q2_2', 'Q3', 'Q3_4_TEXT', 'Q4']);
  });

  it('takes author-named questions that merely resemble those columns for questions', () => {
    const t = read(withColumns([
      ['SC1_feedback', 'Why did you give that score?', iid('QID8_TEXT'), 'Fair', 'Good'],
      ['Q9_DOB', 'What is your date of birth?', iid('QID9_TEXT'), '1980-01-01', '1975-05-05'],
      ['FAQ_useful', 'Were the FAQ useful?', iid('QID10'), 'Yes', 'No'],
      ['Resolution', 'Was your complaint resolved?', iid('QID14'), 'Yes', 'No'],
    ]));
    for (const key of ['SC1_feedback', 'Q9_DOB', 'FAQ_useful', 'Resolution']) expect([key, col(t, key).origin]).toEqual([key, 'question']);
  });

  it('says which columns hold typed text and which a choice; embedded data neither', () => {
    const t = read(qualtricsRows());
    expect(['Q1', 'Q2_1', 'Q3', 'Q3_4_TEXT', 'Q4', 'cohort'].map((k) => col(t, k).answers)).toEqual(['text', 'choice', 'choice', 'text', 'text', null]);
  });
});

describe('Qualtrics questions', () => {
  it('keeps questions whose author-given column ids share a prefix apart, by their import ids', () => {
    const t = read(withColumns([
      ['job_role', 'What is your job role?', iid('QID11_TEXT'), 'Teacher', 'Librarian'],
      ['job_title', 'What is your job title?', iid('QID12_TEXT'), 'Lecturer', 'Archivist'],
    ]));
    expect(col(t, 'job_role')).toMatchObject({ question: 'What is your job role?', option: null, group: null });
    expect(col(t, 'job_title')).toMatchObject({ question: 'What is your job title?', option: null, group: null });
  });

  it('groups an author-named choice with its text entry by their import ids', () => {
    const t = read(withColumns([
      ['sector', 'Which sector? - Selected Choice', iid('QID13'), 'Public', 'Other'],
      ['other_sector', 'Which sector? - Other - Text', iid('QID13_3_TEXT'), '', 'Charity'],
    ]));
    expect(col(t, 'sector')).toMatchObject({ question: 'Which sector?', option: null, group: 'QID13', answers: 'choice' });
    expect(col(t, 'other_sector')).toMatchObject({ question: 'Which sector?', option: 'Other', group: 'QID13', answers: 'text' });
  });

  it('keeps the whole text of a one-column question, dashes and all', () => {
    const t = read(withColumns([
      ['Q6', 'On a scale of 1-10, how likely are you to recommend it?', iid('QID6'), '9', '7'],
      ['Q7', 'Your role - in a word', iid('QID7_TEXT'), 'Tutor', 'Dean'],
    ]));
    expect([col(t, 'Q6').question, col(t, 'Q7').question]).toEqual(['On a scale of 1-10, how likely are you to recommend it?', 'Your role - in a word']);
    const choice = read(withColumns([['Q8', 'Which campus? - Selected Choice', iid('QID8'), 'North', 'South']]));
    expect(col(choice, 'Q8')).toMatchObject({ question: 'Which campus?', option: null, group: null });
  });

  it('keeps whole options that begin alike ("Teaching quality", "Teaching methods")', () => {
    const t = read(withColumns([
      ['Q6_1', 'Rate the following - Teaching quality', iid('QID6_1'), '4', '5'],
      ['Q6_2', 'Rate the following - Teaching methods', iid('QID6_2'), '3', '4'],
    ]));
    expect([col(t, 'Q6_1').question, col(t, 'Q6_1').option, col(t, 'Q6_2').option]).toEqual(['Rate the following', 'Teaching quality', 'Teaching methods']);
  });

  it('keeps dashes inside options whole', () => {
    const t = read(withColumns([
      ['Q6_1', 'How did you study? - Blended - online and in person', iid('QID6_1'), 'Yes', ''],
      ['Q6_2', 'How did you study? - Online only', iid('QID6_2'), '', 'Yes'],
      ['Q7_1', 'Rate the following - Self-paced units', iid('QID7_1'), '4', '5'],
      ['Q7_2', 'Rate the following - Self-study guides', iid('QID7_2'), '3', '4'],
    ]));
    expect(['Q6_1', 'Q6_2', 'Q7_1', 'Q7_2'].map((k) => [col(t, k).question, col(t, k).option])).toEqual([
      ['How did you study?', 'Blended - online and in person'],
      ['How did you study?', 'Online only'],
      ['Rate the following', 'Self-paced units'],
      ['Rate the following', 'Self-study guides'],
    ]);
  });

  it('keeps a dash inside a question’s text, splitting only at the last one the columns share', () => {
    const t = read(withColumns([
      ['Q6_1', 'Part B - How useful was each? - Videos', iid('QID6_1'), 'Very', 'Somewhat'],
      ['Q6_2', 'Part B - How useful was each? - Quizzes', iid('QID6_2'), 'Not', 'Very'],
    ]));
    expect([col(t, 'Q6_1').question, col(t, 'Q6_1').option, col(t, 'Q6_2').option]).toEqual(['Part B - How useful was each?', 'Videos', 'Quizzes']);
  });

  it('names questions by their column ids when the texts row was cut, a multi-column question by its id', () => {
    const rows = qualtricsRows();
    const t = read([rows[0]!, rows[2]!, ...rows.slice(3)]);
    expect(col(t, 'Q1')).toMatchObject({ question: 'Q1', option: null, group: null, answers: 'text' });
    expect(col(t, 'Q2_1')).toMatchObject({ question: 'QID2', option: 'Q2_1', group: 'QID2', answers: 'choice' });
    expect(col(t, 'Q3_4_TEXT')).toMatchObject({ question: 'QID3', option: 'Q3_4_TEXT', group: 'QID3', answers: 'text' });
    expect(col(t, 'Q5_Browser')).toMatchObject({ question: 'Q5_Browser', origin: 'metadata' });
    expect(t.survey?.layout).toBe('current export, choice text');
  });

  it('with only the column ids row, groups by the id before the first underscore, and cannot tell choices from embedded data', () => {
    const rows = qualtricsRows();
    const t = read([rows[0]!, ...rows.slice(3)]);
    expect(col(t, 'Q2_2')).toMatchObject({ question: 'Q2', option: 'Q2_2', group: 'Q2', origin: 'question' });
    expect(col(t, 'Q4')).toMatchObject({ question: 'Q4', option: null, group: null, answers: null });
    expect(col(t, 'Q3_4_TEXT')).toMatchObject({ answers: 'text', group: 'Q3' });
    expect(col(t, 'cohort').origin).toBe('question');
    expect(t.survey?.layout).toMatch(/^current export, /);
  });
});

describe('Qualtrics header rows', () => {
  it('calls a numeric export numeric though its author-named text entries hold text', () => {
    const t = read(withColumns([['comments', 'Any comments?', iid('QID9_TEXT'), 'Great course', '']], qualtricsRows('numeric')));
    expect(t.survey?.layout).toBe('current export, numeric values');
    expect(col(t, 'comments').answers).toBe('text');
  });

  it('calls a numeric export numeric without its import ids, telling text entries by their column ids', () => {
    const keep = (r: string[]) => r.filter((_, i) => i < 17 || (i >= 18 && i <= 21));
    const rows = qualtricsRows('numeric').map(keep);
    const t = read([rows[0]!, ...rows.slice(3)]);
    expect(t.header.slice(17)).toEqual(['Q2_1', 'Q2_2', 'Q3', 'Q3_4_TEXT']);
    expect(t.survey?.layout).toBe('current export, numeric values');
  });

  it('calls a numeric export numeric when a choice nobody answered is blank, or holds a negative code', () => {
    const t = read(withColumns([
      ['Q8', 'Would you recommend it?', iid('QID8'), '', ''],
      ['Q9', 'How likely?', iid('QID9'), '-99', '2'],
    ], qualtricsRows('numeric')));
    expect(t.survey?.layout).toBe('current export, numeric values');
  });

  it('calls an export with choices answered by their labels, or by decimals, choice text', () => {
    const labelled = read(withColumns([['Q8', 'Would you recommend it?', iid('QID8'), '', 'Yes']], qualtricsRows('numeric')));
    expect(labelled.survey?.layout).toBe('current export, choice text');
    const slider = read(withColumns([['Q8', 'How confident are you?', iid('QID8'), '4.5', '3']], qualtricsRows('numeric')));
    expect(slider.survey?.layout).toBe('current export, choice text');
  });

  it('calls an export without choice questions choice text: nothing in it is numeric', () => {
    const t = read([
      ['StartDate', 'EndDate', 'ResponseId', 'Q1'],
      ['Start Date', 'End Date', 'Response ID', WHY],
      [iid('startDate'), iid('endDate'), iid('_recordId'), iid('QID1_TEXT')],
      ['2025-03-04 09:12:01', '2025-03-04 09:20:45', QUALTRICS_IDS[0], '42'],
    ]);
    expect(t.survey?.layout).toBe('current export, choice text');
  });

  it('recognises an export with only three of the fields, its three header rows out of the responses', () => {
    const t = read([
      ['StartDate', 'EndDate', 'ResponseId', 'Q1'],
      ['Start Date', 'End Date', 'Response ID', WHY],
      [iid('startDate'), iid('endDate'), iid('_recordId'), iid('QID1_TEXT')],
      ['2025-03-04 09:12:01', '2025-03-04 09:20:45', QUALTRICS_IDS[0], ANSWERS.first],
    ]);
    expect(t.survey).toMatchObject({ platform: 'qualtrics', headerRows: 3 });
    expect(t.rows).toEqual([['2025-03-04 09:12:01', '2025-03-04 09:20:45', QUALTRICS_IDS[0], ANSWERS.first]]);
    expect(col(t, 'Q1').question).toBe(WHY);
  });

  it('recognises three fields with the import ids under the column ids, or under the texts', () => {
    const noTexts = read([['StartDate', 'EndDate', 'ResponseId', 'Q1'], [iid('startDate'), iid('endDate'), iid('_recordId'), iid('QID1_TEXT')], ['2025-03-04', '2025-03-04', QUALTRICS_IDS[0], ANSWERS.first]]);
    expect(noTexts.survey).toMatchObject({ platform: 'qualtrics', layout: 'current export, choice text', headerRows: 2, notes: [expect.stringContaining('question texts (second header row) are not in this file')] });
    expect(col(noTexts, 'ResponseId').origin).toBe('respondent-id');
    const noIds = read([['Start Date', 'End Date', 'Response ID', WHY], [iid('startDate'), iid('endDate'), iid('_recordId'), iid('QID1_TEXT')], ['2025-03-04', '2025-03-04', QUALTRICS_IDS[0], ANSWERS.first]]);
    expect(noIds.header).toEqual(['StartDate', 'EndDate', 'ResponseId', 'QID1_TEXT']);
    expect(noIds.survey?.layout).toBe('current export, choice text');
    expect(col(noIds, 'QID1_TEXT').question).toBe(WHY);
  });

  it('takes a first row of only Progress, Finished and Duration over import ids for the column ids row', () => {
    const t = read([
      ['Progress', 'Finished', 'Duration (in seconds)', 'Q1'],
      [iid('progress'), iid('finished'), iid('duration'), iid('QID1_TEXT')],
      ['100', 'True', '524', ANSWERS.first],
    ]);
    expect(t.header).toEqual(['Progress', 'Finished', 'Duration (in seconds)', 'Q1']);
    expect(t.survey?.notes).toEqual([expect.stringContaining('question texts (second header row) are not in this file')]);
  });

  it('needs four fields to recognise an export that kept only its column ids row', () => {
    const four = read([['StartDate', 'EndDate', 'Status', 'ResponseId', 'Q1'], ['2025-03-04', '2025-03-04', 'IP Address', QUALTRICS_IDS[0], ANSWERS.first]]);
    expect(four.survey).toMatchObject({ platform: 'qualtrics', headerRows: 1 });
    expect(col(four, 'ResponseId').origin).toBe('respondent-id');
    const three = read([['StartDate', 'EndDate', 'ResponseId', 'Q1'], ['2025-03-04', '2025-03-04', QUALTRICS_IDS[0], ANSWERS.first]]);
    expect(three.survey).toBeNull();
  });

  it('takes the texts row out of the responses when the response id is the first column and the import ids were cut', () => {
    const t = read([
      ['ResponseId', 'StartDate', 'EndDate', 'Status', 'Q1'],
      ['Response ID', 'Start Date', 'End Date', 'Response Type', WHY],
      [QUALTRICS_IDS[0], '2025-03-04', '2025-03-04', 'IP Address', ANSWERS.first],
    ]);
    expect(t.survey).toMatchObject({ layout: 'current export, choice text', headerRows: 2, notes: [expect.stringContaining('import ids (third header row)')] });
    expect(t.rows.map((r) => r[0])).toEqual([QUALTRICS_IDS[0]]);
    expect(col(t, 'Q1').question).toBe(WHY);
  });

  it('still finds the import ids row when a fifth of its cells were overwritten by hand', () => {
    const rows = qualtricsRows();
    // Of the 25 cells left filled, 5 overwritten: exactly 80 % are still import ids.
    const edited = rows[2]!.map((c, i) => (i >= 17 && i < 22 ? 'edited' : i >= 22 && i < 25 ? '' : c));
    const t = read([rows[0]!, rows[1]!, edited, ...rows.slice(3)]);
    expect(t.survey).toMatchObject({ headerRows: 3 });
    expect(t.rows.map((r) => r[t.header.indexOf('ResponseId')])).toEqual([...QUALTRICS_IDS]);
    // Not when half of them were.
    const half = rows[2]!.map((c, i) => (i < 14 ? 'edited' : c));
    expect(read([rows[0]!, rows[1]!, half, ...rows.slice(3)]).survey?.headerRows).toBe(2);
  });

  it('does not read a broken import id as one', () => {
    const rows = qualtricsRows();
    const broken = rows[2]!.map((c) => c.replace(/}$/, ''));
    const t = read([rows[0]!, rows[1]!, broken, ...rows.slice(3)]);
    expect(t.survey?.headerRows).toBe(2);
  });
});
