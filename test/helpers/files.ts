/**
 * Generators for real import files, made with the libraries that write them in the wild
 * (docx, pdf-lib, exceljs). Shared by unit, integration and end-to-end tests.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export type DocxItem =
  | string
  | { heading: 1 | 2 | 3 | 4 | 5 | 6 | 'title'; text: string }
  | { runs: string[] }
  | { table: string[][] };

const HEADINGS = {
  title: HeadingLevel.TITLE,
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

/** A Word document: strings are paragraphs; headings, multi-run paragraphs and tables too. */
export async function makeDocx(items: DocxItem[]): Promise<Uint8Array> {
  const children = items.map((item) => {
    if (typeof item === 'string') return new Paragraph({ text: item });
    if ('heading' in item) return new Paragraph({ text: item.text, heading: HEADINGS[item.heading] });
    if ('runs' in item) return new Paragraph({ children: item.runs.map((text, i) => new TextRun({ text, bold: i % 2 === 1 })) });
    return new Table({
      rows: item.table.map(
        (cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph({ text })] })) }),
      ),
    });
  });
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buffer);
}

/**
 * A PDF with a text layer: one entry per page, each a list of lines drawn 16pt apart in 12pt
 * Helvetica (WinAnsi characters only). An empty string leaves a paragraph gap.
 */
export async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 790;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 56, y, size: 12, font });
      y -= line ? 16 : 24;
    }
  }
  return doc.save();
}

/**
 * A PDF written by hand (uncompressed, one line of text a page, Helvetica) whose cross-reference
 * table points every page object a few bytes past where it starts, as a tool that edits a file
 * in place without rewriting the table leaves it. Readers (Acrobat, pdf.js) rebuild the table by
 * scanning the file and read every page.
 */
export function makePdfWithStaleXref(pages: string[]): Uint8Array {
  const pageRefs = pages.map((_, i) => `${3 + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages.length} /Kids [${pageRefs}] >>`,
    ...pages.map((_, i) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${3 + 2 * pages.length} 0 R >> >> /Contents ${3 + pages.length + i} 0 R >>`),
    ...pages.map((line) => {
      const content = `BT /F1 12 Tf 56 790 Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`;
      return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
    }),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let file = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = file.length;
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const stale = offsets.map((at, i) => (i >= 2 && i < 2 + pages.length ? at + 7 : at));
  const xref = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${stale.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(file, 'latin1'));
}

/** A PDF whose pages carry only drawings, as a scanner without OCR produces. */
export async function makeScannedPdf(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 760, color: rgb(0.9, 0.9, 0.85) });
  }
  return doc.save();
}

/** An Excel workbook whose first worksheet holds these rows (the first is the header). */
export async function makeXlsx(rows: CellValue[][], options: { sheetName?: string; firstRow?: number } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Answers');
  rows.forEach((cells, r) => {
    const row = sheet.getRow((options.firstRow ?? 1) + r);
    cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  });
  workbook.addWorksheet('Second sheet').getCell('A1').value = 'not imported';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An OpenDocument text file: strings are paragraphs, `{ heading, text }` are headings. */
export function makeOdt(items: (string | { heading: number; text: string })[]): Uint8Array {
  const body = items
    .map((item) =>
      typeof item === 'string'
        ? `<text:p>${xmlEscape(item)}</text:p>`
        : `<text:h text:outline-level="${item.heading}">${xmlEscape(item.text)}</text:h>`,
    )
    .join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

/** UTF-8 bytes, optionally with a byte order mark. */
export function utf8Bytes(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
}

/** UTF-16 bytes with a byte order mark, as Windows Notepad and some transcription tools save. */
export function utf16Bytes(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), endian === 'le');
  return out;
}

/** Windows-1252 special characters in 0x80..0x9F; the rest of Latin-1 maps to itself. */
const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Windows-1252 bytes of a text (é is 0xE9), as older Windows software saves text files. */
export function windows1252Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const code = CP1252[c] ?? c.charCodeAt(0);
    if (code > 0xff) throw new Error(`${c} has no Windows-1252 byte`);
    return code;
  });
}

/** The first half of a file, as an interrupted download or copy leaves it. */
export const truncated = (bytes: Uint8Array): Uint8Array => bytes.slice(0, Math.floor(bytes.length / 2));

/** A page for makePdfFromContent: its content stream, and form XObjects it draws with `/Name Do`. */
export type PdfPageContent = string | { content: string; forms?: Record<string, string> };

/**
 * A PDF written by hand from raw page content streams (uncompressed), for text laid out the way
 * particular writers lay it out: Word's export places each word or run with its own position,
 * LibreOffice kerns with TJ arrays, others end lines with T* or draw a space as its own string;
 * a flattened form or a stamp draws its text from a form XObject (given as its content stream,
 * in page coordinates). Fonts: /F1 Helvetica, /F2 Helvetica-Bold, /F3 Times-Roman (WinAnsi).
 * Pages are A4 (595 × 842).
 */
export function makePdfFromContent(pages: PdfPageContent[]): Uint8Array {
  const fontNames = ['Helvetica', 'Helvetica-Bold', 'Times-Roman'];
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const add = (body: string) => objects.push(body); // returns the new object's number
  const fontRefs = fontNames.map((name) => add(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`));
  const fonts = `/Font << ${fontRefs.map((n, i) => `/F${i + 1} ${n} 0 R`).join(' ')} >>`;
  const stream = (dict: string, content: string) => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  const pageRefs = pages.map((page) => {
    const { content, forms = {} } = typeof page === 'string' ? { content: page } : page;
    const xobjects = Object.entries(forms).map(
      ([name, form]) => `/${name} ${add(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${fonts} >>`, form))} 0 R`,
    );
    const contents = add(stream('', content));
    return add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${fonts} /XObject << ${xobjects.join(' ')} >> >> /Contents ${contents} 0 R >>`);
  });
  objects[1] = `<< /Type /Pages /Count ${pages.length} /Kids [${pageRefs.map((n) => `${n} 0 R`).join(' ')}] >>`;
  let file = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(file, 'latin1');
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(file, 'latin1');
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(file, 'latin1'));
}
