import type { CellValue } from 'exceljs';
import type { NumberedTable, ParsedTable } from './csv.ts';
import { ImportError, reasonOf } from './errors.ts';
import { readZip } from './zip.ts';

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as ISO text: `YYYY-MM-DD`, with `THH:MM:SS` only when it has a time of day,
 * and a bare time for a time-only cell. exceljs builds these Dates in UTC; rounded to the
 * second because Excel stores them as fractional days.
 */
function isoDate(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (day === '1899-12-30') return time; // Excel's day zero: the cell holds a time only
  return time === '00:00:00' ? day : `${day}T${time}`;
}

/** The text of a cell: formulas give their cached result, rich text is concatenated. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

/**
 * The first worksheet of an Excel workbook as a table: the first non-empty row is the
 * header; empty rows are skipped; row numbers in messages are the sheet's own.
 */
export async function parseXlsx(bytes: Uint8Array, fileName: string): Promise<ParsedTable> {
  const { header, rows } = await readXlsxTable(bytes, fileName);
  return { header, rows };
}

/** parseXlsx, keeping each row's sheet row number for messages about its content. */
export async function readXlsxTable(bytes: Uint8Array, fileName: string): Promise<NumberedTable> {
  const { names } = readZip(bytes, fileName, 'XLSX', () => false);
  if (!names.includes('xl/workbook.xml')) throw new ImportError(fileName, 'is not a valid XLSX file (xl/workbook.xml is missing)');
  // Loaded on first use: exceljs is large, and most imports (and the parsing thread) never need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one exactly this file's size.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    throw new ImportError(fileName, `is not a valid XLSX file (${reasonOf(error)})`);
  }
  const sheet = workbook.worksheets.find(Boolean);
  const table: { row: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c.trim() !== '')) table.push({ row: rowNumber, cells: filled });
  });
  const [first, ...rest] = table;
  if (!first) throw new ImportError(fileName, 'has no data in its first worksheet');
  const filledWidth = (cells: string[]) => {
    let width = cells.length;
    while (width > 0 && cells[width - 1]!.trim() === '') width--;
    return width;
  };
  let width = filledWidth(first.cells);
  // A header with gaps spans questions over their options' columns (SurveyMonkey): the second
  // header row names the last options, past the last filled cell of the first.
  const second = rest[0];
  if (second && first.cells.slice(0, width).some((c) => c.trim() === '')) width = Math.max(width, filledWidth(second.cells));
  // Past the last cell the file stores in the first row (a spanned header's trailing gaps), names are empty.
  const header = Array.from({ length: width }, (_, i) => (first.cells[i] ?? '').trim());
  const rows = rest.map(({ row, cells }) => {
    const extra = cells.findIndex((c, i) => i >= width && c.trim() !== '');
    if (extra >= 0) {
      const col = columnName(extra + 1);
      throw new ImportError(fileName, `cell ${col}${row} has a value, but column ${col} has no header in row ${first.row}`, { row });
    }
    return Array.from({ length: width }, (_, i) => cells[i] ?? '');
  });
  return { header, rows, rowNumbers: rest.map(({ row }) => row) };
}
