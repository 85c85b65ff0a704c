import type { Block } from './blocks.ts';
import { pushBlock } from './blocks.ts';
import type { ParsedBlocks } from './docx.ts';
import { decodeHtmlEntities } from './html-entities.ts';

/** Elements whose content is never reading text; skipped up to their closing tag. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'textarea', 'select']);
/** Elements that start and end a block of text. */
const BLOCK = new Set(
  'p div section article main header footer nav aside blockquote li ul ol dl dt dd figure figcaption table thead tbody tfoot tr caption form fieldset legend address hr details summary body html pre h1 h2 h3 h4 h5 h6'.split(
    ' ',
  ),
);

/** Elements that end a table row whatever cells were left open (HTML lets <td> go unclosed). */
const ROW_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'caption']);

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/;

/** Index just past the `>` that ends the tag starting at `from`, honouring quoted attributes. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}

/**
 * Headings, paragraphs, list items, quotes and table rows (cells separated by tabs) of an HTML
 * document. A small tolerant tokenizer, since no DOM is available on the Node side: it
 * drops comments, scripts, styles and the head, and decodes character references.
 */
export function parseHtml(html: string): ParsedBlocks {
  const blocks: Block[] = [];
  let buffer = '';
  let heading: number | null = null;
  let pre = 0;
  /** Open table cells: inside one, paragraphs (Word saves each cell's text as <p>) stay in the row. */
  let cell = 0;

  const flush = () => {
    // Outside <pre>, the white space around a table cell's tab is only the page's indentation.
    const text = pre ? buffer : buffer.split('\n').map((line) => line.replace(/ {2,}/g, ' ').replace(/ *\t */g, '\t').trim()).join('\n');
    pushBlock(blocks, heading === null ? 'paragraph' : 'heading', text, heading ?? undefined);
    buffer = '';
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) {
      const raw = html.slice(i, textEnd);
      buffer += decodeHtmlEntities(pre ? raw : raw.replace(/[ \t\n\r\f]+/g, ' '));
      i = textEnd;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      i = tagEnd(html, i);
      continue;
    }
    const tag = TAG.exec(html.slice(i, i + 64));
    if (!tag) {
      buffer += '<';
      i++;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    const end = tagEnd(html, i + tag[0].length);
    i = end;
    if (SKIP.has(name) && !closing && html[end - 2] !== '/') {
      // Searched with a regex, not on a lower-cased copy: lower-casing can change string length.
      const closer = new RegExp(`</${name}[\\s>/]`, 'gi');
      closer.lastIndex = end;
      const close = closer.exec(html)?.index ?? -1;
      i = close < 0 ? (name === 'head' ? end : html.length) : tagEnd(html, close);
      continue;
    }
    if (name === 'br') buffer += '\n';
    else if (name === 'td' || name === 'th') {
      if (!closing && buffer.trim()) buffer += '\t';
      cell = closing ? Math.max(0, cell - 1) : cell + 1;
    } else if (cell > 0 && BLOCK.has(name) && !ROW_STRUCTURE.has(name)) {
      // A cell's paragraphs read as one, separated by a space (as a Word table's cell does).
      if (buffer && !/\s$/.test(buffer)) buffer += ' ';
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    } else if (BLOCK.has(name)) {
      if (ROW_STRUCTURE.has(name)) cell = 0;
      flush();
      const level = /^h([1-6])$/.exec(name);
      if (level) heading = closing ? null : Number(level[1]);
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    }
  }
  flush();
  return { blocks };
}
