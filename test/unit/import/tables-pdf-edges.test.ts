import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isPdfjsException, parsePdf } from '../../../electron/backend/import/parsers/pdf.ts';

type Run = { text: string; x?: number; y: number; size?: number };

/** One PDF page of text runs in Helvetica, each placed where a layout tool would put it. */
async function pdfOf(pages: Run[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const runs of pages) {
    const page = doc.addPage([595, 842]);
    for (const run of runs) page.drawText(run.text, { x: run.x ?? 56, y: run.y, size: run.size ?? 12, font });
  }
  return doc.save();
}

/**
 * A PDF encrypted with the standard security handler (RC4, revision 2) whose user password is
 * not empty, as "Protect with password" in a PDF tool leaves it: no reader opens it without one.
 */
function makePasswordPdf(): Uint8Array {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(7)}> /U <${hex(11)}> /P -44 >>`,
  ];
  let file = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = file.length;
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = '0123456789abcdef0123456789abcdef';
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(file, 'latin1'));
}

describe('PDF text layout', () => {
  it('keeps a raised footnote mark or exponent on its line, without a space', async () => {
    const bytes = await pdfOf([
      [
        { text: 'E = mc', y: 790 },
        { text: '2', x: 56 + 37.68, y: 793, size: 8 },
        { text: 'Next line', y: 774 },
      ],
    ]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['E = mc2\nNext line']);
  });

  it('keeps a paragraph together when one of its lines ends in a raised footnote mark', async () => {
    // 1.5 line spacing (18 pt for 12 pt type); the mark is 7 pt, raised 4 pt, right after the full stop.
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const bytes = await pdfOf([
      [
        { text: 'as Smith showed.', y: 790 },
        { text: '1', x: 56 + font.widthOfTextAtSize('as Smith showed.', 12), y: 794, size: 7 },
        { text: 'The next line of the paragraph.', y: 772 },
        { text: 'A new paragraph.', y: 744 },
      ],
    ]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['as Smith showed.1\nThe next line of the paragraph.\n\nA new paragraph.']);
  });

  it('starts a paragraph when lines are more than 1.6 line heights apart', async () => {
    const bytes = await pdfOf([
      [
        { text: 'one', y: 790 },
        { text: 'two', y: 771 }, // 19 below: same paragraph
        { text: 'three', y: 751 }, // 20 below: new paragraph
      ],
    ]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['one\ntwo\n\nthree']);
  });

  it('measures the gap by the larger of two line heights (a heading over small print)', async () => {
    const bytes = await pdfOf([
      [
        { text: 'Heading', y: 790, size: 12 },
        { text: 'small print under it', y: 775, size: 8 }, // 15 below: within 1.6 × 12
        { text: 'more small print', y: 760, size: 8 }, // 15 below: beyond 1.6 × 8
      ],
    ]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['Heading\nsmall print under it\n\nmore small print']);
  });

  it('measures a line by its largest text, not its last', async () => {
    const bytes = await pdfOf([
      [
        { text: 'Note:', y: 790 },
        { text: 'see the table below', x: 100, y: 790, size: 8 },
        { text: 'small print under it', y: 775, size: 8 }, // 15 below: within 1.6 × 12
      ],
    ]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['Note: see the table below\nsmall print under it']);
  });

  it('starts a paragraph when the text goes back up the page (a second column)', async () => {
    const bytes = await pdfOf([
      [
        { text: 'Left column', y: 790 },
        { text: 'ends here.', y: 774 },
        { text: 'Right column', x: 320, y: 790 },
      ],
    ]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['Left column\nends here.\n\nRight column']);
  });

  it('keeps an empty page among pages with text, and trims the spaces around lines', async () => {
    const bytes = await pdfOf([[{ text: '   indented line   ', y: 790 }], [], [{ text: 'last', y: 790 }]]);
    expect((await parsePdf(bytes, 'a.pdf')).pages).toEqual(['indented line', '', 'last']);
  });

  it('reads a page whose only text is spaces as empty, and the PDF as scanned when all are', async () => {
    const bytes = await pdfOf([[{ text: '    ', y: 790 }]]);
    await expect(parsePdf(bytes, 'blank.pdf')).rejects.toThrow(/^blank\.pdf has no text layer/);
  });
});

describe('PDFs that cannot be read', () => {
  it('asks for the password to be removed from a protected PDF', async () => {
    await expect(parsePdf(makePasswordPdf(), 'secret.pdf')).rejects.toThrow(
      /^secret\.pdf is protected by a password; remove the password and import it again$/,
    );
  });

  it('writes page counts with thousands separators in the page-limit message', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 1001; i++) doc.addPage([200, 200]);
    const bytes = await doc.save();
    await expect(parsePdf(bytes, 'huge.pdf', { maxPages: 1000, timeMs: 60_000 })).rejects.toThrow(
      'huge.pdf has 1,001 pages; Marginalia reads at most 1,000 pages of one PDF (split it and import the parts)',
    );
  });
});

describe('isPdfjsException', () => {
  it('recognises pdf.js’s own exceptions and nothing else', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect(isPdfjsException(new pdfjs.InvalidPDFException('bad'))).toBe(true);
    expect(isPdfjsException(new pdfjs.AbortException('stopped'))).toBe(true);
    class AppError extends Error {}
    class DeepError extends AppError {}
    expect(isPdfjsException(new Error('x'))).toBe(false);
    expect(isPdfjsException(new TypeError('x'))).toBe(false);
    expect(isPdfjsException(new DeepError('x'))).toBe(false);
    expect(isPdfjsException('Invalid PDF structure')).toBe(false);
    expect(isPdfjsException({ name: 'InvalidPDFException', message: 'x' })).toBe(false);
    expect(isPdfjsException(undefined)).toBe(false);
    expect(isPdfjsException(null)).toBe(false);
  });

  it('does not take errors of older libraries’ prototype-style subclasses for pdf.js’s', () => {
    // Pre-class inheritance as other libraries write it: Object.create without a constructor,
    // or an Error instance as prototype with its constructor set back.
    function LegacyError(this: Error, message: string) {
      this.message = message;
    }
    LegacyError.prototype = Object.create(Error.prototype) as Error;
    function PatchedError(this: Error, message: string) {
      this.message = message;
    }
    PatchedError.prototype = new Error();
    PatchedError.prototype.constructor = PatchedError;
    const make = (ctor: unknown) => new (ctor as new (message: string) => Error)('x');
    expect(make(LegacyError)).toBeInstanceOf(Error);
    expect(isPdfjsException(make(LegacyError))).toBe(false);
    expect(make(PatchedError)).toBeInstanceOf(Error);
    expect(isPdfjsException(make(PatchedError))).toBe(false);
  });
});
