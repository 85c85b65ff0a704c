import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { isPdfjsException, parsePdf } from '../../../electron/backend/import/parsers/pdf.ts';
import { makePdfFromContent, type PdfPageContent } from '../../helpers/files.ts';

/** Before any PDF of this file is read (the parser adds its listener on first use). */
const listenersAtStart = process.listeners('unhandledRejection');

const read = async (page: PdfPageContent) => (await parsePdf(makePdfFromContent([page]), 'a.pdf')).pages;

describe('PDF text as a researcher reads it', () => {
  it('puts a space between a label and the value of a flattened form field, and keeps a field below its label on its own line', async () => {
    // A filled-in form, flattened: each field's value is drawn from its own form XObject, so
    // pdf.js leaves the gap between label and value implicit.
    const pages = await read({
      content: 'BT /F1 12 Tf 56 790 Td (Participant name:) Tj ET /Fx1 Do BT /F1 12 Tf 56 774 Td (Comments:) Tj ET /Fx2 Do',
      forms: {
        Fx1: 'BT /F3 12 Tf 160 790 Td (Jane Doe) Tj ET', // 8 pt right of the label
        Fx2: 'BT /F3 12 Tf 56 758 Td (The course was too short.) Tj ET', // the line below the label
      },
    });
    expect(pages).toEqual(['Participant name: Jane Doe\nComments:\nThe course was too short.']);
  });

  it('joins a form field drawn against its label without a space', async () => {
    const pages = await read({
      content: 'BT /F1 12 Tf 56 790 Td (Name:) Tj ET /Fx1 Do',
      forms: { Fx1: 'BT /F3 12 Tf 91 790 Td (Jane Doe) Tj ET' }, // touches "Name:" (35.3 pt wide)
    });
    expect(pages).toEqual(['Name:Jane Doe']);
  });

  it('does not put a space before the punctuation that follows a flattened form field', async () => {
    // pdf.js measures the gap after a form XObject from the text before it, so the text after a
    // field gets a space item spanning the field; the field's box also ends well before the comma.
    const pages = await read({
      content: 'BT /F1 12 Tf 56 790 Td (I, ) Tj ET /Fx1 Do BT /F1 12 Tf 128 790 Td (, agree to take part; the form is) Tj ET /Fx2 Do BT /F1 12 Tf 400 790 Td (.) Tj ET',
      forms: { Fx1: 'BT /F3 12 Tf 68 790 Td (Jane Doe) Tj ET', Fx2: 'BT /F3 12 Tf 330 790 Td (signed) Tj ET' },
    });
    expect(pages).toEqual(['I, Jane Doe, agree to take part; the form is signed.']);
  });

  it('keeps footnotes in small print apart as paragraphs when the number is followed by a tab', async () => {
    // 8 pt footnotes, 10 pt leading, 15 pt between notes; the tab after each number is a gap
    // that pdf.js reports as a space item of its own.
    const pages = await read(
      'BT /F1 8 Tf 56 120 Td (1) Tj 12 0 Td (First note, which runs) Tj -12 -10 Td (onto a second line.) Tj 0 -15 Td (2) Tj 12 0 Td (Second note.) Tj ET',
    );
    expect(pages).toEqual(['1 First note, which runs\nonto a second line.\n\n2 Second note.']);
  });

  it('puts one space, not two, between runs set the macOS way (1 pt font scaled by the text matrix)', async () => {
    // Quartz (Pages, Preview, any Mac app's "Save as PDF") sets the font at 1 pt and scales it
    // with the text matrix, and starts a run at each change of font: pdf.js reports the gap
    // before a bold word as a space item measured in unscaled units, so it looks narrower than
    // the gap it stands for.
    const pages = await read(
      'BT /F1 1 Tf 12 0 0 12 56 790 Tm (The) Tj /F2 1 Tf 12 0 0 12 80 790 Tm (teachers) Tj /F1 1 Tf 12 0 0 12 132 790 Tm (said) Tj ET',
    );
    expect(pages).toEqual(['The teachers said']);
  });

  it('reads the lines of text turned sideways (a landscape table) as lines', async () => {
    const pages = await read('q 0 1 -1 0 595 0 cm BT /F1 12 Tf 16 TL 56 500 Td (A table turned sideways,) Tj T* (its caption on two lines.) Tj ET Q');
    expect(pages).toEqual(['A table turned sideways,\nits caption on two lines.']);
  });

  // Bug: paragraph gaps are measured along the page's height, so in text turned sideways every
  // line is 0 pt below the one before and paragraphs run together ("First paragraph.\nSecond…").
  it.todo('starts a paragraph in text turned sideways when its lines are far apart');

  it('leaves no space at the end of a line when the next table cell sits lower', async () => {
    // A table row whose second cell is centred vertically: pdf.js ends the first cell with a
    // space item, on the first cell's baseline.
    const pages = await read('BT /F1 12 Tf 56 790 Td (Participant) Tj 150 -8 Td (Teacher, 12 years) Tj ET');
    expect(pages).toEqual(['Participant\nTeacher, 12 years']);
  });

  it('keeps a footnote mark raised the LibreOffice way (58 % size, 33 % up) on its line', async () => {
    // 12 pt text, the mark 7 pt and raised 4 pt by text rise, then the sentence goes on.
    const pages = await read('BT /F1 12 Tf 56 700 Td (as Smith showed.) Tj /F1 7 Tf 4 Ts (1) Tj /F1 12 Tf 0 Ts ( The next claim.) Tj ET');
    expect(pages).toEqual(['as Smith showed.1 The next claim.']);
  });
});

