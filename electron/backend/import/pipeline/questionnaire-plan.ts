import { isCalendarDay } from '../../../../shared/domain/calendar.ts';
import { ApiFailure } from '../../../../shared/api/errors.ts';
import type { ColumnMeaning, QuestionnaireOptions } from '../../../../shared/domain/import-types.ts';
import { canonicalText } from '../../../../shared/domain/offsets.ts';
import type { AttributeType } from '../../../../shared/domain/types.ts';
import { ImportError } from '../parsers/errors.ts';
import type { SurveyTable } from '../parsers/survey/recognize.ts';

export type AnswerColumn = { header: string; index: number; key: string; text: string; sectionCodeId: number | null };
export type AttributeColumn = { header: string; index: number; type: AttributeType; name: string };
export type PlannedRespondent = {
  row: number;
  id: string;
  /** One per answer column; null when the cell is empty. */
  answers: (string | null)[];
  /** One per attribute column, normalised for its type; null when the cell is empty. */
  attributes: (string | null)[];
};
export type QuestionnairePlan = {
  answerColumns: AnswerColumn[];
  attributeColumns: AttributeColumn[];
  respondents: PlannedRespondent[];
  emptyAnswers: number;
  /** Columns imported (the id column included) although they can identify a person. */
  identifying: string[];
};

/** Longest respondent id: a respondent becomes a participant labelled with it (participants.create). */
export const MAX_RESPONDENT_ID = 40;

/** Why an id cannot be a respondent's, or null. */
export function respondentIdProblem(id: string): string | null {
  if (id === '') return 'the respondent id is empty';
  if (id.length > MAX_RESPONDENT_ID) return `respondent id "${id.slice(0, 20)}…" is longer than ${MAX_RESPONDENT_ID} characters, too long for a participant label`;
  return null;
}

/** Longest attribute value, as participants.setAttribute allows. */
const MAX_ATTRIBUTE_CHARS = 2000;

/**
 * "Q3. Why did you enrol?", "3) Why…", "Q3: Why…", "Q3 – Why…" → key Q3 and the question's text.
 * After a full stop, colon or dash a space must follow, so "3.5 hours a week?", "10:30 start?"
 * and "360-degree feedback: useful?" are questions without a key, not keys 3, 10 and 360.
 */
const KEYED_HEADER = /^\s*(Q?\d{1,4}[a-z]?)\s*(?:[)\]]\s*|[.:–-]\s+)(\S.*)$/i;

export function questionKeyAndText(header: string, position: number): { key: string; text: string } {
  const m = KEYED_HEADER.exec(header);
  if (!m) return { key: `Q${position}`, text: header.trim() };
  const key = m[1]!.toUpperCase();
  return { key: key.startsWith('Q') ? key : `Q${key}`, text: m[2]!.trim() };
}

/** A column's question as stored: the platform's code as key when it has one, the text with its option. */
export function questionOf(meaning: ColumnMeaning, position: number): { key: string; text: string } {
  const text = meaning.option ? `${meaning.question} — ${meaning.option}` : meaning.question;
  return meaning.code ? { key: meaning.code, text } : questionKeyAndText(text, position);
}

/** Longest attribute name (attributes.define). */
const MAX_ATTRIBUTE_NAME = 80;

/** The attribute a column becomes: "Question [Option]", shortened to fit with its option kept. */
export function attributeNameOf(meaning: ColumnMeaning): string {
  const whole = meaning.option ? `${meaning.question} [${meaning.option}]` : meaning.question;
  if (whole.length <= MAX_ATTRIBUTE_NAME) return whole;
  const option = meaning.option ? ` [${meaning.option}]` : '';
  if (option.length > MAX_ATTRIBUTE_NAME / 2) return `${whole.slice(0, MAX_ATTRIBUTE_NAME - 1).trimEnd()}…`;
  return `${meaning.question.slice(0, MAX_ATTRIBUTE_NAME - option.length - 1).trimEnd()}…${option}`;
}

/** An answer cell as codable text: line endings normalised, at most one blank line in a row. */
export const answerText = (cell: string): string => canonicalText(cell).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

/** A decimal number as people and spreadsheets write it: `3`, `-0.5`, `.5`, `1.2E+06` (not `0x1F`, not `Infinity`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** `1,000,000` or `1,000.5`: commas that can only be thousands separators. */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3}){2,}(\.\d+)?$|^[+-]?\d{1,3},\d{3}\.\d+$/;

/** A number cell's value, a decimal comma read (`3,5`); `1,000` is refused, being 1000 or 1 depending on who wrote it. */
function numberValue(text: string): { value: string } | { problem: string } {
  if (/^[+-]?\d{1,3},\d{3}$/.test(text)) {
    const [thousands, decimal] = [Number(text.replace(',', '')), Number(text.replace(',', '.'))];
    return { problem: `"${text}" could be ${thousands} or ${decimal}; write it without the comma, or with a full stop for a decimal` };
  }
  const n = THOUSANDS.test(text) ? text.replaceAll(',', '') : text.replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  return DECIMAL.test(n) && Number.isFinite(Number(n)) ? { value: String(Number(n)) } : { problem: `"${text}" is not a number` };
}

