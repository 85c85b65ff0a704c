import { describe, expect, it } from 'vitest';
import { buildDocument, textDocument } from '../../../electron/backend/import/parsers/document.ts';

describe('buildDocument', () => {
  it('joins blocks with blank lines and gives each a unit that slices back to its text', () => {
    const doc = buildDocument({
      blocks: [
        { kind: 'heading', text: 'Why', level: 1 },
        { kind: 'paragraph', text: '  Value 😀 added.\n\n\nStill the same paragraph.  ' },
        { kind: 'paragraph', text: '   ' },
        { kind: 'paragraph', text: 'Strategy.' },
      ],
    });
    expect(doc.text).toBe('Why\n\nValue 😀 added.\nStill the same paragraph.\n\nStrategy.');
    expect(doc.units.map((u) => [u.kind, doc.text.slice(u.start, u.end)])).toEqual([
      ['heading', 'Why'],
      ['paragraph', 'Value 😀 added.\nStill the same paragraph.'],
      ['paragraph', 'Strategy.'],
    ]);
    expect(doc.units[0]!.level).toBe(1);
  });

  it('makes page units that contain the page’s paragraph units, keeping real page numbers', () => {
    const doc = buildDocument({ pages: ['A1\n\nA2', '   ', 'C1'] });
    expect(doc.text).toBe('A1\n\nA2\n\nC1');
    expect(doc.units).toEqual([
      { kind: 'page', start: 0, end: 6, page: 1 },
      { kind: 'paragraph', start: 0, end: 2, page: 1 },
      { kind: 'paragraph', start: 4, end: 6, page: 1 },
      { kind: 'page', start: 8, end: 10, page: 3 },
      { kind: 'paragraph', start: 8, end: 10, page: 3 },
    ]);
  });
});

describe('textDocument', () => {
  it('keeps plain text unchanged and marks its paragraphs in place', () => {
    const text = '\n  First line\nsecond line \n\n \nNext 😀\n';
    const doc = textDocument(text);
    expect(doc.text).toBe(text);
    expect(doc.units.map((u) => text.slice(u.start, u.end))).toEqual(['First line\nsecond line', 'Next 😀']);
  });
});
