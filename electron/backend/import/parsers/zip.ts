import { unzipSync } from 'fflate';
import { ImportError, reasonOf } from './errors.ts';

/** Largest single entry we inflate; guards against zip bombs (declared sizes are checked). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** True when the bytes start like a ZIP archive (DOCX, ODT and XLSX are ZIP archives). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);

/**
 * Reads the named entries of a ZIP archive; entries not asked for are not inflated. Returns
 * every entry name too, so callers can tell "missing part" from "damaged archive".
 * `label` names the format in messages: "is not a valid DOCX file (…)".
 */
export function readZip(
  bytes: Uint8Array,
  fileName: string,
  label: string,
  wanted: (name: string) => boolean,
): { names: string[]; files: Map<string, Uint8Array> } {
  const invalid = (why: string) => new ImportError(fileName, `is not a valid ${label} file (${why})`);
  if (!isZip(bytes)) throw invalid('it is not a ZIP archive');
  const names: string[] = [];
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_ENTRY_BYTES) throw new Error(`${file.name} is too large to unpack`);
        return true;
      },
    });
  } catch (error) {
    throw invalid(`the archive is damaged: ${reasonOf(error)}`);
  }
  return { names, files: new Map(Object.entries(unzipped)) };
}

/** Decodes an XML part as UTF-8 (the only encoding Office and ODF write). */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