/** A cell as the attribute's stored value, or why it cannot be one. */
export function attributeValue(raw: string, type: AttributeType): { value: string } | { problem: string } {
  const text = raw.trim();
  if (type === 'number') return numberValue(text);
  if (type === 'date') {
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
    const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
    if (y && m && d && isCalendarDay(Number(y), Number(m), Number(d))) return { value: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
    return { problem: `"${text}" is not a date; write dates as YYYY-MM-DD (day.month.year is read too)` };
  }
  return text.length <= MAX_ATTRIBUTE_CHARS ? { value: text } : { problem: `the value is longer than ${MAX_ATTRIBUTE_CHARS} characters` };
}

/**
 * Checks the column roles against the file's header and reads every row: respondent ids
 * (present and unique), answers (empty ones skipped) and typed attribute values. Every
 * problem names the file and, for data, the row. Pure: nothing is written.
 */
export function planQuestionnaire(table: SurveyTable, fileName: string, options: Omit<QuestionnaireOptions, 'family'>, field: string): QuestionnairePlan {
  const fail = (message: string, at: string) => new ApiFailure('invalid_input', `${fileName}: ${message}`, `${field}.${at}`);
  const columnIndex = (name: string, at: string): number => {
    const matches = table.header.flatMap((h, i) => (h.toLowerCase() === name.trim().toLowerCase() ? [i] : []));
    if (matches.length === 0) throw fail(`there is no column "${name}" (the columns are ${table.header.map((h) => `"${h}"`).join(', ')})`, at);
    if (matches.length > 1) throw fail(`${matches.length} columns are headed "${name}"; rename them in the file so each header is unique`, at);
    return matches[0]!;
  };

  const idIndex = columnIndex(options.idColumn, 'idColumn');
  const seen = new Set<number>([idIndex]);
  const answerColumns: AnswerColumn[] = [];
  const attributeColumns: AttributeColumn[] = [];
  options.columns.forEach((role, j) => {
    if (role.role === 'ignore') return;
    const index = columnIndex(role.column, `columns.${j}.column`);
    if (index === idIndex) throw fail(`"${role.column}" is the respondent id column; it cannot also be ${role.role === 'answer' ? 'an answer' : 'an attribute'}`, `columns.${j}.role`);
    if (seen.has(index)) throw fail(`column "${role.column}" is given a role twice`, `columns.${j}.column`);
    seen.add(index);
    const header = table.header[index]!;
    const meaning = table.columns[index]!;
    if (role.role === 'answer') {
      answerColumns.push({ header, index, ...questionOf(meaning, answerColumns.length + 1), sectionCodeId: role.sectionCodeId ?? null });
    } else {
      attributeColumns.push({ header, index, type: role.type ?? 'text', name: attributeNameOf(meaning) });
    }
  });
  const names = new Map<string, string>();
  for (const c of attributeColumns) {
    const other = names.get(c.name.toLowerCase());
    if (other !== undefined) throw fail(`columns "${other}" and "${c.header}" would both become the attribute "${c.name}"; import one of them only`, 'columns');
    names.set(c.name.toLowerCase(), c.header);
  }
  const identifying = [...seen].sort((a, b) => a - b).flatMap((i) => (table.columns[i]!.identifying ? [table.header[i]!] : []));
  if (answerColumns.length === 0 && attributeColumns.length === 0) {
    throw fail('choose at least one column of answers or attributes to import', 'columns');
  }

  const firstRow = new Map<string, number>();
  let emptyAnswers = 0;
  const respondents = table.rows.map((cells, r): PlannedRespondent => {
    const row = table.rowNumbers[r] ?? r + 2;
    const id = cells[idIndex]!.trim();
    const idColumn = table.header[idIndex]!;
    const problem = respondentIdProblem(id);
    if (problem !== null) throw new ImportError(fileName, problem, { row, column: idColumn });
    const earlier = firstRow.get(id.toLowerCase());
    if (earlier !== undefined) {
      throw new ImportError(fileName, `respondent id "${id}" already appears in row ${earlier}; each row must be a different respondent`, { row, column: idColumn });
    }
    firstRow.set(id.toLowerCase(), row);
    const answers = answerColumns.map((c) => {
      const text = answerText(cells[c.index] ?? '');
      if (text === '') emptyAnswers++;
      return text === '' ? null : text;
    });
    const attributes = attributeColumns.map((c) => {
      const raw = cells[c.index] ?? '';
      if (raw.trim() === '') return null;
      const v = attributeValue(raw, c.type);
      if ('problem' in v) throw new ImportError(fileName, `${v.problem} (the column is imported as a ${c.type} attribute)`, { row, column: c.header });
      return v.value;
    });
    return { row, id, answers, attributes };
  });
  return { answerColumns, attributeColumns, respondents, emptyAnswers, identifying };
}
