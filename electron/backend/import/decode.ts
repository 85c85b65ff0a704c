import { canonicalText } from '../../../shared/domain/offsets.ts';
import { ImportError } from './errors.ts';

/** How much of a file the binary sniffing looks at; enough to see a binary header. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which a file is treated as binary, not text. */
const MAX_CONTROL_SHARE = 0.02;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function bomEncoding(bytes: Uint8Array): { encoding: Encoding; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** True for C0/C1 controls other than tab, LF, VT, FF, CR (which plain text uses). */
function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d) return false;
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0);
}

function looksBinary(text: string): boolean {
  const sample = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  if (sample.length === 0) return false;
  if (sample.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) if (isControl(sample.charCodeAt(i))) controls++;
  return controls / sample.length > MAX_CONTROL_SHARE;
}

function decodeWith(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and Windows-1252
 * when the bytes are not valid UTF-8 (what older Windows tools write). Rejects binary
 * content. Returns the canonical text (BOM stripped, line endings LF).
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const bom = bomEncoding(bytes);
  let text: string;
  if (bom) {
    text = decodeWith(bytes.subarray(bom.skip), bom.encoding, false);
  } else if (bytes.includes(0)) {
    // NUL bytes never occur in UTF-8 or Windows-1252 text; BOM-less UTF-16 is not guessed.
    throw new ImportError(fileName, 'does not look like a text file');
  } else {
    try {
      text = decodeWith(bytes, 'utf-8', true);
    } catch {
      text = decodeWith(bytes, 'windows-1252', false);
    }
  }
  if (looksBinary(text)) throw new ImportError(fileName, 'does not look like a text file');
  return canonicalText(text);
}

/**
 * Cheap check on the start of a file that claims to be text, used by format detection so a
 * binary file with a .txt name is refused before any parsing.
 */
export function assertLooksLikeText(bytes: Uint8Array, fileName: string): void {
  decodeText(bytes.subarray(0, SNIFF_BYTES), fileName);
}
