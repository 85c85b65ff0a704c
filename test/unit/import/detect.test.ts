import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../electron/backend/import/parsers/detect.ts';
import { makeDocx, makePdf, makeXlsx, utf16Bytes, utf8Bytes } from '../../helpers/files.ts';

describe('detectFormat', () => {
  it('detects every supported format by extension, whatever the case', async () => {
    const text = utf8Bytes('hello');
    const cases: [string, Uint8Array, string][] = [
      ['a.txt', text, 'txt'],
      ['a.MD', text, 'md'],
      ['a.htm', text, 'html'],
      ['a.vtt', text, 'vtt'],
      ['a.srt', text, 'srt'],
      ['a.csv', text, 'csv'],
      ['a.tsv', text, 'csv'],
      ['a.txt', utf16Bytes('hello', 'le'), 'txt'],
      ['a.docx', await makeDocx(['x']), 'docx'],
      ['a.xlsx', await makeXlsx([['x']]), 'xlsx'],
      ['a.PDF', await makePdf([['x']]), 'pdf'],
    ];
    for (const [name, bytes, format] of cases) expect(detectFormat(name, bytes), name).toBe(format);
  });

  it('refuses content that contradicts the extension', async () => {
    expect(() => detectFormat('fake.docx', utf8Bytes('plain'))).toThrow('fake.docx is not a valid DOCX file (it is not a ZIP archive)');
    expect(() => detectFormat('fake.pdf', utf8Bytes('plain'))).toThrow('fake.pdf is not a valid PDF file');
    const pdf = await makePdf([['x']]);
    expect(() => detectFormat('report.txt', pdf)).toThrow('report.txt does not look like a text file');
    const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256);
    expect(() => detectFormat('data.txt', binary)).toThrow('data.txt does not look like a text file');
  });

  it('refuses empty and oversized files, and says how big the file is', () => {
    expect(() => detectFormat('empty.txt', new Uint8Array())).toThrow('empty.txt is empty');
    const big = new Uint8Array(Math.round(73.2 * 1024 * 1024));
    expect(() => detectFormat('huge.pdf', big)).toThrow('huge.pdf is 73.2 MB; the limit is 50.0 MB');
  });

  it('explains unsupported types, with a fix for the common ones', () => {
    expect(() => detectFormat('old.doc', utf8Bytes('x'))).toThrow('old.doc cannot be imported as it is: save it as .docx in Word');
    expect(() => detectFormat('photo.jpg', utf8Bytes('x'))).toThrow('photo.jpg has a file type Marginalia cannot import');
    expect(() => detectFormat('nvivo.qdpx', utf8Bytes('x'))).toThrow('nvivo.qdpx cannot be imported as it is: it is a REFI-QDA project from another tool; import it from the Export view');
  });
});
