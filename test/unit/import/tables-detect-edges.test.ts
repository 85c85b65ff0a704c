import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assertImportSize, detectFormat, formatOfName, MAX_IMPORT_BYTES } from '../../../electron/backend/import/parsers/detect.ts';
import { describeDuration, displayName, ImportError, reasonOf } from '../../../electron/backend/import/parsers/errors.ts';
import { isZip, readZip, utf8 } from '../../../electron/backend/import/parsers/zip.ts';
import { makeDocx, makePdf, utf8Bytes } from '../../helpers/files.ts';

const SUPPORTED = '.txt, .text, .md, .markdown, .html, .htm, .docx, .odt, .pdf, .vtt, .srt, .json, .csv, .tsv, .xlsx';

/** An empty ZIP archive: only the end-of-central-directory record. */
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

describe('format by file name', () => {
  it('knows the long and alternative extensions', () => {
    const cases: [string, string][] = [
      ['notes.text', 'txt'],
      ['README.markdown', 'md'],
      ['page.html', 'html'],
      ['Interview.ODT', 'odt'],
      ['whisper.json', 'json'],
      ['report.final.docx', 'docx'],
      ['answers.xlsx', 'xlsx'],
      ['C:\\Users\\ana\\data.v2\\answers.csv', 'csv'],
    ];
    for (const [name, format] of cases) expect(formatOfName(name), name).toBe(format);
  });

  it('gives the fix for each older or neighbouring format', () => {
    const hints: [string, string][] = [
      ['letter.rtf', 'save it as .docx and import that'],
      ['survey.xls', 'save it as .xlsx in Excel and import that'],
      ['survey.ods', 'save it as .xlsx or .csv and import that'],
      ['essay.pages', 'export it as .docx and import that'],
      ['codes.qdc', 'it is a REFI-QDA codebook; import it from the Export view (Exchange), where it merges into the codebook'],
    ];
    for (const [name, hint] of hints) expect(() => formatOfName(name), name).toThrow(`${name} cannot be imported as it is: ${hint}`);
  });

  it('lists the supported types for a name without a usable extension', () => {
    for (const name of ['notes', 'data.v2/notes', 'archive.tar.gz', 'report.txt.bak']) {
      expect(() => formatOfName(name), name).toThrow(`${name.split('/').pop()} has a file type Marginalia cannot import (supported: ${SUPPORTED})`);
    }
  });
});

describe('file size', () => {
  it('accepts a file of exactly the limit and refuses one byte more', () => {
    expect(() => assertImportSize('big.pdf', MAX_IMPORT_BYTES)).not.toThrow();
    expect(() => assertImportSize('big.pdf', MAX_IMPORT_BYTES + 1)).toThrow('big.pdf is 50.0 MB; the limit is 50.0 MB');
    expect(() => assertImportSize('one.txt', 1)).not.toThrow();
    expect(() => assertImportSize('zero.txt', 0)).toThrow(/^zero\.txt is empty$/);
  });
});

describe('content checked against the extension', () => {
  it('names the format of an ODT or XLSX that is not a ZIP archive', () => {
    expect(() => detectFormat('a.odt', utf8Bytes('plain'))).toThrow('a.odt is not a valid ODT file (it is not a ZIP archive)');
    expect(() => detectFormat('a.xlsx', utf8Bytes('id,name\n1,x\n'))).toThrow('a.xlsx is not a valid XLSX file (it is not a ZIP archive)');
  });

  it('refuses a Word document renamed to .txt or .csv', async () => {
    const docx = await makeDocx(['Hello']);
    expect(() => detectFormat('notes.txt', docx)).toThrow('notes.txt does not look like a text file');
    expect(() => detectFormat('notes.csv', docx, { sniffText: false })).toThrow('notes.csv does not look like a text file');
  });

  it('accepts a PDF with junk before its header, as readers do, but not when the header is past the first KB', async () => {
    const pdf = await makePdf([['x']]);
    const junk = (n: number) => new Uint8Array([...new Uint8Array(n).fill(0x20), ...pdf]);
    expect(detectFormat('mail.pdf', junk(1000))).toBe('pdf');
    expect(() => detectFormat('mail.pdf', junk(1100))).toThrow('mail.pdf is not a valid PDF file (it does not start with a PDF header)');
  });

  it('reads a text file that mentions %PDF- after its first bytes', () => {
    expect(detectFormat('notes.txt', utf8Bytes('A PDF file starts with %PDF-1.7 and ends with %%EOF.'))).toBe('txt');
    expect(() => detectFormat('notes.txt', utf8Bytes('%PDF-1.7 but really text'))).toThrow('notes.txt does not look like a text file');
  });

  it('checks text content only when asked to (the default) and leaves binary bytes to the decoder otherwise', () => {
    const binary = Uint8Array.from({ length: 512 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41));
    expect(() => detectFormat('data.csv', binary)).toThrow('data.csv does not look like a text file');
    expect(() => detectFormat('data.csv', binary, {})).toThrow('data.csv does not look like a text file');
    expect(() => detectFormat('data.csv', binary, { sniffText: true })).toThrow('data.csv does not look like a text file');
    expect(detectFormat('data.csv', binary, { sniffText: false })).toBe('csv');
  });

  it('recognises an empty ZIP archive as a ZIP (it then lacks the parts an XLSX needs)', () => {
    expect(isZip(EMPTY_ZIP)).toBe(true);
    expect(detectFormat('empty.xlsx', EMPTY_ZIP)).toBe('xlsx');
    expect(readZip(EMPTY_ZIP, 'empty.xlsx', 'XLSX', () => true)).toEqual({ names: [], files: new Map() });
  });

  it('does not take other PK-prefixed bytes for a ZIP archive', () => {
    expect(isZip(utf8Bytes('PK is a name'))).toBe(false);
    expect(isZip(Uint8Array.from([0x50, 0x4b, 0x03, 0x05]))).toBe(false);
    expect(isZip(Uint8Array.from([0x50, 0x4b, 0x07, 0x08]))).toBe(false);
    expect(isZip(Uint8Array.from([0x51, 0x4b, 0x03, 0x04]))).toBe(false);
    expect(isZip(Uint8Array.from([0x50, 0x4c, 0x03, 0x04]))).toBe(false);
  });
});

