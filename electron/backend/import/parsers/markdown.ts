import { canonicalText } from '../../../../shared/domain/offsets.ts';
import type { Block } from './blocks.ts';
import { pushBlock } from './blocks.ts';
import type { ParsedBlocks } from './docx.ts';
import { decodeHtmlEntities } from './html-entities.ts';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?/;
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;
/** Private-use stand-in for an escaped character, so emphasis stripping leaves it alone. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

function stripEmphasis(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1');
}

/** Light inline clean-up: links and images to their text, emphasis and code marks removed. */
export function inlineText(text: string): string {
  const escaped: string[] = [];
  const guarded = text.replace(ESCAPED, (_m, c: string) => `\uE000${escaped.push(c) - 1}\uE001`);
  // Code spans keep their content verbatim; only the text between them loses emphasis marks.
  const plain = guarded
    .split(/(`+)(.+?)\1/)
    .map((part, i) => (i % 3 === 0 ? stripEmphasis(part) : i % 3 === 2 ? part : ''))
    .join('');
  return decodeHtmlEntities(plain).replace(/\uE000(\d+)\uE001/g, (_m, n: string) => escaped[Number(n)] ?? '');
}

/**
 * Headings (ATX and setext), paragraphs, list items, quotes, table rows and code blocks.
 * `lineBreaks: 'kept'` keeps every line break inside a paragraph, for transcripts written one
 * turn per line with no blank line between (Markdown itself would join them into one paragraph).
 */
export function parseMarkdown(raw: string, options: { lineBreaks?: 'markdown' | 'kept' } = {}): ParsedBlocks {
  const lines = canonicalText(raw).split('\n');
  const blocks: Block[] = [];
  let open: string[] = [];
  const keep = options.lineBreaks === 'kept';
  const flush = () => {
    // A line ending in two spaces or a backslash is a hard break; other breaks are soft.
    const text = open.map((l, i) => (i < open.length - 1 && (keep || /(?: {2,}|\\)$/.test(l)) ? `${l.replace(/(?: +|\\)$/, '')}\n` : `${l.trim()} `)).join('');
    pushBlock(blocks, 'paragraph', inlineText(text));
    open = [];
  };

  let i = 0;
  if (lines[0] === '---') {
    const close = lines.findIndex((l, n) => n > 0 && (l === '---' || l === '...'));
    if (close > 0) i = close + 1; // YAML front matter is metadata, not text
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(QUOTE, '');
    const fence = FENCE.exec(line);
    let m: RegExpExecArray | null;
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      pushBlock(blocks, 'paragraph', code.join('\n'));
    } else if (line.trim() === '' || LINK_DEFINITION.test(line)) {
      flush();
    } else if ((m = ATX.exec(line))) {
      flush();
      pushBlock(blocks, 'heading', inlineText(m[2] ?? ''), m[1]!.length);
    } else if (open.length > 0 && (m = SETEXT.exec(line))) {
      const text = inlineText(open.join(' ').trim());
      open = [];
      pushBlock(blocks, 'heading', text, m[1]![0] === '=' ? 1 : 2);
    } else if (RULE.test(line)) {
      flush();
    } else if ((m = ITEM.exec(line))) {
      flush();
      open.push(m[1]!);
    } else if (TABLE_ROW.test(line)) {
      flush();
      if (!TABLE_RULE.test(line)) {
        const cells = line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/);
        pushBlock(blocks, 'paragraph', cells.map((c) => inlineText(c.trim())).join('\t'));
      }
    } else {
      open.push(line);
    }
  }
  flush();
  return { blocks };
}
