/**
 * Survey exports as the tools write them (from their documentation and real downloads):
 * Qualtrics (current three-row and legacy two-row layouts, choice text and numeric values,
 * CSV with BOM and CRLF, TSV in UTF-16, XLSX), SurveyMonkey (two header rows, questions
 * spanning their options' columns), LimeSurvey (code or full-text headings), Google Forms
 * (timestamp first) and Microsoft Forms (Excel). Two respondents each, with the same answers,
 * so tests can say what a user would see whichever tool wrote the file.
 */
import type { CellValue } from 'exceljs';
import { parseSourceSync } from '../../electron/backend/import/parsers/parse-source.ts';
import type { SurveyTable } from '../../electron/backend/import/parsers/survey/recognize.ts';
import type { ColumnMeaning } from '../../shared/domain/import-types.ts';
import { makeXlsx, utf16Bytes, utf8Bytes } from './files.ts';

export const WHY = 'Why did you decide to take a micro-credential?';
export const ANSWERS = {
  first: 'My employer asked for proof of specific skills, and a full degree was too long.',
  second: 'Curiosity about the format, and I wanted to see how it is assessed.',
};
export const MORE = { first: 'The badge should show what was assessed.', second: '' };

/** A CSV line as spreadsheet tools write it: quoted when a cell holds the delimiter, a quote or a line break. */
export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

export const csvText = (rows: readonly string[][], delimiter = ',', eol = '\r\n'): string => rows.map((r) => csvLine(r, delimiter)).join(eol) + eol;

const importId = (id: string, zone = false) => JSON.stringify(zone ? { ImportId: id, timeZone: 'America/Denver' } : { ImportId: id });

/** Qualtrics' fields, question columns and embedded data, in the order the export writes them. */
const QUALTRICS_COLUMNS: [key: string, text: string, importId: string][] = [
  ['StartDate', 'Start Date', importId('startDate', true)],
  ['EndDate', 'End Date', importId('endDate', true)],
  ['Status', 'Response Type', importId('status')],
  ['IPAddress', 'IP Address', importId('ipAddress')],
  ['Progress', 'Progress', importId('progress')],
  ['Duration (in seconds)', 'Duration (in seconds)', importId('duration')],
  ['Finished', 'Finished', importId('finished')],
  ['RecordedDate', 'Recorded Date', importId('recordedDate', true)],
  ['ResponseId', 'Response ID', importId('_recordId')],
  ['RecipientLastName', 'Recipient Last Name', importId('recipientLastName')],
  ['RecipientFirstName', 'Recipient First Name', importId('recipientFirstName')],
  ['RecipientEmail', 'Recipient Email', importId('recipientEmail')],
  ['ExternalReference', 'External Data Reference', importId('externalDataReference')],
  ['LocationLatitude', 'Location Latitude', importId('locationLatitude')],
  ['LocationLongitude', 'Location Longitude', importId('locationLongitude')],
  ['DistributionChannel', 'Distribution Channel', importId('distributionChannel')],
  ['UserLanguage', 'User Language', importId('userLanguage')],
  ['Q1', WHY, importId('QID1_TEXT')],
  ['Q2_1', 'How satisfied are you with the following? - Teaching', importId('QID2_1')],
  ['Q2_2', 'How satisfied are you with the following? - Assessment', importId('QID2_2')],
  ['Q3', 'What is your role? - Selected Choice', importId('QID3')],
  ['Q3_4_TEXT', 'What is your role? - Other (please specify) - Text', importId('QID3_4_TEXT')],
  ['Q4', 'Anything else you would like to tell us?', importId('QID4_TEXT')],
  ['Q5_Browser', 'Browser Meta Info - Browser', importId('QID5_BROWSER')],
  ['Q5_Version', 'Browser Meta Info - Version', importId('QID5_VERSION')],
  ['Q5_Operating System', 'Browser Meta Info - Operating System', importId('QID5_OS')],
  ['Q5_Resolution', 'Browser Meta Info - Resolution', importId('QID5_RESOLUTION')],
  ['cohort', 'cohort', importId('cohort')],
];

export const QUALTRICS_IDS = ['R_1OkP3GvXc9Qz2Ab', 'R_3EsW8yTn0LmKd4C'] as const;

