import { describe, expect, it } from 'vitest';
import { isPdfjsException } from '../../../electron/backend/import/parsers/pdf.ts';
import { runChild } from '../../helpers/child.ts';

const child = (...args: string[]) => runChild('test/helpers/pdf-stray-child.ts', args, 60_000);

describe('pdf.js rejections nobody awaits do not end the process that parses a damaged PDF', () => {
  it('reads a PDF with a stale cross-reference table on the main thread, and the process lives on', () => {
    const run = child();
    expect(run.stderr).not.toMatch(/Unhandled|XRefEntryException/);
    expect(run.stdout).toBe('"First page.\\n\\nSecond page."\nsurvived\n');
    expect(run.status).toBe(0);
  });

  it('still ends the process on any other unhandled rejection, as Node does by default', () => {
    const run = child('then-reject');
    expect(run.stdout).not.toContain('survived');
    expect(run.stderr).toContain('a rejection nobody handles, not from pdf.js');
    expect(run.status).not.toBe(0);
  });

  it('tells pdf.js’s own exceptions from everything else', async () => {
    class OurError extends Error {}
    expect([new Error('x'), new OurError('x'), new TypeError('x'), 'text', null].map(isPdfjsException)).toEqual([false, false, false, false, false]);
    // pdf.js's exceptions share one old-style base (its worker code has a copy of the same classes).
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect([new pdfjs.InvalidPDFException('Invalid PDF structure.'), new pdfjs.AbortException('Worker was destroyed.')].map(isPdfjsException)).toEqual([true, true]);
  });
});
