/**
 * Qualtrics exports (CSV, TSV, XLSX). The current layout has three header rows: column ids
 * (`Q1`, `Q2_1`, `Q3_4_TEXT`, or names the survey author gave), question texts ("What is
 * your role? - Selected Choice"), and import ids as JSON (`{"ImportId":"QID1_TEXT"}`). The
 * legacy layout has two: `V1`…`V10` and question ids, then the fields' names and question
 * texts. Either may come with header rows cut by hand; what is left is read as far as it goes.
 */
import type { ColumnMeaning, ColumnOrigin } from '../../../../../shared/domain/import-types.ts';
import type { NumberedTable } from '../csv.ts';
import { allWholeNumbers, answerRows, column, IDENTIFYING, tidyText, type Reading } from './columns.ts';

type Field = { key: string; importId: string; text: string; origin: ColumnOrigin; identifying?: string };

/** The fields Qualtrics adds before (and around) the questions: column id, import id, text. */
const FIELDS: Field[] = [
  { key: 'StartDate', importId: 'startDate', text: 'Start Date', origin: 'metadata' },
  { key: 'EndDate', importId: 'endDate', text: 'End Date', origin: 'metadata' },
  { key: 'Status', importId: 'status', text: 'Response Type', origin: 'metadata' },
  { key: 'IPAddress', importId: 'ipAddress', text: 'IP Address', origin: 'metadata', identifying: IDENTIFYING.ip },
  { key: 'Progress', importId: 'progress', text: 'Progress', origin: 'metadata' },
  { key: 'Duration (in seconds)', importId: 'duration', text: 'Duration (in seconds)', origin: 'metadata' },
  { key: 'Finished', importId: 'finished', text: 'Finished', origin: 'metadata' },
  { key: 'RecordedDate', importId: 'recordedDate', text: 'Recorded Date', origin: 'metadata' },
  { key: 'ResponseId', importId: '_recordId', text: 'Response ID', origin: 'respondent-id' },
  { key: 'RecipientLastName', importId: 'recipientLastName', text: 'Recipient Last Name', origin: 'metadata', identifying: IDENTIFYING.name },
  { key: 'RecipientFirstName', importId: 'recipientFirstName', text: 'Recipient First Name', origin: 'metadata', identifying: IDENTIFYING.name },
  { key: 'RecipientEmail', importId: 'recipientEmail', text: 'Recipient Email', origin: 'metadata', identifying: IDENTIFYING.email },
  { key: 'ExternalReference', importId: 'externalDataReference', text: 'External Data Reference', origin: 'metadata' },
  { key: 'LocationLatitude', importId: 'locationLatitude', text: 'Location Latitude', origin: 'metadata', identifying: IDENTIFYING.location },
  { key: 'LocationLongitude', importId: 'locationLongitude', text: 'Location Longitude', origin: 'metadata', identifying: IDENTIFYING.location },
  { key: 'DistributionChannel', importId: 'distributionChannel', text: 'Distribution Channel', origin: 'metadata' },
  { key: 'UserLanguage', importId: 'userLanguage', text: 'User Language', origin: 'metadata' },
];

/** The legacy layout's second header row names these fields (its first row says V1…V10). */
const LEGACY_FIELDS: Field[] = [
  { key: 'ResponseID', importId: '', text: 'ResponseID', origin: 'respondent-id' },
  { key: 'ResponseSet', importId: '', text: 'ResponseSet', origin: 'metadata' },
  { key: 'Name', importId: '', text: 'Name', origin: 'metadata', identifying: IDENTIFYING.name },
  { key: 'ExternalDataReference', importId: '', text: 'ExternalDataReference', origin: 'metadata' },
  { key: 'EmailAddress', importId: '', text: 'EmailAddress', origin: 'metadata', identifying: IDENTIFYING.email },
  { key: 'IPAddress', importId: '', text: 'IPAddress', origin: 'metadata', identifying: IDENTIFYING.ip },
  { key: 'Status', importId: '', text: 'Status', origin: 'metadata' },
  { key: 'StartDate', importId: '', text: 'StartDate', origin: 'metadata' },
  { key: 'EndDate', importId: '', text: 'EndDate', origin: 'metadata' },
  { key: 'Finished', importId: '', text: 'Finished', origin: 'metadata' },
  { key: 'LocationLatitude', importId: '', text: 'LocationLatitude', origin: 'metadata', identifying: IDENTIFYING.location },
  { key: 'LocationLongitude', importId: '', text: 'LocationLongitude', origin: 'metadata', identifying: IDENTIFYING.location },
  { key: 'LocationAccuracy', importId: '', text: 'LocationAccuracy', origin: 'metadata', identifying: IDENTIFYING.location },
];

const lower = (s: string) => s.trim().toLowerCase();
const byKey = new Map(FIELDS.map((f) => [lower(f.key), f]));
const byText = new Map(FIELDS.map((f) => [lower(f.text), f]));
const legacyByText = new Map(LEGACY_FIELDS.map((f) => [lower(f.text), f]));

