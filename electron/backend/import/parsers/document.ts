import type { Block } from './blocks.ts';

export type { Block } from './blocks.ts';
export type DocumentUnit = { kind: 'heading' | 'paragraph' | 'page'; start: number; end: number; page?: number; level?: number };
/** `pageCount`: for PDF pages, how many the file has, blank ones included. */
export type BuiltDocument = { text: string; units: DocumentUnit[]; pageCount?: number };

const SEPARATOR = '\n\n';

function fromBlocks(blocks: Block[]): BuiltDocument {
  let text = '';
  const units: DocumentUnit[] = [];
  for (const block of blocks) {
    // Blocks are single paragraphs; a blank line inside one would read as two.
    const body = block.text.replace(/\n{2,}/g, '\n').trim();
    if (!body) continue;
    if (text) text += SEPARATOR;
    const start = text.length;
    text += body;
    const unit: DocumentUnit = { kind: block.kind, start, end: text.length };
    if (block.kind === 'heading' && block.level !== undefined) unit.level = block.level;
    units.push(unit);
  }
  return { text, units };
}

/**
 * Pages joined by blank lines. Each non-empty page is a page unit (page numbers stay the
 * PDF's own, empty pages are skipped); the paragraphs inside a page, split at blank lines,
 * are paragraph units too, so page units contain paragraph units.
 */
function fromPages(pages: string[]): BuiltDocument {
  let text = '';
  const units: DocumentUnit[] = [];
  pages.forEach((raw, i) => {
    const paragraphs = raw
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (paragraphs.length === 0) return;
    if (text) text += SEPARATOR;
    const pageStart = text.length;
    const inner: DocumentUnit[] = [];
    paragraphs.forEach((paragraph, n) => {
      if (n > 0) text += SEPARATOR;
      inner.push({ kind: 'paragraph', start: text.length, end: text.length + paragraph.length, page: i + 1 });
      text += paragraph;
    });
    units.push({ kind: 'page', start: pageStart, end: text.length, page: i + 1 }, ...inner);
  });
  return { text, units, pageCount: pages.length };
}

/**
 * Joins parsed blocks (DOCX, ODT, HTML, Markdown) or PDF pages into the text to store, with
 * a unit per heading, paragraph and page. Blocks are separated by a blank line ("\n\n").
 * Unit offsets are UTF-16 code units into the returned text, end-exclusive.
 */
export function buildDocument(input: { blocks: Block[] } | { pages: string[] }): BuiltDocument {
  return 'pages' in input ? fromPages(input.pages) : fromBlocks(input.blocks);
}

/**
 * A plain text document stored as it is (canonical text, unchanged): its paragraphs, the runs
 * of lines between blank lines, become units in place, without leading or trailing spaces.
 */
export function textDocument(text: string): BuiltDocument {
  const units: DocumentUnit[] = [];
  let start = -1;
  let end = -1;
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      if (start < 0) start = at + (line.length - line.trimStart().length);
      end = at + line.trimEnd().length;
    } else if (start >= 0) {
      units.push({ kind: 'paragraph', start, end });
      start = -1;
    }
    at += line.length + 1;
  }
  if (start >= 0) units.push({ kind: 'paragraph', start, end });
  return { text, units };
}
