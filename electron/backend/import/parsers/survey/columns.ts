/**
 * What the survey recognisers share: the recognised table's shape, tidy question texts,
 * and the header words that mark a column as metadata or as identifying a person.
 */
import type { ColumnMeaning, RecognisedSurvey } from '../../../../../shared/domain/import-types.ts';
import type { NumberedTable } from '../csv.ts';

/** A questionnaire table with what its header rows said about each column. */
export type SurveyTable = NumberedTable & { survey: RecognisedSurvey | null; columns: ColumnMeaning[] };

/** A platform recogniser's reading: the columns, and how many rows below the first are header too. */
export type Reading = { survey: RecognisedSurvey; columns: ColumnMeaning[] };

/** A platform recogniser: null when the table is not that platform's export. */
export type Recogniser = (table: NumberedTable) => Reading | null;

/** Why a column identifies a person, said the way the dialog and the CLI say it. */
export const IDENTIFYING = {
  ip: 'IP address',
  location: 'location',
  email: 'e-mail address',
  name: 'name',
  agent: 'user agent',
  phone: 'phone number',
  token: 'access token',
} as const;

/** Header words that identify a person in any table, whichever tool wrote it. */
const IDENTIFYING_HEADERS: [RegExp, string][] = [
  [/^(ip[ _-]?(address)?|ipaddr|ip-adresse|dirección ip)$/i, IDENTIFYING.ip],
  [/(^|[ _-])(e-?mail|courriel|correo)([ _-]?(address|adresse|addr))?$/i, IDENTIFYING.email],
  [/^(location[ _-]?)?(latitude|longitude|lat|lon|lng)$|^location[ _-]?accuracy$|^geo[ _-]?location$/i, IDENTIFYING.location],
  [/^(first|last|full|given|family|sur|recipient[ _-]?(first|last))[ _-]?name$|^(name|nom|nombre|respondent name)$/i, IDENTIFYING.name],
  [/^(user[ _-]?agent|browser|operating[ _-]?system)$/i, IDENTIFYING.agent],
  [/^(phone|telephone|mobile)([ _-]?(number|no\.?))?$/i, IDENTIFYING.phone],
];

/** Why a header marks an identifying column, or null. */
export function identifyingHeader(header: string): string | null {
  const h = header.trim();
  return IDENTIFYING_HEADERS.find(([re]) => re.test(h))?.[1] ?? null;
}

/** Columns survey tools add that are never data for coding (the tools' own records). */
export const METADATA_HEADER =
  /^(start ?date|end ?date|recorded ?date|submit(ted)? ?(at|date)?|date submitted|timestamp|progress|duration.*|finished|status|response ?type|distribution ?channel|user ?language|recipient.*|external ?(data )?reference|token|collector ?id|completion time|start time|last modified time)$/i;

/** A header row's text as one line: line breaks, tabs and markup out, spaces collapsed. */
export function tidyText(text: string): string {
  return text
    .replace(/<[^>]{1,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A column's meaning: by default a question of its own, named by its header. */
export function column(key: string, fields: Partial<Omit<ColumnMeaning, 'key'>> = {}): ColumnMeaning {
  return { key, question: tidyText(key) || key, option: null, group: null, code: null, origin: 'question', answers: null, identifying: null, ...fields };
}

/** Lower-case set of a row's cells, for "does this header have these columns". */
export const cellSet = (cells: readonly string[]): Set<string> => new Set(cells.map((c) => c.trim().toLowerCase()));

/** True when every name is among the cells (lower case). */
export const hasAll = (cells: Set<string>, names: readonly string[]): boolean => names.every((n) => cells.has(n.toLowerCase()));

/**
 * Splits headers of the form "Question [Option]" (Google Forms grids, LimeSurvey full
 * texts) into groups: consecutive columns with the same question text share a group, and so
 * does a column headed by the question alone just before them (a choice, then its "[Other]").
 */
export function bracketGroups(columns: ColumnMeaning[]): void {
  const parts = columns.map((c) => {
    if (c.origin !== 'question' || c.group !== null) return null;
    const m = /^(.*\S)\s*\[([^[\]]+)\]$/.exec(c.key);
    return m ? { question: tidyText(m[1]!), option: tidyText(m[2]!) } : null;
  });
  const questionAt = (j: number) => parts[j]?.question;
  for (let i = 0; i < columns.length; i++) {
    const part = parts[i];
    if (part) {
      const own = columns[i - 1]?.group === null && columns[i - 1]?.origin === 'question' && tidyText(columns[i - 1]!.key) === part.question;
      if (!own && questionAt(i - 1) !== part.question && questionAt(i + 1) !== part.question) continue;
      if (own) columns[i - 1] = { ...columns[i - 1]!, question: part.question, option: null, group: `q:${part.question}` };
      const typed = /^(other|.*comments?)$/i.test(part.option) ? 'text' : columns[i]!.answers;
      columns[i] = { ...columns[i]!, question: part.question, option: part.option, group: `q:${part.question}`, answers: typed };
    }
  }
}

/** The rows below the header rows that are answers. */
export const answerRows = (table: NumberedTable, headerRows: number): string[][] => table.rows.slice(headerRows - 1);

/** True when every filled value of a column is a whole number: a "numeric values" export of choices. */
export function allWholeNumbers(rows: readonly string[][], index: number): boolean {
  let filled = 0;
  for (const row of rows) {
    const v = (row[index] ?? '').trim();
    if (!v) continue;
    if (!/^-?\d+$/.test(v)) return false;
    filled++;
  }
  return filled > 0;
}