/**
 * The PDF of makePdfFromContent with one page's object gone from the file, as a merge tool that
 * stopped half-way leaves it: the page tree still lists it. Offsets stay as they were.
 */
function withPageLost(bytes: Uint8Array, pageIndex: number): Uint8Array {
  const file = Buffer.from(bytes).toString('latin1');
  const damaged = file.replace(/<< \/Type \/Pages \/Count (\d+) \/Kids \[([^\]]*)\]/, (_, count: string, kids: string) => {
    const refs = kids.split(/ (?=\d+ 0 R)/);
    refs[pageIndex] = refs[pageIndex]!.replace(/^\d+/, (n) => '9'.repeat(n.length + 1)); // an object the file lacks
    const body = `<</Type /Pages /Count ${count} /Kids [${refs.join(' ')}]`;
    const original = `<< /Type /Pages /Count ${count} /Kids [${kids}]`;
    return body + ' '.repeat(original.length - body.length);
  });
  expect(damaged.length).toBe(file.length);
  return new Uint8Array(Buffer.from(damaged, 'latin1'));
}

describe('a page that cannot be read', () => {
  it('refuses the file, naming the page', async () => {
    const pages = ['Page one.', 'Page two.', 'Page three.'].map((text) => `BT /F1 12 Tf 56 790 Td (${text}) Tj ET`);
    expect((await parsePdf(makePdfFromContent(pages), 'merged.pdf')).pages).toEqual(['Page one.', 'Page two.', 'Page three.']);
    const error = await parsePdf(withPageLost(makePdfFromContent(pages), 1), 'merged.pdf').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^merged\.pdf, page 2: cannot be read \(.+\)$/);
    expect((error as ImportError).where).toEqual({ page: 2 });
  });
});

describe('unhandled rejections pdf.js leaves behind', () => {
  const EVENT = 'unhandledRejection';

  /** Runs with exactly these listeners on the event, then puts the real ones back in order. */
  function withListeners<T>(listeners: ((...args: unknown[]) => void)[], run: () => T): T {
    const saved = process.listeners(EVENT);
    process.removeAllListeners(EVENT);
    for (const listener of listeners) process.on(EVENT, listener);
    try {
      return run();
    } finally {
      process.removeAllListeners(EVENT);
      for (const listener of saved) process.on(EVENT, listener);
    }
  }

  it('ignores pdf.js’s own exceptions and, alone, hands every other rejection back to Node', async () => {
    const bytes = makePdfFromContent(['BT /F1 12 Tf 56 790 Td (Hello.) Tj ET']);
    await parsePdf(bytes, 'a.pdf');
    const added = process.listeners(EVENT).filter((l) => !listenersAtStart.includes(l));
    expect(added).toHaveLength(1);
    const ours = added[0] as (...args: unknown[]) => void;

    // Reading more PDFs does not add more listeners (each would stop the others rethrowing).
    await parsePdf(bytes, 'b.pdf');
    await parsePdf(bytes, 'c.pdf');
    expect(process.listeners(EVENT).filter((l) => !listenersAtStart.includes(l))).toEqual([ours]);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const stray = new pdfjs.InvalidPDFException('Invalid PDF structure.');
    const ownError = new Error('a rejection nobody handles, not from pdf.js');
    const emit = (reason: unknown) => process.emit(EVENT, reason, Promise.resolve());

    // Alone, as in the parsing thread or a backend without other handlers.
    expect(() => withListeners([ours], () => emit(stray))).not.toThrow();
    expect(() => withListeners([ours], () => emit(ownError))).toThrow(ownError);

    // Beside another handler (the app's or Electron's), which then decides.
    const seen: unknown[] = [];
    expect(() => withListeners([ours, (reason) => seen.push(reason)], () => emit(ownError))).not.toThrow();
    expect(seen).toEqual([ownError]);
  });

  it('does not take an old-style subclass of TypeError for a pdf.js exception', () => {
    // The same pattern as pdf.js's BaseException, but on TypeError: the prototype is an error
    // instance whose own prototype is TypeError's, not Error's.
    function LegacyTypeError(this: Error, message: string) {
      this.message = message;
    }
    LegacyTypeError.prototype = new TypeError();
    const error = new (LegacyTypeError as unknown as new (message: string) => Error)('x');
    expect(error).toBeInstanceOf(TypeError);
    expect(isPdfjsException(error)).toBe(false);
  });
});
