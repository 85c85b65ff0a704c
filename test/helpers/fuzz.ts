/**
 * Property-based fuzzing (fast-check) shared by test/unit/fuzz and test/integration/fuzz.
 *
 * Each property states its CI budget (cases per run). `npm run fuzz` (scripts/fuzz.mjs) sets
 * MARGINALIA_FUZZ_RUNS to run more; MARGINALIA_FUZZ_SEED repeats a run (fast-check prints the
 * seed and the counterexample's path when a property fails).
 */
import { unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { ImportError, displayName } from '../../electron/backend/import/parsers/errors.ts';

/** Cases for one property: its CI budget, or MARGINALIA_FUZZ_RUNS when set (never fewer). */
export function fuzzRuns(ci: number): number {
  const asked = Number(process.env.MARGINALIA_FUZZ_RUNS);
  return Number.isInteger(asked) && asked > ci ? asked : ci;
}

/** fast-check parameters for a property with this CI budget. */
export function fuzzParams(ci: number): { numRuns: number; seed?: number; endOnFailure: true } {
  const seed = Number(process.env.MARGINALIA_FUZZ_SEED);
  return { numRuns: fuzzRuns(ci), endOnFailure: true, ...(Number.isInteger(seed) ? { seed } : {}) };
}

/** A vitest timeout for a property: generous for its budget, grown with MARGINALIA_FUZZ_RUNS. */
export function fuzzTimeout(ci: number, msPerCase: number): number {
  return Math.max(30_000, fuzzRuns(ci) * msPerCase * 3);
}

/** Strings that stress text handling: line ends, BOMs, NUL, lone surrogates, emoji, combining marks, RTL. */
export const HOSTILE_TOKENS = [
  '\n', '\r\n', '\r', '\u2028', '\ufeff', '\u0000', '\t', ' ', '"', "'", ',', ';', ':', '\\', '/',
  '\ud83d', '\ude00', '😀', '👩🏽‍🔬', 'é', 'e\u0301', '\u202e', 'ß', 'İ', '𝔘', '\u00a0', '&amp;', '&#0;', '&#xD800;',
];

/**
 * A text made from a format's own tokens, hostile tokens and arbitrary strings, so random
 * cases reach past the first check of a parser.
 */
export function tokenText(tokens: readonly string[], maxTokens = 60): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokens) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.nat({ max: 99_999 }).map(String) },
  );
  return fc.array(token, { maxLength: maxTokens }).map((parts) => parts.join(''));
}

type TextEdit =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swapLines'; a: number; b: number };

const textEdit = (insertions: fc.Arbitrary<string>): fc.Arbitrary<TextEdit> =>
  fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertions }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 80 }) }),
    fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  );

function applyEdit(text: string, edit: TextEdit): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  if (edit.op === 'delete') return text.slice(0, at(edit.at)) + text.slice(at(edit.at) + edit.length);
  if (edit.op === 'insert') return text.slice(0, at(edit.at)) + edit.text + text.slice(at(edit.at));
  if (edit.op === 'duplicate') {
    const from = at(edit.at);
    return text.slice(0, from) + text.slice(from, from + edit.length) + text.slice(from);
  }
  const lines = text.split('\n');
  const a = edit.a % lines.length;
  const b = edit.b % lines.length;
  [lines[a], lines[b]] = [lines[b]!, lines[a]!];
  return lines.join('\n');
}

/** A real file's text, edited a few times at random (cut, insert a token, repeat a stretch, swap lines). */
export function editedText(base: string, tokens: readonly string[], maxEdits = 3): fc.Arbitrary<string> {
  const insertion = tokenText(tokens, 4);
  return fc.array(textEdit(insertion), { minLength: 1, maxLength: maxEdits }).map((edits) => edits.reduce(applyEdit, base));
}

type ByteEdit = { op: 'flip'; at: number; bit: number } | { op: 'truncate'; at: number } | { op: 'splice'; at: number; bytes: Uint8Array } | { op: 'set'; at: number; value: number };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x0a, 0x3c) }),
);

function applyByteEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  if (bytes.length === 0) return edit.op === 'splice' ? edit.bytes : bytes;
  const at = edit.at % bytes.length;
  if (edit.op === 'truncate') return bytes.slice(0, at);
  if (edit.op === 'splice') return new Uint8Array([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]);
  const out = bytes.slice();
  out[at] = edit.op === 'flip' ? out[at]! ^ (1 << edit.bit) : edit.value;
  return out;
}

/** A real file's bytes with a few bytes flipped, set, inserted or cut off. */
export function editedBytes(base: Uint8Array, maxEdits = 4): fc.Arbitrary<Uint8Array> {
  return fc.array(byteEdit, { minLength: 1, maxLength: maxEdits }).map((edits) => edits.reduce(applyByteEdit, base));
}

/**
 * A ZIP-based file (DOCX, ODT, XLSX, QDPX) rebuilt with one of its XML or text entries edited
 * as text: the archive stays valid, so the case reaches the XML behind it.
 */
export function editedZipEntry(base: Uint8Array, tokens: readonly string[]): fc.Arbitrary<Uint8Array> {
  const entries = unzipSync(base);
  const names = Object.keys(entries).filter((n) => /\.(xml|rels|qde|txt)$/i.test(n));
  if (names.length === 0) throw new Error('fuzz: the archive has no XML entry to edit');
  return fc.constantFrom(...names).chain((name) =>
    editedText(new TextDecoder().decode(entries[name]), tokens).map((text) => zipSync({ ...entries, [name]: new TextEncoder().encode(text) })),
  );
}

/** XML tokens that push an XML reader into its corners. */
export const XML_TOKENS = [
  '<', '>', '</', '/>', '="', '"', '<w:p>', '</w:p>', '<w:t>', '</w:t>', '<w:t xml:space="preserve">', '<w:br/>', '<w:tab/>',
  '<text:p>', '</text:p>', '<text:h text:outline-level="2">', '</text:h>', '<text:s text:c="99999"/>', '<row>', '<c r="A1" t="s">', '<v>0</v>', '<si><t>x</t></si>',
  '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '&lt;', '&#x1F600;', '&#99999999;',
  'xmlns="urn:QDA-XML:project:1.0"', 'guid="', 'startPosition="', 'endPosition="', '-1', '4294967296', '1e309', 'NaN',
];

/** The outcome of a parse: a value, or an ImportError whose message starts with the file's name. Anything else fails the property. */
export async function parsedOrRefused<T>(name: string, parse: () => T | Promise<T>): Promise<T | null> {
  try {
    return await parse();
  } catch (error) {
    if (!(error instanceof ImportError)) throw new Error(`${name}: not an ImportError but ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    if (!error.message.startsWith(displayName(name))) throw new Error(`the message does not name the file: ${error.message}`);
    return null;
  }
}

export { fc };
