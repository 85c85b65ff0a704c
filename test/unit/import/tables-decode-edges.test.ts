import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/backend/import/parsers/decode.ts';
import { utf16Bytes, utf8Bytes, windows1252Bytes } from '../../helpers/files.ts';

/** Every Windows-1252 character in 0x80..0x9F that has a meaning, as Windows itself encodes them. */
const CP1252_SPECIALS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

/** UTF-16 little endian without a byte order mark, as some exporters write it. */
const utf16leNoBom = (text: string) => utf16Bytes(text, 'le').subarray(2);

describe('Windows-1252 files', () => {
  it('reads every special character of the 0x80..0x9F range', () => {
    const text = `Specials: ${CP1252_SPECIALS}\r\n`;
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    expect(decodeText(bytes, 'old.txt')).toBe(`Specials: ${CP1252_SPECIALS}\n`);
  });

  it('reads a euro sign (byte 0x80)', () => {
    expect(decodeText(windows1252Bytes('Preis: 5 € für Jörg'), 'de.txt')).toBe('Preis: 5 € für Jörg');
  });

  it('keeps ÿ (byte 0xFF) in a Windows-1252 file, at its start and next to UTF-8 text', () => {
    // Node 20's TextDecoder('latin1', { ignoreBOM: true }) drops a leading 0xFF; a mixed file is decoded a byte at a time.
    expect(decodeText(windows1252Bytes("L'Haÿ-les-Roses, ÿ\n"), 'fr.txt')).toBe("L'Haÿ-les-Roses, ÿ\n");
    expect(decodeText(concat(utf8Bytes('Café: '), windows1252Bytes("L'Haÿ\n")), 'mixed.txt')).toBe("Café: L'Haÿ\n");
  });

  it('reads a file that starts with þ, not mistaking it for a UTF-16 byte order mark', () => {
    const bytes = windows1252Bytes('þetta er gott, takk.\r\n');
    expect(bytes[0]).toBe(0xfe);
    expect(decodeText(bytes, 'is.txt')).toBe('þetta er gott, takk.\n');
  });
});

describe('files mixing UTF-8 and Windows-1252', () => {
  it('reads UTF-8 of every length (accents, ¿, …, Hindi, Korean, Chinese, emoji) next to Windows-1252 text', () => {
    const utf8 = 'R1: ¿Qué? 20°C £5 ߊ … € नमस्ते 희망 中文！ 😀 \u{100000}\n';
    const bytes = concat(utf8Bytes(utf8), windows1252Bytes('R2: Café “cher” 5 €\n'));
    expect(decodeText(bytes, 'joined.txt')).toBe(`${utf8}R2: Café “cher” 5 €\n`);
  });

  it('reads bytes that only look like the start of a UTF-8 character as Windows-1252', () => {
    // Each lead byte below is followed by bytes that cannot continue it in UTF-8.
    const bytes = Uint8Array.from([
      ...utf8Bytes(`${'Plain text. '.repeat(10)}ok `), 0xc1, 0xa9, 0x20, // overlong lead
      0xe0, 0x9f, 0xbf, 0x20, // overlong three-byte form
      0xed, 0xa0, 0x80, 0x20, // a surrogate half
      0xf0, 0x8f, 0xbf, 0xbf, 0x20, // overlong four-byte form
      0xf4, 0x90, 0x80, 0x80, 0x20, // past U+10FFFF
      0xf5, 0x80, 0x80, 0x80, 0x20, // no such lead byte
      0xe9, // é at the very end, its continuation missing
    ]);
    expect(decodeText(bytes, 'odd.txt')).toBe(`${'Plain text. '.repeat(10)}ok Á© àŸ¿ í\u00a0€ ð\u008f¿¿ ô\u0090€€ õ€€€ é`);
  });

  it('reads a two-byte UTF-8 character whose second byte is the last continuation value (ß, ¿)', () => {
    const bytes = concat(utf8Bytes('¿Straße? '), windows1252Bytes('é'));
    expect(decodeText(bytes, 'de.txt')).toBe('¿Straße? é');
  });
});

describe('UTF-8 without a byte order mark', () => {
  it('keeps a first character whose bytes resemble a byte order mark (仿 is E4 BB BF, 稿 is E7 A8 BF)', () => {
    expect(decodeText(utf8Bytes('仿真访谈\n'), 'zh.txt')).toBe('仿真访谈\n');
    expect(decodeText(utf8Bytes('稿件说明\n'), 'zh.txt')).toBe('稿件说明\n');
  });
});

