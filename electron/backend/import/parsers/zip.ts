import { ZipArchive, type ZipLimits } from '../../exchange/zip-read.ts';
import { ImportError } from './errors.ts';

/**
 * Limits for the archives imported as documents and tables (DOCX, ODT, XLSX). Every entry is
 * inflated through the budgeted reader (exchange/zip-read.ts), its size checked against what it
 * declares and its checksum against its data, before any library sees the archive: exceljs
 * inflates every entry of a workbook with no cap, so a crafted XLSX must be stopped here.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 256 * 1024 * 1024 };

/** True when the bytes start like a ZIP archive (DOCX, ODT and XLSX are ZIP archives). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);

/**
 * Reads a ZIP archive whole, within `limits`, and returns the named entries' bytes. Returns
 * every entry name too, so callers can tell "missing part" from "damaged archive".
 * `label` names the format in messages: "is not a valid DOCX file (…)".
 */
export function readZip(
  bytes: Uint8Array,
  fileName: string,
  label: string,
  wanted: (name: string) => boolean,
  limits: ZipLimits = IMPORT_ZIP_LIMITS,
): { names: string[]; files: Map<string, Uint8Array> } {
  const invalid = (why: string) => new ImportError(fileName, `is not a valid ${label} file (${why})`);
  if (!isZip(bytes)) throw invalid('it is not a ZIP archive');
  let archive: ZipArchive;
  try {
    archive = ZipArchive.open(bytes, fileName, label, limits);
  } catch (error) {
    // The archive reader already names the file and the format ("… is not a valid DOCX file:
    // the archive is damaged (no central directory; …)"); wrapping it again would nest brackets.
    if (error instanceof ImportError) throw error;
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  for (const entry of archive.entries) {
    names.push(entry.name);
    if (entry.name.endsWith('/')) continue;
    // Read even when not wanted: the budget and the size and checksum checks cover the whole archive.
    const data = archive.read(entry);
    if (wanted(entry.name)) files.set(entry.name, data);
  }
  return { names, files };
}

/** Decodes an XML part as UTF-8 (the only encoding Office and ODF write). */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
