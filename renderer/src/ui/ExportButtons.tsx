import type { ExportTable } from '../../../shared/domain/analysis/types.ts';
import { attempt } from './notify.ts';
import { downloadCsv, downloadXlsx } from './download.ts';

/** CSV and XLSX of exactly the table on screen. */
export function TableExportButtons({ table, disabled = false }: { table: () => ExportTable; disabled?: boolean }) {
  return (
    <span className="export-buttons" role="group" aria-label="Export table">
      <button disabled={disabled} onClick={() => downloadCsv(table())} title="Save this table as CSV">CSV</button>
      <button disabled={disabled} onClick={() => void attempt(() => downloadXlsx([table()]))} title="Save this table as an Excel workbook">XLSX</button>
    </span>
  );
}
