/**
 * LimeSurvey's response export (CSV or Excel): one header row, of question codes
 * (`G01Q01`, `G01Q02[SQ001]`), of full question texts ("Which courses? [Course A]"), or of
 * both ("G01Q01. What is your role?"), after the response fields (id, submitdate, …).
 */
import type { ColumnMeaning, ColumnOrigin } from '../../../../../shared/domain/import-types.ts';
import type { NumberedTable } from '../csv.ts';
import { bracketGroups, column, IDENTIFYING, tidyText, type Reading } from './columns.ts';

type Field = { code: string; text: string[]; origin: ColumnOrigin; identifying?: string };

const FIELDS: Field[] = [
  { code: 'id', text: ['Response ID'], origin: 'respondent-id' },
  { code: 'token', text: ['Access code', 'Token'], origin: 'metadata', identifying: IDENTIFYING.token },
  { code: 'submitdate', text: ['Date submitted'], origin: 'metadata' },
  { code: 'lastpage', text: ['Last page'], origin: 'metadata' },
  { code: 'startlanguage', text: ['Start language'], origin: 'metadata' },
  { code: 'seed', text: ['Seed'], origin: 'metadata' },
  { code: 'startdate', text: ['Date started'], origin: 'metadata' },
  { code: 'datestamp', text: ['Date last action'], origin: 'metadata' },
  { code: 'ipaddr', text: ['IP address'], origin: 'metadata', identifying: IDENTIFYING.ip },
  { code: 'refurl', text: ['Referrer URL'], origin: 'metadata' },
  { code: 'firstname', text: ['First name'], origin: 'metadata', identifying: IDENTIFYING.name },
  { code: 'lastname', text: ['Last name'], origin: 'metadata', identifying: IDENTIFYING.name },
  { code: 'email', text: ['Email address', 'Email'], origin: 'metadata', identifying: IDENTIFYING.email },
  { code: 'interviewtime', text: ['Total time'], origin: 'metadata' },
];

const byName = new Map<string, Field>(FIELDS.flatMap((f) => [[f.code, f] as const, ...f.text.map((t) => [t.toLowerCase(), f] as const)]));
/** Timing columns, per group and per question, in either heading style. */
const TIMING_CODE = /^(groupTime\d+|[A-Za-z][A-Za-z0-9_]*Time)$/;
const TIMING_TEXT = /^(group|question) time: /i;
/** `G01Q02[SQ001]`: a question code and, in brackets, a subquestion or option code. */
const CODE = /^([A-Za-z][A-Za-z0-9_]*)(\[[^\]]*\])*$/;
/** "G01Q01. What is your role?": code, then text. */
const CODE_AND_TEXT = /^([A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*)\.\s+(.+)$/;

/** The "other" and comment boxes of a choice question are typed text. */
const typedText = (code: string): 'text' | null => (/\[(other|[^\]]*comment)\]$/i.test(code) ? 'text' : null);

const fieldOf = (header: string): Field | undefined => {
  const h = header.trim();
  // "id. Response ID" is a field under its own code only: "Approx. Email" is a question's text.
  const both = CODE_AND_TEXT.exec(h);
  const coded = both ? byName.get(both[2]!.toLowerCase()) : undefined;
  return byName.get(h.toLowerCase()) ?? (coded && coded.code === both![1] ? coded : undefined);
};

export function readLimeSurvey(table: NumberedTable): Reading | null {
  const fields = table.header.map(fieldOf);
  const id = fields.findIndex((f) => f?.code === 'id');
  const known = new Set(fields.flatMap((f) => (f ? [f.code] : [])));
  if (id < 0 || !known.has('submitdate') || !['lastpage', 'startlanguage', 'startdate', 'datestamp'].some((c) => known.has(c))) return null;
  // LimeSurvey writes the whole row in one style: the response fields say whether it is "code. Text"
  // ("id. Response ID"), so a full text that begins "Approx. how many…" is not taken for a code.
  const coded = fields.filter((f, i) => f && CODE_AND_TEXT.test(table.header[i]!.trim())).length;
  const codeAndText = coded * 2 > known.size;
  const style = { codes: 0, texts: 0 };
  const columns = table.header.map((header, i): ColumnMeaning => {
    const field = fields[i];
    const key = header.trim();
    if (field) return column(key, { question: field.text[0]!, code: field.code, origin: field.origin, identifying: field.identifying ?? null });
    if (TIMING_CODE.test(key) || TIMING_TEXT.test(key)) return column(key, { origin: 'metadata' });
    const both = codeAndText ? CODE_AND_TEXT.exec(key) : null;
    if (both) {
      const [, code, text] = both as unknown as [string, string, string];
      const sub = /^([^[]+)\[([^\]]*)\]/.exec(code);
      // A subquestion's text ends with its own, "Question? [Teaching]": the question is the text before
      // it and the option is the bracket's text, as in full-text headings (the code if there is none).
      const own = sub ? /\s*\[([^[\]]+)\]$/.exec(text) : null;
      const question = tidyText(own ? text.slice(0, own.index) : text);
      return column(key, { question, option: sub ? own?.[1]!.trim() || sub[2]! : null, group: sub ? sub[1]! : null, code, answers: typedText(code) });
    }
    if (CODE.test(key) && !/\s/.test(key)) {
      style.codes++;
      const sub = /^([^[]+)((?:\[[^\]]*\])+)$/.exec(key);
      const option = sub ? sub[2]!.slice(1, -1).replace(/\]\[/g, ' / ') : null;
      return column(key, { question: sub ? sub[1]! : key, option, group: sub ? sub[1]! : null, code: key, answers: typedText(key) });
    }
    style.texts++;
    return column(key);
  });
  // A choice's own column heads its "other" and comment boxes (`G01Q03`, `G01Q03[other]`): one question, as bracketGroups makes it of full texts.
  columns.forEach((c, i) => {
    if (c.origin === 'question' && c.group === null && c.code !== null && columns[i + 1]?.group === c.code) columns[i] = { ...c, group: c.code };
  });
  bracketGroups(columns);
  const layout = codeAndText ? 'question code and text headings' : style.texts >= style.codes ? 'full question text headings' : 'question code headings';
  const notes = layout === 'question code headings' ? ['The headings are question codes: export with "Full question text" headings to name the questions by their text.'] : [];
  return { survey: { platform: 'limesurvey', layout, headerRows: 1, notes }, columns };
}
