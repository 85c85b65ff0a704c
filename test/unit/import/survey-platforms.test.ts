import { describe, expect, it } from 'vitest';
import type { ColumnMeaning } from '../../../shared/domain/import-types.ts';
import { parseSource } from '../../../electron/backend/import/parsers/parse-source.ts';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import {
  ANSWERS, csvText, googleFormsCsv, limeSurveyCsv, microsoftFormsXlsx, QUALTRICS_IDS, qualtricsCsv, qualtricsLegacyCsv, qualtricsRows,
  qualtricsTsv, qualtricsXlsx, surveyMonkeyCsv, SURVEYMONKEY_IDS, surveyMonkeyXlsx, WHY,
} from '../../helpers/survey-exports.ts';

async function table(name: string, bytes: Uint8Array): Promise<SurveyTable> {
  const parsed = await parseSource(name, bytes, 'questionnaire');
  if (parsed.kind !== 'questionnaire') throw new Error('not a questionnaire');
  return parsed.table;
}

/** Each column as a reader of the mapping sees it: key, question, option, origin, identifying. */
const view = (t: SurveyTable) => Object.fromEntries(t.columns.map((c: ColumnMeaning) => [c.key, [c.question, c.option, c.origin, c.identifying]]));
const ids = (t: SurveyTable, column: string) => t.rows.map((r) => r[t.header.indexOf(column)]);

