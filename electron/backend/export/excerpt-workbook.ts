import ExcelJS from 'exceljs';
import type { Field } from './report-model.ts';
import { styleHeader } from './table-export.ts';
import type { ExportCell } from '../../../shared/domain/analysis/types.ts';

/** Columns whose text runs long: wrapped, and given room. */
const WIDE: Record<string, number> = { Quote: 80, Memo: 50, 'Code path': 32 };

/**
 * The excerpts as a workbook a researcher can filter and sort: the header in the first row
 * (frozen, with filter buttons), one row per excerpt, numbers as numbers and "Coded at" as a
 * date; a second sheet says what was exported, from where and with which filters.
 */
export async function excerptWorkbook(columns: readonly string[], rows: readonly ExportCell[][], about: { title: string; fields: Field[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marginalia';
  workbook.title = about.title;
  const sheet = workbook.addWorksheet('Excerpts', { views: [{ state: 'frozen', ySplit: 1 }] });
  styleHeader(sheet.addRow([...columns]));
  const codedAt = columns.indexOf('Coded at');
  for (const row of rows) {
    const cells = row.map((c, i) => (i === codedAt && typeof c === 'string' && !Number.isNaN(Date.parse(c)) ? new Date(c) : (c ?? '')));
    sheet.addRow(cells);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  columns.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    const wide = WIDE[name];
    if (wide) {
      column.width = wide;
      column.alignment = { wrapText: true, vertical: 'top' };
    } else {
      const longest = Math.max(name.length, ...rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
      column.width = Math.min(40, Math.max(8, longest + 2));
      column.alignment = { vertical: 'top' };
    }
    if (i === codedAt) column.numFmt = 'yyyy-mm-dd hh:mm';
  });
  const info = workbook.addWorksheet('About');
  info.addRow([about.title]).font = { bold: true, size: 13 };
  info.addRow([]);
  for (const f of about.fields) info.addRow([f.label, f.value]).getCell(1).font = { bold: true };
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
