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
  // Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x93 becomes a C1 control,
  // not a curly quote), so the 0x80..0x9F range is mapped here whatever the runtime does.
  return decoder('latin1', false)
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
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
