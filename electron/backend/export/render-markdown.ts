import { headingLevel, linesOf, type Block, type Report } from './report-model.ts';

/**
 * Text as Markdown shows it literally: punctuation that would start emphasis, code, links or
 * raw HTML is escaped, and so is whatever would make a line a heading, list item, quote or rule.
 */
export function escapeMarkdown(text: string): string {
  return linesOf(text)
    .map((line) =>
      line
        .replace(/[\\`*_[\]{}<>&|~!]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Lines of a block quote; blank lines stay inside the quote. */
const quoted = (text: string): string[] => text.split('\n').map((l) => (l.trim() ? `> ${l}` : '>'));

function block(b: Block, offset: number): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(headingLevel(b.level + offset))} ${escapeMarkdown(b.text).replace(/\n/g, ' ')}`;
    case 'paragraph': {
      const text = escapeMarkdown(b.text).replace(/\n/g, '  \n');
      return b.tone === 'definition' ? `*${text}*` : b.tone === 'label' ? `**${text}**` : text;
    }
    case 'fields':
      return b.fields.map((f) => `- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value).replace(/\n/g, '  \n  ')}`).join('\n');
    case 'quote': {
      const lines = quoted(escapeMarkdown(b.text));
      lines.push('>', `> — ${escapeMarkdown(b.citation)}`);
      for (const memo of b.memos) lines.push('>', ...quoted(`**Memo:** ${escapeMarkdown(memo)}`));
      return lines.join('\n');
    }
    case 'outline':
      return b.items.map((i) => `${'  '.repeat(i.depth)}- ${escapeMarkdown(i.text)}${i.note ? ` — ${escapeMarkdown(i.note)}` : ''}`).join('\n');
  }
}

/**
 * The report in CommonMark: the title as the one level-1 heading, the title page as a list of
 * fields, a rule, then the body with its headings one level down.
 */
export function renderMarkdown(report: Report): string {
  const parts = [`# ${escapeMarkdown(report.title)}`, `*${escapeMarkdown(report.subtitle)}*`, block({ kind: 'fields', fields: report.fields }, 0), '---'];
  for (const b of report.body) parts.push(block(b, 1));
  return `${parts.join('\n\n')}\n`;
}
