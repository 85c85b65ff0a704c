import { fileNameFor, toCsv } from '../../../shared/domain/analysis/csv.ts';
import type { ExportTable, FileDownload } from '../../../shared/domain/analysis/types.ts';
import { call } from '../api/client.ts';

/** Saves a blob through a temporary <a download>: the same path in browser mode and Electron. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV with a byte-order mark, so Excel reads the UTF-8 (accents, emoji) correctly. */
export function downloadCsv(table: ExportTable): void {
  saveBlob(new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileNameFor(table.title, 'csv'));
}

/** Saves a file the backend made (XLSX, DOCX, …), sent base64-encoded over the API. */
export function saveFileDownload(file: FileDownload): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mime }), file.fileName);
}

export async function downloadXlsx(tables: ExportTable[]): Promise<void> {
  saveFileDownload(await call('analysis.exportXlsx', { tables }));
}