/** The import id of a third-row cell, `{"ImportId":"QID1_TEXT"}`, or null. */
function importIdOf(cell: string): string | null {
  if (!/^\s*\{\s*"ImportId"\s*:/.test(cell)) return null;
  try {
    const value: unknown = JSON.parse(cell);
    const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['ImportId'] : undefined;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

const isImportIdRow = (cells: readonly string[]): boolean => {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter((c) => importIdOf(c) !== null).length >= filled.length * 0.8;
};

/** How many of the fields' column ids (or texts) a header row has: Qualtrics rows have most. */
const fieldsIn = (cells: readonly string[], names: Map<string, Field>): number => cells.filter((c) => names.has(lower(c))).length;

/** Meta-info and timing sub-fields Qualtrics writes as `Q7_Browser`, `Q8_Page Submit`. */
const USER_AGENT = /_(Browser|Version|Operating System|Resolution)$/i;
const TIMING = /_(First Click|Last Click|Page Submit|Click Count)$/i;
/** Qualtrics' own checks (`Q_RecaptchaScore`, `Q_RelevantIDDuplicate`…), display orders and scores. */
const CHECKS = /^(Q_[A-Za-z]|SC\d+$|.*_DO(_\d+)?$|FL_\d+_DO)/;

/**
 * A question column's group: the `QID` of its import id, else its column id up to its first
 * `_`. A Loop & Merge block numbers each loop's copy of a question (`1_QID7`, column `1_Q7_2`):
 * the loop's number stays part of the group, so each loop's answers are a question of their own.
 */
const groupOf = (key: string, importId: string | null): string => {
  const qid = importId ? /^(\d+_)?QID\d+/.exec(importId)?.[0] : undefined;
  return qid ?? /^(\d+_)?[^_]*/.exec(key)![0];
};

function origin(key: string, importId: string | null): { origin: ColumnOrigin; identifying: string | null } {
  if (USER_AGENT.test(key)) return { origin: 'metadata', identifying: IDENTIFYING.agent };
  if (TIMING.test(key) || CHECKS.test(key)) return { origin: 'metadata', identifying: null };
  if (importId !== null && !/^(\d+_)?QID\d/.test(importId)) return { origin: 'embedded', identifying: null };
  return { origin: 'question', identifying: null };
}

/** The common start of texts, as splitGroup finds it. */
function commonStart(texts: string[]): string {
  let common = texts[0]!;
  for (const t of texts) while (!t.startsWith(common)) common = common.slice(0, -1);
  return common;
}

/** True when the texts share a question up to a dash, as a multi-column question's do. */
const sharesQuestion = (texts: string[]): boolean => commonStart(texts).lastIndexOf('-') > 0;

/**
 * Question and option of the columns of one question: their texts share the question's
 * text up to a dash (" - " in current exports, "-" in legacy ones), and each goes on with its
 * option ("- Teaching", "- Other - Text"). "Selected Choice" is the question's own column.
 */
function splitGroup(texts: string[]): { question: string; options: (string | null)[] } {
  if (texts.length === 1) return { question: texts[0]!.replace(/ - Selected Choice$/, ''), options: [null] };
  const common = commonStart(texts);
  const spaced = common.lastIndexOf(' - ');
  const [at, width] = spaced >= 0 ? [spaced, 3] : [common.lastIndexOf('-'), 1];
  // Texts that share no question: each text is its column's option of the first one's question.
  if (at <= 0) return { question: texts[0]!, options: texts };
  const question = common.slice(0, at).trim();
  const options = texts.map((t) => {
    const rest = t.slice(at + width).trim().replace(/ - Text$/, '').replace(/^Text$/, '');
    return rest === '' || rest === 'Selected Choice' ? null : rest;
  });
  return { question, options };
}

const metaColumn = (key: string, field: Field): ColumnMeaning => column(key, { question: field.text, origin: field.origin, identifying: field.identifying ?? null });

/** Columns from what the header rows give: column ids, texts (or none), import ids (or none). */
function readColumns(keys: string[], texts: string[] | null, importIds: (string | null)[] | null, fields: (i: number) => Field | undefined): ColumnMeaning[] {
  const columns: ColumnMeaning[] = keys.map((key, i) => {
    const field = fields(i);
    if (field) return metaColumn(key, field);
    const importId = importIds?.[i] ?? null;
    const found = origin(key, importId);
    // A text entry's import id (or, without them, its column id) ends in _TEXT; other questions are choices.
    const answers = /_TEXT$/i.test(importId ?? key) ? 'text' : importId !== null && found.origin === 'question' ? 'choice' : null;
    return column(key, { question: tidyText(texts?.[i] ?? '') || key, code: key, answers, ...found });
  });
  const byId = new Map<string, number[]>();
  columns.forEach((c, i) => {
    if (c.origin !== 'question') return;
    const g = groupOf(c.key, importIds?.[i] ?? null);
    byId.set(g, [...(byId.get(g) ?? []), i]);
  });
  // Without import ids, a shared column id prefix (`job_role`, `job_title`) is only a guess: the
  // columns are one question when their texts say so ("Question - Option"), else each its own.
  const guess = (members: number[]) => texts !== null && importIds === null && members.length > 1 && !sharesQuestion(members.map((i) => columns[i]!.question));
  const groups = [...byId].flatMap(([g, members]): [string, number[]][] => (guess(members) ? members.map((i) => [g, [i]]) : [[g, members]]));
  for (const [g, members] of groups) {
    const grouped = members.length > 1;
    // Without the texts row, a group is named by its id and each column by its own.
    const { question, options } = texts
      ? splitGroup(members.map((i) => columns[i]!.question))
      : { question: grouped ? g : columns[members[0]!]!.key, options: members.map((i) => columns[i]!.key) };
    members.forEach((i, n) => {
      columns[i] = { ...columns[i]!, question, option: grouped ? options[n]! : null, group: grouped ? g : null };
    });
  }
  return columns;
}

/** The layout's name, with the answers' form: "choice text" or "numeric values" (text entries aside). */
function layoutName(base: string, table: NumberedTable, headerRows: number, columns: ColumnMeaning[], importIds: (string | null)[] | null): string {
  const rows = answerRows(table, headerRows);
  const textEntry = (i: number) => /_TEXT$/i.test(columns[i]!.key) || /_TEXT$/i.test(importIds?.[i] ?? '');
  const choices = columns.flatMap((c, i) => (c.origin === 'question' && !textEntry(i) ? [i] : []));
  const numeric = choices.length > 0 && choices.every((i) => allWholeNumbers(rows, i) || rows.every((r) => !(r[i] ?? '').trim()));
  return `${base}, ${numeric ? 'numeric values' : 'choice text'}`;
}

function reading(table: NumberedTable, base: string, headerRows: number, columns: ColumnMeaning[], notes: string[], importIds: (string | null)[] | null = null): Reading {
  return { survey: { platform: 'qualtrics', layout: layoutName(base, table, headerRows, columns, importIds), headerRows, notes }, columns };
}

/** A Qualtrics export, current or legacy, whole or with header rows cut; null when it is not one. */
export function readQualtrics(table: NumberedTable): Reading | null {
  const first = table.header;
  const [second, third] = table.rows;
  const fieldOf = (names: Map<string, Field>, cells: readonly string[]) => (i: number) => names.get(lower(cells[i] ?? ''));

  // Legacy: V1…V10 over the fields' names and the question texts.
  if (lower(first[0] ?? '') === 'v1' && second && legacyByText.has(lower(second[0] ?? '')) && fieldsIn(second, legacyByText) >= 4) {
    const keys = first.map((k, i) => (/^V\d+$/i.test(k) ? (second[i] ?? k) : k));
    const columns = readColumns(keys, second, null, (i) => legacyByText.get(lower(second[i] ?? '')));
    return reading(table, 'legacy export', 2, columns, []);
  }
  if (third && isImportIdRow(third) && fieldsIn(first, byKey) >= 3) {
    const ids = third.map(importIdOf);
    return reading(table, 'current export', 3, readColumns(first, second!, ids, fieldOf(byKey, first)), [], ids);
  }
  if (second && isImportIdRow(second)) {
    const ids = second.map(importIdOf);
    // "Progress", "Finished" and the duration read the same in both rows: count which row this is most like.
    if (fieldsIn(first, byText) >= 3 && fieldsIn(first, byText) > fieldsIn(first, byKey)) {
      // The column ids row was cut: the import ids name the columns.
      const keys = first.map((text, i) => byText.get(lower(text))?.key ?? ids[i] ?? text);
      const columns = readColumns(keys, first, ids, fieldOf(byText, first));
      return reading(table, 'current export', 2, columns, ['The first header row (column ids) is not in this file; columns are named by their import ids.'], ids);
    }
    if (fieldsIn(first, byKey) >= 3) {
      const columns = readColumns(first, null, ids, fieldOf(byKey, first));
      return reading(table, 'current export', 2, columns, ['The question texts (second header row) are not in this file; questions are named by their column ids.'], ids);
    }
  }
  if (fieldsIn(first, byKey) >= 4) {
    const responseId = first.findIndex((k) => lower(k) === 'responseid');
    if (second && responseId >= 0 && lower(second[responseId] ?? '') === 'response id') {
      const columns = readColumns(first, second, null, fieldOf(byKey, first));
      return reading(table, 'current export', 2, columns, ['The import ids (third header row) are not in this file.']);
    }
    const columns = readColumns(first, null, null, fieldOf(byKey, first));
    return reading(table, 'current export', 1, columns, ['The question texts and import ids (header rows 2 and 3) are not in this file; questions are named by their column ids.']);
  }
  return null;
}