/** Two responses; "numeric values" exports the choices' codes instead of their labels. */
function qualtricsResponses(values: 'choice' | 'numeric'): string[][] {
  const n = values === 'numeric';
  return [
    ['2025-03-04 09:12:01', '2025-03-04 09:20:45', n ? '0' : 'IP Address', '203.0.113.7', '100', '524', n ? '1' : 'True', '2025-03-04 09:20:46', QUALTRICS_IDS[0], '', '', '', '', '47.6062', '-122.3321', 'anonymous', 'EN',
      ANSWERS.first, n ? '4' : 'Satisfied', n ? '5' : 'Very satisfied', n ? '1' : 'Teacher', '', MORE.first, 'Chrome', '122.0.6261.95', 'Windows NT 10.0', '1920x1080', 'Spring'],
    ['2025-03-05 14:02:10', '2025-03-05 14:15:02', n ? '0' : 'IP Address', '198.51.100.23', '100', '772', n ? '1' : 'True', '2025-03-05 14:15:03', QUALTRICS_IDS[1], 'Okafor', 'Chidi', 'chidi@example.org', '', '51.5072', '-0.1276', 'email', 'EN',
      ANSWERS.second, n ? '3' : 'Neither satisfied nor dissatisfied', n ? '4' : 'Satisfied', n ? '4' : 'Other (please specify)', 'Librarian', MORE.second, 'Firefox', '123.0', 'Macintosh', '1440x900', 'Spring'],
  ];
}

/** Qualtrics' current layout: column ids, question texts, import ids, then the responses. */
export function qualtricsRows(values: 'choice' | 'numeric' = 'choice'): string[][] {
  return [QUALTRICS_COLUMNS.map((c) => c[0]), QUALTRICS_COLUMNS.map((c) => c[1]), QUALTRICS_COLUMNS.map((c) => c[2]), ...qualtricsResponses(values)];
}

/** As downloaded: UTF-8 with a byte order mark, CRLF line ends. */
export const qualtricsCsv = (rows = qualtricsRows()): Uint8Array => utf8Bytes(csvText(rows), true);
/** Qualtrics' TSV download is UTF-16 (little endian, with a BOM). */
export const qualtricsTsv = (rows = qualtricsRows()): Uint8Array => utf16Bytes(csvText(rows, '\t'), 'le');
export const qualtricsXlsx = (rows = qualtricsRows()): Promise<Uint8Array> => makeXlsx(rows, { sheetName: 'Sheet0' });

/** The legacy exporter: V1…V10 over the fields' names and question texts; two header rows. */
export function qualtricsLegacyCsv(): Uint8Array {
  const fields = ['ResponseID', 'ResponseSet', 'Name', 'ExternalDataReference', 'EmailAddress', 'IPAddress', 'Status', 'StartDate', 'EndDate', 'Finished'];
  const rows = [
    [...fields.map((_, i) => `V${i + 1}`), 'Q1', 'Q2_1', 'Q2_2', 'LocationLatitude', 'LocationLongitude', 'LocationAccuracy'],
    [...fields, WHY, 'How satisfied are you with the following?-Teaching', 'How satisfied are you with the following?-Assessment', 'LocationLatitude', 'LocationLongitude', 'LocationAccuracy'],
    [QUALTRICS_IDS[0], 'Default Response Set', 'Anonymous', '', '', '203.0.113.7', '0', '2015-03-04 09:12:01', '2015-03-04 09:20:45', '1', ANSWERS.first, 'Satisfied', 'Very satisfied', '47.6062', '-122.3321', '-1'],
    [QUALTRICS_IDS[1], 'Default Response Set', 'Okafor, Chidi', '', 'chidi@example.org', '198.51.100.23', '0', '2015-03-05 14:02:10', '2015-03-05 14:15:02', '1', ANSWERS.second, 'Neither satisfied nor dissatisfied', 'Satisfied', '51.5072', '-0.1276', '-1'],
  ];
  return utf8Bytes(csvText(rows));
}

export const SURVEYMONKEY_IDS = ['114508297356', '114508301877'] as const;

/** SurveyMonkey "All responses" (expanded, actual answer text): questions span their options' columns. */
export function surveyMonkeyRows(): string[][] {
  return [
    ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1',
      'What is your role?', '', 'Which formats have you taken? (Select all that apply)', '', '', WHY, 'How satisfied are you with:', ''],
    ['', '', '', '', '', '', '', '', '', 'Response', 'Other (please specify)', 'Online course', 'Workshop', 'Work-based project', 'Open-Ended Response', 'Teaching', 'Assessment'],
    [SURVEYMONKEY_IDS[0], '405188223', '03/04/2025 09:12:01 AM', '03/04/2025 09:20:45 AM', '203.0.113.7', '', '', '', '', 'Teacher', '', 'Online course', '', 'Work-based project', ANSWERS.first, 'Satisfied', 'Very satisfied'],
    [SURVEYMONKEY_IDS[1], '405188223', '03/05/2025 02:02:10 PM', '03/05/2025 02:15:02 PM', '198.51.100.23', 'chidi@example.org', 'Chidi', 'Okafor', '', 'Other (please specify)', 'Librarian', '', 'Workshop', '', ANSWERS.second, 'Neither satisfied nor dissatisfied', 'Satisfied'],
  ];
}