describe('readZip', () => {
  const archive = zipSync({
    word: { 'document.xml': strToU8('<w:t>Café</w:t>') },
    docProps: {},
    '[Content_Types].xml': strToU8('<Types/>'),
  });

  it('lists every entry, folders too, and returns only the wanted files', () => {
    const { names, files } = readZip(archive, 'a.docx', 'DOCX', (name) => name.startsWith('word/'));
    expect(names).toEqual(['word/', 'word/document.xml', 'docProps/', '[Content_Types].xml']);
    expect([...files.keys()]).toEqual(['word/document.xml']);
    expect(utf8(files.get('word/document.xml')!)).toBe('<w:t>Café</w:t>');
  });

  it('never hands back a folder entry, even when every name is wanted', () => {
    const { files } = readZip(archive, 'a.docx', 'DOCX', () => true);
    expect([...files.keys()]).toEqual(['word/document.xml', '[Content_Types].xml']);
  });

  it('names the label in its message for bytes that are not a ZIP archive', () => {
    expect(() => readZip(utf8Bytes('hello'), '/tmp/x/a.odt', 'ODT', () => true)).toThrow(/^a\.odt is not a valid ODT file \(it is not a ZIP archive\)$/);
  });

  it('turns a crash of the archive reader on a damaged ZIP64 entry into an import error naming file and format', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w/>') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let at = zip.length - 22;
    while (view.getUint32(at, true) !== 0x02014b50) at--;
    view.setUint32(at + 24, 0xffffffff, true); // size "in the ZIP64 extra field"…
    view.setUint16(at + 30, 0xffff, true); // …which runs past the end of the file
    const error = (() => {
      try {
        readZip(zip, 'odd.docx', 'DOCX', () => true);
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/^odd\.docx is not a valid DOCX file \(\w.*\)$/);
    expect(error.message).not.toMatch(/Error:/);
  });

  it('passes the archive reader’s own message through without wrapping it again', () => {
    const cut = archive.slice(0, archive.length - 10);
    const error = (() => {
      try {
        readZip(cut, 'cut.docx', 'DOCX', () => true);
      } catch (e) {
        return e as ImportError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/^cut\.docx is not a valid DOCX file: the archive is damaged/);
    expect(error.message).not.toContain('(is not a valid');
  });
});

describe('ImportError messages', () => {
  it('start with the file name the user picked, from a Windows or POSIX path', () => {
    expect(new ImportError('C:\\Users\\ana\\Desktop\\interview.docx', 'is empty').message).toBe('interview.docx is empty');
    expect(new ImportError('/tmp/upload/notes.txt', 'is empty').file).toBe('notes.txt');
    expect(displayName('folder/')).toBe('folder/');
    expect(displayName('plain.txt')).toBe('plain.txt');
  });

  it('say where, in the order page, row, line, column', () => {
    const error = new ImportError('a.csv', 'is odd', { column: 'Q1', line: 4, row: 3, page: 2 });
    expect(error.message).toBe('a.csv, page 2, row 3, line 4, column "Q1": is odd');
    expect(error.detail).toBe('is odd');
    expect(error.where).toEqual({ column: 'Q1', line: 4, row: 3, page: 2 });
    expect(error.name).toBe('ImportError');
    expect(new ImportError('a.csv', 'needs a value', { column: 'Age' }).message).toBe('a.csv, column "Age": needs a value');
    expect(new ImportError('a.pdf', 'cannot be read', { page: 0 }).message).toBe('a.pdf, page 0: cannot be read');
    expect(new ImportError('a.csv', 'is empty', {}).message).toBe('a.csv is empty');
  });

  it('wrap library errors without their final full stop, and say something when they say nothing', () => {
    expect(reasonOf(new Error('  Invalid PDF structure.  '))).toBe('Invalid PDF structure');
    expect(reasonOf(new Error('Unsupported feature in PDF 1.7.'))).toBe('Unsupported feature in PDF 1.7');
    expect(reasonOf('plain string.')).toBe('plain string');
    expect(reasonOf(42)).toBe('42');
    expect(reasonOf(new Error(''))).toBe('unknown error');
    expect(reasonOf(new Error(' . '))).toBe('unknown error');
  });

  it('say a time limit in seconds from one second up, and in ms below', () => {
    expect(describeDuration(120_000)).toBe('120 seconds');
    expect(describeDuration(1000)).toBe('1 second');
    expect(describeDuration(1500)).toBe('2 seconds');
    expect(describeDuration(999)).toBe('999 ms');
  });
});
