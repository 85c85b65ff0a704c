/**
 * The researcher's lists, as typed in the review screen or read from files (one entry a line,
 * blank lines and lines starting with # ignored):
 *
 * names — one person a line, aliases after `;`, an optional participant label before `=`:
 *   `PA = Helena Varga; Helena V.; Lena`
 * terms — one term a line, an optional category after `|` (it names the replacement):
 *   `Universidad de Monterrey | University`
 */

export type PersonEntry = {
  name: string;
  aliases: string[];
  /** The participant this person is, by label; their replacement is `[Participant <label>]`. */
  participantLabel: string | null;
  /** 1-based line in the list, for messages; 0 for people taken from the project. */
  line: number;
};

export type TermEntry = { term: string; category: string; line: number };

export type ListProblem = { line: number; message: string };

export const DEFAULT_TERM_CATEGORY = 'Term';
const MAX_ENTRY = 200;

/** Lines of a list with their 1-based numbers, skipping blank and comment lines. */
function entries(text: string): { line: number; value: string }[] {
  const out: { line: number; value: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  lines.forEach((raw, i) => {
    const value = raw.replace(/[\u200b\uFEFF]/g, '').trim();
    if (value !== '' && !value.startsWith('#')) out.push({ line: i + 1, value });
  });
  return out;
}

/** A part of an entry: white space collapsed; refuses control characters and empties. */
function clean(part: string, where: string, problems: ListProblem[], line: number): string | null {
  const value = part.replace(/\s+/g, ' ').trim();
  if (value === '') return null;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    problems.push({ line, message: `${where} on line ${line} contains a control character` });
    return null;
  }
  if (value.length > MAX_ENTRY) {
    problems.push({ line, message: `${where} on line ${line} is longer than ${MAX_ENTRY} characters` });
    return null;
  }
  if (!/[\p{L}\p{N}]/u.test(value)) {
    problems.push({ line, message: `${where} on line ${line} (“${value}”) holds no letter or digit` });
    return null;
  }
  return value;
}

export function parseNamesList(text: string): { people: PersonEntry[]; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  const people: PersonEntry[] = [];
  for (const { line, value } of entries(text)) {
    let rest = value;
    let participantLabel: string | null = null;
    const eq = rest.indexOf('=');
    if (eq >= 0) {
      participantLabel = clean(rest.slice(0, eq), 'The participant label', problems, line);
      rest = rest.slice(eq + 1);
    }
    const parts = rest.split(';').map((p) => clean(p, 'A name', problems, line)).filter((p): p is string => p !== null);
    if (parts.length === 0) {
      problems.push({ line, message: `Line ${line} of the names list has no name` });
      continue;
    }
    people.push({ name: parts[0]!, aliases: parts.slice(1), participantLabel, line });
  }
  return { people, problems };
}

export function parseTermsList(text: string): { terms: TermEntry[]; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  const terms: TermEntry[] = [];
  for (const { line, value } of entries(text)) {
    const bar = value.lastIndexOf('|');
    const term = clean(bar >= 0 ? value.slice(0, bar) : value, 'The term', problems, line);
    const category = bar >= 0 ? clean(value.slice(bar + 1), 'The category', problems, line) : DEFAULT_TERM_CATEGORY;
    if (term === null) {
      if (bar < 0 || value.slice(0, bar).trim() === '') problems.push({ line, message: `Line ${line} of the terms list has no term` });
      continue;
    }
    terms.push({ term, category: category ?? DEFAULT_TERM_CATEGORY, line });
  }
  return { terms, problems };
}