describe('Qualtrics exports', () => {
  it('reads the three header rows of a CSV (BOM, CRLF) as ids, texts and import ids, never as respondents', async () => {
    const t = await table('Learner survey_March 6, 2025_10.15.csv', qualtricsCsv());
    expect(t.survey).toEqual({ platform: 'qualtrics', layout: 'current export, choice text', headerRows: 3, notes: [] });
    expect(t.rows).toHaveLength(2);
    expect(t.rowNumbers).toEqual([4, 5]);
    expect(ids(t, 'ResponseId')).toEqual([...QUALTRICS_IDS]);
    const v = view(t);
    expect(v['ResponseId']).toEqual(['Response ID', null, 'respondent-id', null]);
    expect(v['IPAddress']).toEqual(['IP Address', null, 'metadata', 'IP address']);
    expect(v['LocationLatitude']).toEqual(['Location Latitude', null, 'metadata', 'location']);
    expect(v['RecipientEmail']).toEqual(['Recipient Email', null, 'metadata', 'e-mail address']);
    expect(v['RecipientFirstName']![3]).toBe('name');
    expect(v['Q5_Browser']![3]).toBe('user agent');
    expect(v['Duration (in seconds)']![2]).toBe('metadata');
    expect(v['Q1']).toEqual([WHY, null, 'question', null]);
    // A matrix's rows and a choice's text entry are grouped under their question.
    expect(v['Q2_1']).toEqual(['How satisfied are you with the following?', 'Teaching', 'question', null]);
    expect(v['Q2_2']).toEqual(['How satisfied are you with the following?', 'Assessment', 'question', null]);
    expect(v['Q3']).toEqual(['What is your role?', null, 'question', null]);
    expect(v['Q3_4_TEXT']).toEqual(['What is your role?', 'Other (please specify)', 'question', null]);
    expect(t.columns.find((c) => c.key === 'Q3_4_TEXT')).toMatchObject({ group: 'QID3', answers: 'text', code: 'Q3_4_TEXT' });
    expect(t.columns.find((c) => c.key === 'Q3')).toMatchObject({ group: 'QID3', answers: 'choice' });
    expect(v['cohort']).toEqual(['cohort', null, 'embedded', null]);
  });

  it('reads the same export as UTF-16 TSV with numeric values, and as XLSX', async () => {
    const tsv = await table('survey.tsv', qualtricsTsv(qualtricsRows('numeric')));
    expect(tsv.survey?.layout).toBe('current export, numeric values');
    expect(tsv.rows.map((r) => r[tsv.header.indexOf('Q2_1')])).toEqual(['4', '3']);
    expect(tsv.columns.find((c) => c.key === 'Q1')?.question).toBe(WHY);
    const xlsx = await table('survey.xlsx', await qualtricsXlsx());
    expect(xlsx.survey?.headerRows).toBe(3);
    expect(ids(xlsx, 'ResponseId')).toEqual([...QUALTRICS_IDS]);
    expect(xlsx.rows[0]![xlsx.header.indexOf('Q1')]).toBe(ANSWERS.first);
  });

  it('reads the legacy layout (V1…V10 over the fields’ names and the question texts)', async () => {
    const t = await table('legacy.csv', qualtricsLegacyCsv());
    expect(t.survey).toMatchObject({ platform: 'qualtrics', layout: 'legacy export, choice text', headerRows: 2 });
    expect(t.header.slice(0, 3)).toEqual(['ResponseID', 'ResponseSet', 'Name']);
    expect(ids(t, 'ResponseID')).toEqual([...QUALTRICS_IDS]);
    const v = view(t);
    expect(v['Name']![3]).toBe('name');
    expect(v['EmailAddress']![3]).toBe('e-mail address');
    expect(v['Q2_1']).toEqual(['How satisfied are you with the following?', 'Teaching', 'question', null]);
    expect(v['LocationAccuracy']![3]).toBe('location');
  });

  it('reads an export whose header rows were cut by hand as far as they go, and says what is missing', async () => {
    const rows = qualtricsRows();
    const noTexts = await table('no-texts.csv', utf8Bytes(csvText([rows[0]!, rows[2]!, ...rows.slice(3)])));
    expect(noTexts.survey).toMatchObject({ headerRows: 2, notes: [expect.stringContaining('question texts')] });
    expect(noTexts.rows).toHaveLength(2);
    const noIds = await table('no-import-ids.csv', utf8Bytes(csvText([rows[0]!, rows[1]!, ...rows.slice(3)])));
    expect(noIds.survey?.headerRows).toBe(2);
    expect(noIds.columns.find((c) => c.key === 'Q1')?.question).toBe(WHY);
    const onlyIds = await table('only-ids.csv', utf8Bytes(csvText([rows[0]!, ...rows.slice(3)])));
    expect(onlyIds.survey).toMatchObject({ headerRows: 1, notes: [expect.stringContaining('named by their column ids')] });
    expect(ids(onlyIds, 'ResponseId')).toEqual([...QUALTRICS_IDS]);
    const noColumnIds = await table('texts-first.csv', utf8Bytes(csvText(rows.slice(1))));
    expect(noColumnIds.header).toContain('ResponseId');
    expect(noColumnIds.columns.find((c) => c.key === 'QID1_TEXT')?.question).toBe(WHY);
    expect(noColumnIds.rows).toHaveLength(2);
  });

  it('refuses an export that has its header rows and no responses, naming the file', async () => {
    await expect(table('empty.csv', qualtricsCsv(qualtricsRows().slice(0, 3)))).rejects.toThrow(
      'empty.csv has the 3 header rows of a Qualtrics export but no responses below them',
    );
  });
});

