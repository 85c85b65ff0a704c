import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describeDuration, ImportError, reasonOf } from './errors.ts';

export type ParsedPdf = { pages: string[] };

/**
 * How much of a PDF an import reads: at most this many pages, for at most this long. The
 * parsing thread (pipeline/parse-pool.ts) also stops a parse that outlives the time limit
 * (pdf.js can spin inside one page, where this check never runs).
 */
export type PdfLimits = { maxPages: number; timeMs: number };
export const PDF_LIMITS: PdfLimits = { maxPages: 5000, timeMs: 120_000 };

type ContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];
/** A pdf.js text item (the other kind, marked content, has no `str`). */
type Item = Extract<ContentItem, { str: string }>;
type Line = { text: string; y: number; height: number };

/** A vertical gap above this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

/**
 * pdf.js runs its "worker" in this thread when globalThis.pdfjsWorker holds the worker
 * module (pdfjs-dist 5.x): no Worker, no workerSrc URL, nothing fetched.
 */
/** Named through a variable: the worker module ships no types, and we only hand it back to pdf.js. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(WORKER_MODULE) as Promise<unknown>]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  containPdfjsStrays();
  return pdfjs;
}

/**
 * Whether an error was made by pdf.js's own exception class. Its BaseException is an old-style
 * constructor whose prototype is an Error *instance* (`BaseException.prototype = new Error()`),
 * so some prototype in the chain is itself an error: own `stack`, no own `constructor`. Classes
 * (`class X extends Error`) never look like that; the test holds in a bundle, where names change.
 */
export function isPdfjsException(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  for (let proto: object | null = Object.getPrototypeOf(reason); proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getPrototypeOf(proto) === Error.prototype && Object.hasOwn(proto, 'stack') && !Object.hasOwn(proto, 'constructor')) return true;
  }
  return false;
}

let strayListener: ((reason: unknown) => void) | undefined;

/**
 * pdf.js (5.x, and 6.x still) fetches all the kids of a page tree ahead while it walks to one
 * page. When the walk stops early at a damaged kid, the fetches it never reached reject with
 * nobody waiting on them, even though the document is then read in recovery mode and comes out
 * whole (a file whose cross-reference table points a few bytes off, as editors that patch a file
 * in place leave it). An unhandled rejection ends a Node process: the parsing thread, and then
 * the backend itself, which parses what the thread held. Those rejections, and only pdf.js's own
 * exceptions, are ignored, once per thread. Anything else keeps Node's default: when this is the
 * only listener it throws the reason again, which ends the process as it would have.
 */
function containPdfjsStrays(): void {
  if (strayListener) return;
  strayListener = (reason: unknown) => {
    if (isPdfjsException(reason)) return;
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  };
  process.on('unhandledRejection', strayListener);
}

/** Groups a page's text items into lines (by hasEOL and baseline), then lines into paragraphs. */
function pageText(items: Item[]): string {
  const lines: Line[] = [];
  let text = '';
  let y = 0;
  let height = 0;
  let xEnd = 0;
  const endLine = () => {
    if (text.trim()) lines.push({ text: text.trim(), y, height });
    text = '';
    height = 0;
  };
  for (const item of items) {
    const [, , , scaleY = 0, x = 0, itemY = 0] = item.transform as number[];
    const itemHeight = item.height || Math.abs(scaleY) || 10;
    // A new line where an item sits off the line by half a line or more; the line's own type
    // counts, so a footnote mark or exponent set small and raised stays on it.
    if (text && Math.abs(itemY - y) > Math.max(itemHeight, height) / 2) endLine();
    // After a flattened form field (a form XObject), pdf.js measures the gap from the text
    // before the field: a space item reaching back over the field's value, not a space.
    const str = text && !item.str.trim() && x < xEnd - 1 ? '' : item.str;
    // Items on one line may leave the space between words implicit, as a gap; never before a
    // comma, full stop, semicolon or closing bracket (a form field's box ends before them).
    if (text && str && !/\s$/.test(text) && !/^[\s,.;)\]]/.test(str) && x - xEnd > itemHeight * 0.2) text += ' ';
    if (str) {
      text += str;
      // The line's baseline is that of its largest type, not of a raised mark at its end.
      if (itemHeight >= height) y = itemY;
      height = Math.max(height, itemHeight);
      xEnd = x + item.width;
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  let out = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev) {
      const gap = prev.y - line.y;
      out += gap < 0 || gap > PARAGRAPH_GAP * Math.max(prev.height, line.height) ? '\n\n' : '\n';
    }
    out += line.text;
  });
  return out;
}

/**
 * Text of each page of a PDF, paragraphs separated by blank lines. Runs pdf.js without a
 * worker, without eval and without fetching fonts: text extraction needs none of them.
 */
export async function parsePdf(bytes: Uint8Array, fileName: string, limits: PdfLimits = PDF_LIMITS): Promise<ParsedPdf> {
  const deadline = performance.now() + limits.timeMs;
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js transfers (detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      if (error instanceof Error && error.name === 'PasswordException') {
        throw new ImportError(fileName, 'is protected by a password; remove the password and import it again');
      }
      throw new ImportError(fileName, `is not a valid PDF file (${reasonOf(error)})`);
    }
    if (doc.numPages > limits.maxPages) {
      throw new ImportError(fileName, `has ${doc.numPages.toLocaleString('en')} pages; Marginalia reads at most ${limits.maxPages.toLocaleString('en')} pages of one PDF (split it and import the parts)`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (performance.now() > deadline) {
        throw new ImportError(fileName, `took longer than ${describeDuration(limits.timeMs)} to read and was stopped at page ${n} of ${doc.numPages}; split it and import the parts`);
      }
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(pageText(content.items.filter((item): item is Item => 'str' in item)));
      } catch (error) {
        throw new ImportError(fileName, `cannot be read (${reasonOf(error)})`, { page: n });
      }
    }
    if (!pages.some((page) => page.trim())) {
      throw new ImportError(fileName, 'has no text layer: it is a scanned PDF and needs OCR (text recognition) before import');
    }
    return { pages };
  } finally {
    await task.destroy();
  }
}
