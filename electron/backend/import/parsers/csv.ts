import { canonicalText } from '../../../../shared/domain/offsets.ts';
import { ImportError } from './errors.ts';

/** A table of answers: the header names the columns; every row has one cell per column. */
export type ParsedTable = { header: string[]; rows: string[][] };
/** A table plus, for each row, its row number as a spreadsheet shows it (for messages). */
export type NumberedTable = ParsedTable & { rowNumbers: number[] };

const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The delimiter used most often in the first record outside quotes; comma on a tie. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
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