describe('UTF-16 with a byte order mark', () => {
  it('reads text in a non-Latin script (Greek, Chinese), which only the byte order mark identifies', () => {
    const text = 'Συνέντευξη 访谈记录：我们开始吧。\n';
    expect(decodeText(utf16Bytes(text, 'le'), 'le.txt')).toBe(text);
    expect(decodeText(utf16Bytes(text, 'be'), 'be.txt')).toBe(text);
  });
});

describe('UTF-16 without a byte order mark', () => {
  it('keeps the text of a file that ends in half a character (an odd trailing byte)', () => {
    const bytes = new Uint8Array([...utf16leNoBom('Hello there'), 0x0a]);
    expect(decodeText(bytes, 'odd.txt')).toBe('Hello there\ufffd');
  });

  it('reads a two-character file', () => {
    expect(decodeText(utf16leNoBom('Ja'), 'ja.txt')).toBe('Ja');
  });

  it('reads text where up to a tenth of the characters are not Latin', () => {
    const text = 'Greek: αβ and more'; // 18 characters, 2 Greek (high byte 0x03)
    expect(text.length).toBe(18);
    const tenPercent = `${text}..`; // 20 characters, 2 of them Greek: exactly 90% Latin
    expect(decodeText(utf16leNoBom(tenPercent), 'el.txt')).toBe(tenPercent);
    const be = utf16Bytes(tenPercent, 'be').subarray(2);
    expect(decodeText(be, 'el.txt')).toBe(tenPercent);
  });

  it('reads text with an occasional character whose low byte is zero (Ā, U+0100)', () => {
    const text = 'Āmana is a name here'; // 20 characters, one with a zero low byte: 5%
    expect(text.length).toBe(20);
    expect(decodeText(utf16leNoBom(text), 'mi.txt')).toBe(text);
    expect(decodeText(utf16Bytes(text, 'be').subarray(2), 'mi.txt')).toBe(text);
  });

  it('refuses NUL-bearing bytes that are not mostly-Latin UTF-16', () => {
    const text = 'Greek: αβγ and more.'; // 20 characters, 3 Greek: 85% Latin
    expect(() => decodeText(utf16leNoBom(text), 'el.txt')).toThrow('el.txt does not look like a text file');
    expect(() => decodeText(Uint8Array.from([0x41, 0x00]), 'one.txt')).toThrow('one.txt does not look like a text file');
  });
});

describe('binary content behind a text name', () => {
  it('refuses a file with a NUL character even when it has a byte order mark', () => {
    const text = `${'Plain words here. '.repeat(60)}\u0000${'More words. '.repeat(60)}`;
    expect(() => decodeText(utf8Bytes(text, true), 'mixed.txt')).toThrow('mixed.txt does not look like a text file');
    expect(() => decodeText(utf16Bytes(text, 'le'), 'mixed.txt')).toThrow('mixed.txt does not look like a text file');
  });

  it('accepts up to 2% control characters (a terminal log with escape codes) and refuses more', () => {
    const line = (escapes: number) => `${'\u001b'.repeat(escapes)}${'x'.repeat(100 - escapes - 1)}\n`;
    expect(decodeText(utf8Bytes(line(2).repeat(10)), 'log.txt')).toBe(line(2).repeat(10));
    expect(() => decodeText(utf8Bytes(line(3).repeat(10)), 'log.txt')).toThrow('log.txt does not look like a text file');
  });

  it('counts C0 and DEL/C1 controls but not tab, vertical tab, form feed or no-break space', () => {
    const pad = 'a'.repeat(20);
    for (const control of ['\u0001', '\u0008', '\u000e', '\u001f', '\u007f', '\u0085', '\u009f']) {
      expect(() => decodeText(utf8Bytes(`${pad}${control}`), 'c.txt'), `U+${control.charCodeAt(0).toString(16)}`).toThrow(
        'c.txt does not look like a text file',
      );
    }
    for (const plain of ['\t', '\u000b', '\u000c', ' ', '~', '\u00a0', '\u00a9']) {
      expect(decodeText(utf8Bytes(`${pad}${plain}`), 'p.txt')).toBe(`${pad}${plain}`);
    }
  });

  it('reads a file whose byte order mark was written twice (a tool prepending one to a file that had one)', () => {
    const twice = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Bytes('id,answer\n', true)]);
    expect(decodeText(twice, 'twice.csv')).toBe('id,answer\n');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(), 'empty.txt')).toBe('');
    expect(decodeText(utf8Bytes('', true), 'bom.txt')).toBe('');
  });
});
