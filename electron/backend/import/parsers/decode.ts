import { canonicalText } from '../../../../shared/domain/offsets.ts';
import { ImportError } from './errors.ts';

/** How much of a file the binary sniffing looks at; enough to see a binary header. */
export const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which a file is treated as binary, not text. */
const MAX_CONTROL_SHARE = 0.02;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function bomEncoding(bytes: Uint8Array): { encoding: Encoding; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** C0/C1 controls other than tab, LF, VT, FF, CR (which plain text uses). */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

function looksBinary(text: string): boolean {
  const sample = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  if (sample.length === 0) return false;
  if (sample.includes('\u0000')) return true;
  // One native scan; text files usually have no control character at all.
  const controls = sample.match(CONTROLS)?.length ?? 0;
  return controls / sample.length > MAX_CONTROL_SHARE;
}

/** Windows-1252 meanings of 0x80..0x9F; the five unassigned bytes keep their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decoders are reusable (each decode() call is complete on its own); a batch makes thousands of calls. */
type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder>();
const decoder = (encoding: string, fatal: boolean): Decoder => {
  const key = `${encoding}:${fatal}`;
  let d = decoders.get(key);
  if (!d) decoders.set(key, (d = new TextDecoder(encoding, { fatal, ignoreBOM: true })));
  return d;
};

function decodeWith(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
  if (encoding !== 'windows-1252') return decoder(encoding, fatal).decode(bytes);
  // By table, not TextDecoder: Node 20's 'windows-1252' decodes as ISO-8859-1 (0x93 becomes a C1
  // control, not a curly quote), and its 'latin1' with ignoreBOM drops a leading 0xFF, so every
  // ÿ of a mixed file, decoded a byte at a time, would be lost.
  let text = '';
  for (let at = 0; at < bytes.length; at += CHUNK) text += String.fromCharCode(...Array.from(bytes.subarray(at, at + CHUNK), (b) => CP1252[b]!));
  return text;
}

/** Windows-1252 byte → UTF-16 code unit; bytes outside 0x80..0x9F are their own code point. */
const CP1252 = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
/** Bytes per String.fromCharCode call (well under the engine's argument limit). */
const CHUNK = 8192;

/**
 * UTF-16 without a byte order mark, recognised from mostly-Latin text: the high byte of
 * nearly every character is zero, on the odd bytes (little endian) or the even ones.
 */
function bomlessUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Length of the valid UTF-8 sequence starting at i (2–4 bytes), or 0 when there is none. */
function utf8Sequence(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Text that is not valid UTF-8 throughout: each valid UTF-8 sequence as UTF-8, every other
 * byte as Windows-1252. A file pasted together from an Excel "Save as CSV" (Windows-1252)
 * and a UTF-8 export reads right on both sides; a pure Windows-1252 file has no valid
 * multi-byte sequences in practice (é followed by a continuation byte is not a word).
 */
function decodeMixed(bytes: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8Sequence(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(decodeWith(bytes.subarray(start, i), 'utf-8', false), decodeWith(bytes.subarray(i, i + 1), 'windows-1252', false));
    start = ++i;
  }
  parts.push(decodeWith(bytes.subarray(start), 'utf-8', false));
  return parts.join('');
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and Windows-1252
 * where the bytes are not valid UTF-8 (what older Windows tools write; a file mixing both is
 * read byte run by byte run). Rejects binary content. Returns the canonical text (BOM
 * stripped, line endings LF).
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const bom = bomEncoding(bytes);
  let text: string;
  if (bom) {
    text = decodeWith(bytes.subarray(bom.skip), bom.encoding, false);
  } else if (bytes.includes(0)) {
    // NUL bytes never occur in UTF-8 or Windows-1252 text; they do in UTF-16 saved without a BOM.
    const utf16 = bomlessUtf16(bytes);
    if (!utf16) throw new ImportError(fileName, 'does not look like a text file');
    text = decodeWith(bytes, utf16, false);
  } else {
    try {
      text = decodeWith(bytes, 'utf-8', true);
    } catch {
      text = decodeMixed(bytes);
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
