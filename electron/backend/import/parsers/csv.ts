import { canonicalText } from '../../../../shared/domain/offsets.ts';
import { ImportError } from './errors.ts';

/** A table of answers: the header names the columns; every row has one cell per column. */
export type ParsedTable = { header: string[]; rows: string[][] };
/** A table plus, for each row, its row number as a spreadsheet shows it (for messages). */
export type NumberedTable = ParsedTable & { rowNumbers: number[] };

const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** How far into a file the delimiter is looked for: enough records to see a pattern. */
const DELIMITER_SAMPLE = 64 * 1024;
const DELIMITER_RECORDS = 12;

/** For each of the first records (quotes respected), how often the delimiter occurs outside quotes. */
function countsPerRecord(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let n = 0;
  let quoted = false;
  let blank = true;
  const end = Math.min(text.length, DELIMITER_SAMPLE);
  for (let i = 0; i < end && counts.length < DELIMITER_RECORDS; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') {
      if (!blank) counts.push(n);
      n = 0;
      blank = true;
      continue;
    } else if (!quoted && c === delimiter) n++;
    if (c.trim() !== '') blank = false;
  }
  if (!blank && counts.length < DELIMITER_RECORDS) counts.push(n);
  return counts;
}

/**
 * The delimiter: the one that splits the first records into the same number of cells each;
 * tab before semicolon before comma when several do, since a comma file rarely has the same
 * count of bare semicolons on every line, while a Spanish-locale Excel leaves the commas of
 * its cells (decimal commas too) unquoted. With none consistent, the one used most often in
 * the first record.
 */
function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, countsPerRecord(text, d)]));
  const rank = (d: string) => DELIMITERS.findIndex((x) => x === d);
  const consistent = DELIMITERS.filter((d) => {
    const c = counts.get(d)!;
    return c.length > 1 && c[0]! > 0 && c.every((n) => n === c[0]);
  });
  const first = (d: string) => counts.get(d as (typeof DELIMITERS)[number])![0] ?? 0;
  if (consistent.length > 0) return [...consistent].sort((a, b) => rank(b) - rank(a))[0]!;
  let best: string = ',';
  for (const d of DELIMITERS) if (first(d) > first(best)) best = d;
  return best;
}

/** True when text is a table of tab-separated values (Excel's "Unicode Text" is one in a .txt). */
export function looksTabular(text: string): boolean {
  const tabs = countsPerRecord(text, '\t');
  return tabs.length >= 2 && tabs[0]! >= 2 && tabs.every((n) => n === tabs[0]);
}

/**
 * Records of RFC 4180 CSV: quoted cells, doubled quotes, line breaks inside quotes. Each
 * record carries the (1-based) line it starts on. A blank line is an empty record.
 */
function records(text: string, delimiter: string, fileName: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let closed = false; // just after a closing quote
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        if (c === '\n') line++;
        cell += c;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
        closed = true;
      }
    } else if (c === delimiter || c === '\n') {
      record.push(cell);
      cell = '';
      closed = false;
      if (c === '\n') {
        out.push(record);
        record = [];
        line++;
      }
    } else if (closed) {
      if (c !== ' ' && c !== '\t') {
        throw new ImportError(
          fileName,
          'a quoted cell has text after its closing quote; inside a quoted cell, write a quote mark as two ("")',
          { line },
        );
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else {
      cell += c;
    }
  }
  if (quoted) {
    throw new ImportError(fileName, 'a quoted cell starts here but its closing quote mark is missing', { line: quoteLine });
  }
  if (cell !== '' || record.length > 0 || closed) out.push([...record, cell]);
  return out;
}

const isBlank = (record: string[]) => record.length === 1 && record[0]!.trim() === '';

/**
 * Parses a CSV export of questionnaire answers. The delimiter (comma, semicolon or tab) is
 * detected from the header line; Excel's `sep=;` first line is honoured. Row numbers in
 * messages count records as a spreadsheet shows them: the header line is row 1 (a `sep=`
 * line or leading blank lines shift it), and a cell with line breaks stays one row.
 */
export function parseCsv(raw: string, fileName: string): ParsedTable {
  const { header, rows } = readCsvTable(raw, fileName);
  return { header, rows };
}

/** parseCsv, keeping each row's number for messages about its content. */
export function readCsvTable(raw: string, fileName: string): NumberedTable {
  let text = canonicalText(raw);
  let skipped = 0;
  const sep = /^sep=(.)\n/.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    skipped = 1;
  }
  const delimiter = sep ? sep[1]! : detectDelimiter(text);
  const all = records(text, delimiter, fileName);
  const headerIndex = all.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) throw new ImportError(fileName, 'has no header row (the file is empty)');
  const header = all[headerIndex]!.map((name) => name.trim());
  const headerRow = headerIndex + 1 + skipped;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  all.forEach((record, i) => {
    if (i <= headerIndex || isBlank(record)) return;
    if (record.length !== header.length) {
      const name = DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`;
      throw new ImportError(
        fileName,
        `${record.length} cells, but the header (row ${headerRow}) has ${header.length} columns; look for a missing or extra ${name}, or a ${name} inside a cell that is not quoted`,
        { row: i + 1 + skipped },
      );
    }
    rows.push(record);
    rowNumbers.push(i + 1 + skipped);
  });
  return { header, rows, rowNumbers };
}