export const surveyMonkeyCsv = (): Uint8Array => utf8Bytes(csvText(surveyMonkeyRows()), true);
export const surveyMonkeyXlsx = (): Promise<Uint8Array> => makeXlsx(surveyMonkeyRows(), { sheetName: 'Sheet' });

/** LimeSurvey's response export, with question-code or full-question-text headings. */
export function limeSurveyCsv(headings: 'code' | 'full'): Uint8Array {
  const header =
    headings === 'code'
      ? ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'ipaddr', 'refurl', 'G01Q01', 'G01Q02[SQ001]', 'G01Q02[SQ002]', 'G01Q03', 'G01Q03[other]', 'interviewtime', 'groupTime1', 'G01Q01Time']
      : ['Response ID', 'Date submitted', 'Last page', 'Start language', 'Seed', 'Date started', 'Date last action', 'IP address', 'Referrer URL', WHY,
        'How satisfied are you with the following? [Teaching]', 'How satisfied are you with the following? [Assessment]', 'What is your role?', 'What is your role? [Other]', 'Total time', 'Group time: Your views', 'Question time: G01Q01'];
  const answers = (code: boolean) => [
    ['1', '2025-03-04 09:20:45', '1', 'en', '1876345', '2025-03-04 09:12:01', '2025-03-04 09:20:45', '203.0.113.7', '', ANSWERS.first, code ? 'A4' : 'Satisfied', code ? 'A5' : 'Very satisfied', code ? 'A1' : 'Teacher', '', '524.31', '510.02', '120.4'],
    ['2', '2025-03-05 14:15:02', '1', 'en', '908114', '2025-03-05 14:02:10', '2025-03-05 14:15:02', '198.51.100.23', 'https://example.org/newsletter', ANSWERS.second, code ? 'A3' : 'Neither satisfied nor dissatisfied', code ? 'A4' : 'Satisfied', code ? '-oth-' : 'Other', 'Librarian', '772.9', '760.11', '301.7'],
  ];
  // LimeSurvey quotes every cell.
  const line = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
  return utf8Bytes([header, ...answers(headings === 'code')].map(line).join('\r\n') + '\r\n');
}

/** Google Forms' "Download responses (.csv)": Timestamp first, the e-mail when collected, grids as "Q [Row]". */
export function googleFormsCsv(): Uint8Array {
  const rows = [
    ['Timestamp', 'Email Address', 'What is your role?', WHY, 'How satisfied are you with the following? [Teaching]', 'How satisfied are you with the following? [Assessment]', 'Which formats have you taken?'],
    ['2025/03/04 9:20:45 AM GMT+1', 'ana.lima@example.org', 'Teacher', ANSWERS.first, 'Satisfied', 'Very satisfied', 'Online course, Work-based project'],
    ['2025/03/05 2:15:02 PM GMT+1', 'chidi@example.org', 'Librarian', ANSWERS.second, 'Neither satisfied nor dissatisfied', 'Satisfied', 'Workshop'],
  ];
  return utf8Bytes(csvText(rows, ',', '\n'));
}

/** Microsoft Forms' "Open results in Excel": ID, times as dates, e-mail ("anonymous") and name, then questions. */
export function microsoftFormsXlsx(): Promise<Uint8Array> {
  const rows: CellValue[][] = [
    ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'What is your role?', WHY, 'Which formats have you taken?', 'Teaching', 'Assessment'],
    [1, new Date(Date.UTC(2025, 2, 4, 9, 12, 1)), new Date(Date.UTC(2025, 2, 4, 9, 20, 45)), 'anonymous', '', '', 'Teacher', ANSWERS.first, 'Online course;Work-based project;', 'Satisfied', 'Very satisfied'],
    [2, new Date(Date.UTC(2025, 2, 5, 14, 2, 10)), new Date(Date.UTC(2025, 2, 5, 14, 15, 2)), 'chidi@example.org', 'Chidi Okafor', '', 'Librarian', ANSWERS.second, 'Workshop;', 'Neither satisfied nor dissatisfied', 'Satisfied'],
  ];
  return makeXlsx(rows, { sheetName: 'Sheet1' });
}

/** A questionnaire file read as the importer reads it: its table, columns and the survey tool recognised. */
export function surveyTable(name: string, bytes: Uint8Array): SurveyTable {
  const parsed = parseSourceSync(name, bytes, 'questionnaire');
  if (parsed.kind !== 'questionnaire') throw new Error(`${name} was not read as a questionnaire`);
  return parsed.table;
}

/** Rows written as a CSV file of this name, then read as a questionnaire. */
export const surveyTableOfRows = (name: string, rows: string[][]): SurveyTable => surveyTable(name, utf8Bytes(csvText(rows)));

/** The column with this header; a missing one fails naming the headers there are. */
export function columnOf(t: SurveyTable, key: string): ColumnMeaning {
  const c = t.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key} in ${t.header.join(', ')}`);
  return c;
}
