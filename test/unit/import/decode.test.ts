import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/backend/import/parsers/decode.ts';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { utf16Bytes, utf8Bytes, windows1252Bytes } from '../../helpers/files.ts';

const TEXT = 'Interviewer: Où étiez-vous ?\r\nP01: À Zürich — 😀 café\r\n';
const CANONICAL = 'Interviewer: Où étiez-vous ?\nP01: À Zürich — 😀 café\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, and returns canonical text (LF, no BOM)', () => {
    expect(decodeText(utf8Bytes(TEXT), 'a.txt')).toBe(CANONICAL);
    expect(decodeText(utf8Bytes(TEXT, true), 'a.txt')).toBe(CANONICAL);
  });

  it('reads UTF-16 little and big endian with a BOM, including astral characters', () => {
    expect(decodeText(utf16Bytes(TEXT, 'le'), 'a.txt')).toBe(CANONICAL);
    expect(decodeText(utf16Bytes(TEXT, 'be'), 'a.txt')).toBe(CANONICAL);
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const bytes = windows1252Bytes('Caf\u00e9 \u201cquoted\u201d \u2013 r\u00e9sum\u00e9\r\n');
    expect(bytes[3]).toBe(0xe9);
    expect(decodeText(bytes, 'old.txt')).toBe('Café “quoted” – résumé\n');
  });

  it('reads a file that mixes UTF-8 and Windows-1252 (two exports pasted together) right on both sides', () => {
    const bytes = new Uint8Array([...utf8Bytes('id,answer\nR1,Café in Zürich\n'), ...windows1252Bytes('R2,Caf\u00e9 \u201cpas cher\u201d\n')]);
    expect(decodeText(bytes, 'joined.csv')).toBe('id,answer\nR1,Café in Zürich\nR2,Café “pas cher”\n');
  });

  it('reads UTF-16 saved without a byte order mark', () => {
    expect(decodeText(utf16Bytes(TEXT, 'le').subarray(2), 'nobom.txt')).toBe(CANONICAL);
    expect(decodeText(utf16Bytes(TEXT, 'be').subarray(2), 'nobom.txt')).toBe(CANONICAL);
  });

  it('turns lone CR line endings into LF', () => {
    expect(decodeText(utf8Bytes('one\rtwo\r'), 'mac.txt')).toBe('one\ntwo\n');
  });

  it('refuses binary content, naming the file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(png, 'photo.txt')).toThrow(ImportError);
    expect(() => decodeText(png, 'photo.txt')).toThrow('photo.txt does not look like a text file');
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(() => decodeText(controls, '/tmp/upload/notes.txt')).toThrow(/^notes\.txt does not look like a text file$/);
  });

  it('keeps tabs and form feeds, which plain text uses', () => {
    expect(decodeText(utf8Bytes('a\tb\fc'), 'a.txt')).toBe('a\tb\fc');
  });
});
