import { assertLooksLikeText } from './decode.ts';
import { ImportError } from './errors.ts';
import { isZip } from './zip.ts';

import { IMPORT_MAX_BYTES, type ImportFormat } from '../../../../shared/domain/import-types.ts';

export type { ImportFormat } from '../../../../shared/domain/import-types.ts';

/** The limit lives in shared/ so the UI can refuse a file before uploading it. */
export const MAX_IMPORT_BYTES = IMPORT_MAX_BYTES;

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', docx: 'docx', odt: 'odt',
  pdf: 'pdf', vtt: 'vtt', srt: 'srt', json: 'json', csv: 'csv', tsv: 'csv', xlsx: 'xlsx',
};

/** Older or neighbouring formats people try, with the fix that works. */
const HINTS: Record<string, string> = {
  doc: 'save it as .docx in Word and import that',
  rtf: 'save it as .docx and import that',
  xls: 'save it as .xlsx in Excel and import that',
  ods: 'save it as .xlsx or .csv and import that',
  pages: 'export it as .docx and import that',
  qdpx: 'it is a REFI-QDA project from another tool; import it from the Export view (Exchange) or open it as a new project from the Open dialog',
  qdc: 'it is a REFI-QDA codebook; import it from the Export view (Exchange), where it merges into the codebook',
};

const ZIP_FORMATS = new Set<ImportFormat>(['docx', 'odt', 'xlsx']);

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** True when a PDF header appears near the start (pdf.js, like readers, allows leading junk). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-', 0, 'latin1');
}

/** Refuses an empty or oversized file; callers with only a size (a path on disk) use it before reading. */
export function assertImportSize(fileName: string, size: number): void {
  if (size > MAX_IMPORT_BYTES) throw new ImportError(fileName, `is ${megabytes(size)} MB; the limit is ${megabytes(MAX_IMPORT_BYTES)} MB`);
  if (size === 0) throw new ImportError(fileName, 'is empty');
}

/** The format a file name promises, or an ImportError saying what to do with such a file. */
export function formatOfName(fileName: string): ImportFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = BY_EXTENSION[extension];
  if (!format) {
    const hint = HINTS[extension];
    const supported = Object.keys(BY_EXTENSION).map((e) => `.${e}`).join(', ');
    throw new ImportError(
      fileName,
      hint ? `cannot be imported as it is: ${hint}` : `has a file type Marginalia cannot import (supported: ${supported})`,
    );
  }
  return format;
}

/**
 * The import format of a file, from its extension, checked against its content: a .docx
 * that is not a ZIP archive, a .pdf without a PDF header, or a text format holding binary
 * data is refused here, before any parser runs. Also refuses empty and oversized files.
 */
export function detectFormat(fileName: string, bytes: Uint8Array, options: { sniffText?: boolean } = {}): ImportFormat {
  const format = formatOfName(fileName);
  assertImportSize(fileName, bytes.length);
  if (ZIP_FORMATS.has(format)) {
    if (!isZip(bytes)) throw new ImportError(fileName, `is not a valid ${format.toUpperCase()} file (it is not a ZIP archive)`);
  } else if (format === 'pdf') {
    if (!isPdf(bytes)) throw new ImportError(fileName, 'is not a valid PDF file (it does not start with a PDF header)');
  } else {
    if (isZip(bytes) || isPdf(bytes.subarray(0, 8))) throw new ImportError(fileName, 'does not look like a text file');
    // Callers about to decode the whole text skip this: decodeText makes the same check.
    if (options.sniffText !== false) assertLooksLikeText(bytes, fileName);
  }
  return format;
}
