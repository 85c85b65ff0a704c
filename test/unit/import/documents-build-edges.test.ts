import { describe, expect, it } from 'vitest';
import { pushBlock, type Block } from '../../../electron/backend/import/parsers/blocks.ts';
import { buildDocument, textDocument } from '../../../electron/backend/import/parsers/document.ts';

const slices = (doc: { text: string; units: { start: number; end: number }[] }) => doc.units.map((u) => doc.text.slice(u.start, u.end));

describe('plain text paragraphs', () => {
  it('marks the last paragraph of a file that does not end in a newline', () => {
    const text = 'First\nstill first\n\nLast';
    expect(slices(textDocument(text))).toEqual(['First\nstill first', 'Last']);
  });

  it('leaves out the tabs and spaces around a paragraph, and a line of only tabs separates paragraphs', () => {
    const text = '\tIndented\t \n\t\t\n   Next\t';
    const doc = textDocument(text);
    expect(doc.units).toEqual([
      { kind: 'paragraph', start: 1, end: 9 },
      { kind: 'paragraph', start: 18, end: 22 },
    ]);
    expect(slices(doc)).toEqual(['Indented', 'Next']);
  });

  it('marks a file that is one paragraph with no newline', () => {
    expect(textDocument('Just one line').units).toEqual([{ kind: 'paragraph', start: 0, end: 13 }]);
  });

  it('has no units for an empty text', () => {
    expect(textDocument('').units).toEqual([]);
  });
});

describe('PDF pages', () => {
  it('splits a page at a line holding only spaces or tabs, and keeps single line breaks inside a paragraph', () => {
    const doc = buildDocument({ pages: ['  line one\nline two \n \t \nnext  '] });
    expect(doc.text).toBe('line one\nline two\n\nnext');
    expect(doc.units.map((u) => [u.kind, u.page, doc.text.slice(u.start, u.end)])).toEqual([
      ['page', 1, 'line one\nline two\n\nnext'],
      ['paragraph', 1, 'line one\nline two'],
      ['paragraph', 1, 'next'],
    ]);
  });

  it('skips a blank first page without leaving a gap before the second', () => {
    const doc = buildDocument({ pages: ['\n\n', 'Only text'] });
    expect(doc).toEqual({ text: 'Only text', units: [{ kind: 'page', start: 0, end: 9, page: 2 }, { kind: 'paragraph', start: 0, end: 9, page: 2 }], pageCount: 2 });
  });
});

describe('blocks', () => {
  it('skips a blank first block without leaving a gap, and gives headings their level only', () => {
    const doc = buildDocument({ blocks: [{ kind: 'paragraph', text: '\n' }, { kind: 'heading', text: 'H', level: 2 }, { kind: 'paragraph', text: 'p' }] });
    expect(doc).toEqual({ text: 'H\n\np', units: [{ kind: 'heading', start: 0, end: 1, level: 2 }, { kind: 'paragraph', start: 3, end: 4 }] });
  });

  it('trims spaces and tabs at the end of each line, collapses blank lines and drops empty text', () => {
    const blocks: Block[] = [];
    pushBlock(blocks, 'paragraph', '  one \t\n\n \ntwo  ');
    pushBlock(blocks, 'paragraph', ' \n\t ');
    pushBlock(blocks, 'heading', ' Title ', 3);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'one\ntwo' },
      { kind: 'heading', text: 'Title', level: 3 },
    ]);
  });
});
