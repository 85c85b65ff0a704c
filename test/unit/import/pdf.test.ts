import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/backend/import/parsers/document.ts';
import { parsePdf } from '../../../electron/backend/import/parsers/pdf.ts';
import { makePdf, makeScannedPdf, truncated } from '../../helpers/files.ts';

describe('parsePdf', () => {
  it('reads the text of each page, lines joined and paragraphs separated by blank lines', async () => {
    const bytes = await makePdf([
      ['Why micro-credentials?', '', 'They add value to the', 'institutional strategy.'],
      ['Page two: flexibility (caf\u00e9).'],
    ]);
    const { pages } = await parsePdf(bytes, 'study.pdf');
    expect(pages).toEqual(['Why micro-credentials?\n\nThey add value to the\ninstitutional strategy.', 'Page two: flexibility (café).']);

    const doc = buildDocument({ pages });
    const slice = (i: number) => doc.text.slice(doc.units[i]!.start, doc.units[i]!.end);
    expect(doc.units.map((u) => [u.kind, u.page])).toEqual([
      ['page', 1],
      ['paragraph', 1],
      ['paragraph', 1],
      ['page', 2],
      ['paragraph', 2],
    ]);
    expect(slice(2)).toBe('They add value to the\ninstitutional strategy.');
    expect(slice(3)).toBe('Page two: flexibility (café).');
  });

  it('does not detach or change the caller’s bytes', async () => {
    const bytes = await makePdf([['Hello']]);
    const copy = bytes.slice();
    await parsePdf(bytes, 'a.pdf');
    expect(bytes).toEqual(copy);
  });

  it('says a PDF without a text layer needs OCR', async () => {
    await expect(parsePdf(await makeScannedPdf(2), 'scan.pdf')).rejects.toThrow(
      'scan.pdf has no text layer: it is a scanned PDF and needs OCR (text recognition) before import',
    );
  });

  it('refuses a truncated or non-PDF file, naming it', async () => {
    const bytes = await makePdf([['one'], ['two']]);
    await expect(parsePdf(truncated(bytes), 'half.pdf')).rejects.toThrow(/^half\.pdf is not a valid PDF file \(/);
    await expect(parsePdf(new TextEncoder().encode('hello'), 'fake.pdf')).rejects.toThrow(/^fake\.pdf is not a valid PDF file/);
  });
});

describe('parsePdf limits', () => {
  it('refuses a PDF with more pages than it reads, saying how many and what to do', async () => {
    const bytes = await makePdf([['one'], ['two'], ['three']]);
    await expect(parsePdf(bytes, 'long.pdf', { maxPages: 2, timeMs: 60_000 })).rejects.toThrow(
      'long.pdf has 3 pages; Marginalia reads at most 2 pages of one PDF (split it and import the parts)',
    );
    await expect(parsePdf(bytes, 'long.pdf', { maxPages: 3, timeMs: 60_000 })).resolves.toEqual({ pages: ['one', 'two', 'three'] });
  });

  it('stops between pages once its time is up, naming the page it stopped at', async () => {
    const bytes = await makePdf([['one'], ['two']]);
    await expect(parsePdf(bytes, 'slow.pdf', { maxPages: 10, timeMs: 0 })).rejects.toThrow(
      'slow.pdf took longer than 0 ms to read and was stopped at page 1 of 2; split it and import the parts',
    );
  });
});