describe('SurveyMonkey, LimeSurvey, Google Forms and Microsoft Forms exports', () => {
  it('reads SurveyMonkey’s two header rows, a question spanning its options’ columns', async () => {
    for (const [name, bytes] of [['sm.csv', surveyMonkeyCsv()], ['sm.xlsx', await surveyMonkeyXlsx()]] as const) {
      const t = await table(name, bytes);
      expect(t.survey, name).toMatchObject({ platform: 'surveymonkey', headerRows: 2, layout: 'all responses, actual answer text' });
      expect(ids(t, 'Respondent ID')).toEqual([...SURVEYMONKEY_IDS]);
      const v = view(t);
      expect(v['IP Address']![3]).toBe('IP address');
      expect(v['Last Name']![3]).toBe('name');
      expect(v['What is your role?']).toEqual(['What is your role?', null, 'question', null]);
      expect(v['What is your role? [Other (please specify)]']).toEqual(['What is your role?', 'Other (please specify)', 'question', null]);
      expect(v['Which formats have you taken? (Select all that apply) [Workshop]']).toEqual(['Which formats have you taken? (Select all that apply)', 'Workshop', 'question', null]);
      expect(v[WHY]).toEqual([WHY, null, 'question', null]);
      expect(new Set(t.columns.filter((c) => c.question.startsWith('Which formats')).map((c) => c.group)).size).toBe(1);
    }
  });

  it('reads LimeSurvey’s code and full-text headings', async () => {
    const codes = await table('results-survey123456.csv', limeSurveyCsv('code'));
    expect(codes.survey).toMatchObject({ platform: 'limesurvey', layout: 'question code headings', notes: [expect.stringContaining('Full question text')] });
    expect(view(codes)['G01Q02[SQ001]']).toEqual(['G01Q02', 'SQ001', 'question', null]);
    expect(view(codes)['ipaddr']![3]).toBe('IP address');
    expect(view(codes)['G01Q01Time']![2]).toBe('metadata');
    const full = await table('results-survey123456.csv', limeSurveyCsv('full'));
    expect(full.survey).toMatchObject({ layout: 'full question text headings', notes: [] });
    expect(ids(full, 'Response ID')).toEqual(['1', '2']);
    const v = view(full);
    expect(v['How satisfied are you with the following? [Teaching]']).toEqual(['How satisfied are you with the following?', 'Teaching', 'question', null]);
    expect(v['What is your role? [Other]']).toEqual(['What is your role?', 'Other', 'question', null]);
    expect(full.columns.find((c) => c.key === 'What is your role?')?.group).toBe('q:What is your role?');
    expect(v['Total time']![2]).toBe('metadata');
  });

  it('reads Google Forms (timestamp first, e-mail flagged, grids grouped) and Microsoft Forms (Excel)', async () => {
    const g = await table('Learner survey (Responses) - Form responses 1.csv', googleFormsCsv());
    expect(g.survey).toMatchObject({ platform: 'google-forms', headerRows: 1 });
    expect(view(g)['Timestamp']![2]).toBe('respondent-id');
    expect(view(g)['Email Address']![3]).toBe('e-mail address');
    expect(view(g)['How satisfied are you with the following? [Assessment]']).toEqual(['How satisfied are you with the following?', 'Assessment', 'question', null]);
    const ms = await table('Learner survey(1-2).xlsx', await microsoftFormsXlsx());
    expect(ms.survey).toMatchObject({ platform: 'microsoft-forms', headerRows: 1 });
    expect(ids(ms, 'ID')).toEqual(['1', '2']);
    expect(ms.rows[0]![ms.header.indexOf('Completion time')]).toBe('2025-03-04T09:20:45');
    expect(view(ms)['Email']![3]).toBe('e-mail address');
    expect(view(ms)['Name']![3]).toBe('name');
    expect(view(ms)[WHY]).toEqual([WHY, null, 'question', null]);
  });

  it('leaves a plain table as it is, flagging the columns that identify a person', async () => {
    const t = await table('plain.csv', utf8Bytes('Respondent,E-mail,Why?\nR1,a@example.org,Because\nR2,b@example.org,Curious\n'));
    expect(t.survey).toBeNull();
    expect(t.header).toEqual(['Respondent', 'E-mail', 'Why?']);
    expect(view(t)['E-mail']).toEqual(['E-mail', null, 'metadata', 'e-mail address']);
    expect(view(t)['Respondent']![2]).toBe('question');
  });

  it('gives every column its own key when headers repeat, even beside a header that reads like a repeat (found by fuzzing)', async () => {
    const t = await table('plain.csv', utf8Bytes(csvText([['Respondent', 'Why?', 'Why?', 'Why? (2)'], ['P1', 'a', 'b', 'c']])));
    expect(t.header).toEqual(['Respondent', 'Why?', 'Why? (3)', 'Why? (2)']);
    // Each key still finds its own answer.
    expect(t.header.map((h) => t.rows[0]![t.header.indexOf(h)])).toEqual(['P1', 'a', 'b', 'c']);
  });
});
