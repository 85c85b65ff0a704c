/**
 * SurveyMonkey's "All responses" export (CSV or XLSX, expanded): two header rows. The first
 * names the respondent fields and each question, once, over all the columns the question
 * spans; the second names each column's option ("Response" and "Open-Ended Response" for a
 * question's only column, the choices of a multiple-choice question, a matrix's rows).
 */
import type { ColumnMeaning, ColumnOrigin } from '../../../../../shared/domain/import-types.ts';
import type { NumberedTable } from '../csv.ts';
import { allWholeNumbers, answerRows, cellSet, column, IDENTIFYING, tidyText, type Reading } from './columns.ts';

const FIELDS: Record<string, { origin: ColumnOrigin; identifying?: string }> = {
  'respondent id': { origin: 'respondent-id' },
  'collector id': { origin: 'metadata' },
  'start date': { origin: 'metadata' },
  'end date': { origin: 'metadata' },
  'ip address': { origin: 'metadata', identifying: IDENTIFYING.ip },
  'email address': { origin: 'metadata', identifying: IDENTIFYING.email },
  'first name': { origin: 'metadata', identifying: IDENTIFYING.name },
  'last name': { origin: 'metadata', identifying: IDENTIFYING.name },
};
/** Second-row labels of columns that hold typed text; every other label is a choice or a matrix row. */
const OPEN_TEXT = /^(open-ended response|other \(please specify\)|comments?)$/i;
/** Second-row labels of a question's own column (not an option). */
const OWN_COLUMN = new Set(['response', 'open-ended response', '']);

export function readSurveyMonkey(table: NumberedTable): Reading | null {
  const first = table.header;
  const second = table.rows[0];
  const names = cellSet(first);
  if (!second || !names.has('respondent id') || !(names.has('collector id') || names.has('start date'))) return null;
  const fieldAt = (i: number) => FIELDS[first[i]!.trim().toLowerCase()];
  // The second header row is blank under the respondent fields and labels the questions' columns.
  if (first.some((h, i) => fieldAt(i) && (second[i] ?? '').trim() !== '')) return null;
  if (!second.some((c) => c.trim() !== '')) return null;

  const columns: ColumnMeaning[] = [];
  let question = '';
  let start = -1;
  first.forEach((cell, i) => {
    const field = fieldAt(i);
    if (field) {
      columns.push(column(cell.trim(), { origin: field.origin, identifying: field.identifying ?? null }));
      start = -1;
      return;
    }
    if (cell.trim() !== '' || start < 0) {
      question = tidyText(cell) || `Column ${i + 1}`;
      start = i;
    }
    // Custom data fields sit before the first question, with an empty second row.
    const custom = /^custom data \d+$/i.test(question);
    const label = tidyText(second[i] ?? '');
    const answers = custom ? null : OPEN_TEXT.test(label) ? 'text' : 'choice';
    columns.push(column(question, { question, option: label, group: `c${start}`, origin: custom ? 'embedded' : 'question', answers }));
  });
  // One-column questions are no group; in a group, "Response" is the question's own column.
  const sizes = new Map<string, number>();
  for (const c of columns) if (c.group) sizes.set(c.group, (sizes.get(c.group) ?? 0) + 1);
  const read = columns.map((c): ColumnMeaning => {
    if (!c.group) return c;
    const own = OWN_COLUMN.has((c.option ?? '').toLowerCase());
    if (sizes.get(c.group) === 1) return { ...c, option: null, group: null };
    return own ? { ...c, option: null } : { ...c, key: `${c.question} [${c.option}]` };
  });
  const rows = answerRows(table, 2);
  // Every choice column, a single-choice question's own "Response" column too: in a
  // numerical-values export each holds the choice's number.
  const choices = read.flatMap((c, i) => (c.origin === 'question' && c.answers === 'choice' ? [i] : []));
  const numeric = choices.length > 0 && choices.every((i) => allWholeNumbers(rows, i) || rows.every((r) => !(r[i] ?? '').trim()));
  return {
    survey: { platform: 'surveymonkey', layout: `all responses, ${numeric ? 'numerical values' : 'actual answer text'}`, headerRows: 2, notes: [] },
    columns: read,
  };
}
