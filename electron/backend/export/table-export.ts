import ExcelJS from 'exceljs';
import { fileNameFor } from '../../../shared/domain/analysis/csv.ts';
import type { ExportTable, FileDownload } from '../../../shared/domain/analysis/types.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A header row: bold on a light fill, a rule below. */
export function styleHeader(header: ExcelJS.Row): void {
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEDE8' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFBDB8AE' } } };
  });
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Table';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 26)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * One workbook, one sheet per table: the title, the header row (bold, frozen), the rows with
 * numbers kept as numbers, then any notes. Returns it base64-encoded for the renderer to save.
 */
export async function tablesToXlsx(tables: readonly ExportTable[]): Promise<FileDownload> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marginalia';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.addRow([table.title]).font = { bold: true, size: 13 };
    sheet.addRow([]);
    styleHeader(sheet.addRow(table.columns));
    for (const row of table.rows) sheet.addRow(row.map((c) => (c === null ? '' : c)));
    if (table.notes && table.notes.length > 0) {
      sheet.addRow([]);
      for (const note of table.notes) sheet.addRow([note]).font = { italic: true, color: { argb: 'FF75716A' } };
    }
    table.columns.forEach((name, i) => {
      const longest = Math.max(name.length, ...table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: fileNameFor(tables[0]?.title ?? 'tables', 'xlsx'), mime: XLSX_MIME, base64: Buffer.from(buffer).toString('base64') };
}
