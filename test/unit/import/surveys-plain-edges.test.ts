/**
 * Tables no survey tool was recognised in: which headers mark a column as identifying a person
 * or as a tool's own record, how question texts are tidied, and how repeated or empty headers
 * are named.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMeaning } from '../../../shared/domain/import-types.ts';
import type { SurveyTable } from '../../../electron/backend/import/parsers/survey/recognize.ts';
import { surveyTableOfRows } from '../../helpers/survey-exports.ts';

const read = (rows: string[][]): SurveyTable => surveyTableOfRows('answers.csv', rows);
/** A plain table: a respondent column, then one column headed `header`. */
const columnHeaded = (header: string): ColumnMeaning => {
  const t = read([['Respondent', header], ['P1', 'something']]);
  expect(t.survey).toBeNull();
  return t.columns[1]!;
};

describe('columns that identify a person', () => {
  it.each([
    ['IP', 'IP address'], ['IP address', 'IP address'], ['ip_address', 'IP address'], ['IP-Address', 'IP address'], ['ipaddr', 'IP address'],
    ['IP-Adresse', 'IP address'], ['Dirección IP', 'IP address'],
    ['Email', 'e-mail address'], ['E-mail', 'e-mail address'], ['Contact email', 'e-mail address'], ['email_address', 'e-mail address'],
    ['E-mail adresse', 'e-mail address'], ['EmailAddr', 'e-mail address'], ['Courriel', 'e-mail address'], ['Correo', 'e-mail address'],
    ['Latitude', 'location'], ['Longitude', 'location'], ['lat', 'location'], ['lon', 'location'], ['lng', 'location'],
    ['Location Latitude', 'location'], ['location_longitude', 'location'], ['LocationAccuracy', 'location'], ['Geolocation', 'location'], ['Geo location', 'location'],
    ['First name', 'name'], ['last_name', 'name'], ['Full Name', 'name'], ['Given name', 'name'], ['Family-name', 'name'], ['Surname', 'name'],
    ['Recipient First Name', 'name'], ['RecipientLastName', 'name'], ['Name', 'name'], ['Nom', 'name'], ['Nombre', 'name'], ['Respondent name', 'name'],
    ['User agent', 'user agent'], ['User-Agent', 'user agent'], ['UserAgent', 'user agent'], ['Browser', 'user agent'], ['Operating system', 'user agent'],
    ['OperatingSystem', 'user agent'], ['PhoneNumber', 'phone number'],
    ['Phone', 'phone number'], ['Telephone number', 'phone number'], ['Mobile No.', 'phone number'], ['phone_no', 'phone number'], ['Mobile', 'phone number'],
  ])('flags “%s” as identifying (%s), never a question', (header, why) => {
    expect(columnHeaded(header)).toMatchObject({ origin: 'metadata', identifying: why });
  });

  it.each([
    'Membership', 'Ipad or laptop?', 'Voicemail', 'Email newsletter wanted?', 'Flat', 'Latitude of your home town (optional)',
    'Course name', 'Name of your school', 'Nominal fee paid?', 'Browser used for the course', 'Mobile learning helped me', 'Phone calls with the tutor were useful',
  ])('takes “%s” for a question', (header) => {
    expect(columnHeaded(header)).toMatchObject({ origin: 'question', identifying: null, question: header });
  });
});

describe('columns that are a tool’s own records', () => {
  it.each([
    'Start date', 'StartDate', 'End date', 'EndDate', 'Recorded Date', 'RecordedDate', 'SubmitDate', 'ResponseType', 'DistributionChannel', 'UserLanguage',
    'ExternalReference', 'CollectorID', 'Submitted', 'Submit', 'Submitted at', 'Submit date', 'Date submitted', 'Timestamp', 'Progress',
    'Duration', 'Duration (in seconds)', 'Finished', 'Status', 'Response Type', 'Distribution Channel', 'User Language', 'Recipient ID', 'External Reference',
    'External data reference', 'Token', 'Collector ID', 'Completion time', 'Start time', 'Last modified time',
  ])('takes “%s” for metadata', (header) => {
    expect(columnHeaded(header)).toMatchObject({ origin: 'metadata', identifying: null });
  });

  it.each(['Status of your application', 'Progress you made this year', 'Finished the course?', 'Start dates suited me', 'When did you start?', 'Preferred start date', 'Rate your progress'])('takes “%s” for a question', (header) => {
    expect(columnHeaded(header).origin).toBe('question');
  });
});

describe('headers of a plain table', () => {
  it('names a question by its header on one line, without markup, keeping the header as its key', () => {
    expect(columnHeaded('Why did you\ntake it?')).toMatchObject({ key: 'Why did you\ntake it?', question: 'Why did you take it?' });
    expect(columnHeaded('<strong>Why</strong> did you take it?').question).toBe('Why did you take it?');
    expect(columnHeaded('Why did you<br>take it?').question).toBe('Why did you take it?');
    expect(columnHeaded('Why&nbsp;did you\ttake it?').question).toBe('Why did you take it?');
    expect(columnHeaded('Why did you \n take&nbsp;it&nbsp;now?').question).toBe('Why did you take it now?');
    expect(columnHeaded('Is 3 < 5?').question).toBe('Is 3 < 5?');
  });

  it('names a column without a header as a spreadsheet does', () => {
    const t = read([['Respondent', '', 'Why?', ''], ['P1', 'a', 'b', 'c']]);
    expect(t.header).toEqual(['Respondent', 'Column B', 'Why?', 'Column D']);
    expect(t.columns[1]).toMatchObject({ question: 'Column B', origin: 'question', identifying: null });
  });

  it('numbers a header repeated three times, whatever its case', () => {
    const t = read([['Respondent', 'Why?', 'why?', 'WHY?'], ['P1', 'a', 'b', 'c']]);
    expect(t.header).toEqual(['Respondent', 'Why?', 'why? (2)', 'WHY? (3)']);
    expect(t.columns.map((c) => c.question)).toEqual(['Respondent', 'Why?', 'why?', 'WHY?']);
  });
});
