/**
 * Which survey tool wrote a questionnaire table, read from the shape of its header rows, and
 * what each column is: the respondent id, the tool's own records (dates, IP address…), or a
 * question, named by its text and grouped with the other columns of a multi-column question.
 * Extra header rows are taken out of the rows, so they never become respondents.
 */
import { SURVEY_PLATFORM_NAMES, type ColumnMeaning } from '../../../../../shared/domain/import-types.ts';
import type { NumberedTable } from '../csv.ts';
import { ImportError } from '../errors.ts';
import { columnName } from '../xlsx.ts';
import { column, identifyingHeader, METADATA_HEADER, type Recogniser, type SurveyTable } from './columns.ts';
import { readGoogleForms, readMicrosoftForms } from './forms.ts';
import { readLimeSurvey } from './limesurvey.ts';
import { readQualtrics } from './qualtrics.ts';
import { readSurveyMonkey } from './surveymonkey.ts';

export type { SurveyTable } from './columns.ts';

const RECOGNISERS: Recogniser[] = [readQualtrics, readSurveyMonkey, readLimeSurvey, readMicrosoftForms, readGoogleForms];

/**
 * Keys are how roles name columns: a repeated one gets " (2)", " (3)"… in file order, skipping
 * a number another column already has as its own header ("Q", "Q", "Q (2)" → "Q", "Q (3)", "Q (2)").
 */
function uniqueKeys(columns: ColumnMeaning[]): ColumnMeaning[] {
  const headers = new Set(columns.map((c) => c.key.toLowerCase()));
  const used = new Set<string>();
  return columns.map((c) => {
    let key = c.key;
    for (let n = 2; used.has(key.toLowerCase()); n++) {
      key = `${c.key} (${n})`;
      if (headers.has(key.toLowerCase())) key = c.key;
    }
    used.add(key.toLowerCase());
    return key === c.key ? c : { ...c, key };
  });
}

/** A table no tool was recognised in: columns as their headers say, identifying ones flagged. */
function plainColumns(header: string[]): ColumnMeaning[] {
  return header.map((h, i) => {
    const key = h || `Column ${columnName(i + 1)}`;
    const identifying = identifyingHeader(h);
    return column(key, { origin: identifying || METADATA_HEADER.test(h.trim()) ? 'metadata' : 'question', identifying });
  });
}

/**
 * The table with its survey tool recognised: header rows below the first taken out of the
 * rows, each column's key, question, option and origin. A table no tool wrote is returned
 * as it is, its columns named by their headers (an empty header as a spreadsheet names it).
 */
export function recogniseSurvey(table: NumberedTable, fileName: string): SurveyTable {
  for (const recognise of RECOGNISERS) {
    const reading = recognise(table);
    if (!reading) continue;
    const columns = uniqueKeys(reading.columns);
    const extra = reading.survey.headerRows - 1;
    const rows = table.rows.slice(extra);
    if (rows.length === 0) {
      throw new ImportError(fileName, `has the ${reading.survey.headerRows} header rows of a ${SURVEY_PLATFORM_NAMES[reading.survey.platform]} export but no responses below them`);
    }
    return { header: columns.map((c) => c.key), rows, rowNumbers: table.rowNumbers.slice(extra), survey: reading.survey, columns };
  }
  const columns = uniqueKeys(plainColumns(table.header));
  return { ...table, header: columns.map((c) => c.key), survey: null, columns };
}

