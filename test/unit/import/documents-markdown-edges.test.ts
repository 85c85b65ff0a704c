import { describe, expect, it } from 'vitest';
import { inlineText, parseMarkdown } from '../../../electron/backend/import/parsers/markdown.ts';

const blocks = (md: string) => parseMarkdown(md).blocks;
const texts = (md: string) => blocks(md).map((b) => b.text);

describe('Markdown headings', () => {
  it('reads ATX headings with closing hashes and up to three spaces of indent; drops an empty one', () => {
    expect(blocks('## Findings ##\n\n#\n\n   ###### Deep')).toEqual([
      { kind: 'heading', text: 'Findings', level: 2 },
      { kind: 'heading', text: 'Deep', level: 6 },
    ]);
  });

  it('treats an Obsidian #tag and seven hashes as text, not headings', () => {
    expect(blocks('#interview-3\n\n####### seven')).toEqual([
      { kind: 'paragraph', text: '#interview-3' },
      { kind: 'paragraph', text: '####### seven' },
    ]);
  });

  it('does not take a shell comment in an indented code block for a heading', () => {
    expect(blocks('Run:\n\n    # install the packages\n    npm ci').map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('reads a setext heading underlined with "=" as level 1, from all its lines', () => {
    expect(blocks('Two line\n*title*\n===\nBody')).toEqual([
      { kind: 'heading', text: 'Two line title', level: 1 },
      { kind: 'paragraph', text: 'Body' },
    ]);
  });
});

describe('Markdown paragraphs and breaks', () => {
  it('joins soft-wrapped lines with a space, and breaks lines after two spaces or a backslash', () => {
    expect(texts('line one  \ntwo\\\nthree\nfour')).toEqual(['line one\ntwo\nthree four']);
  });

  it('breaks only at two trailing spaces or a trailing backslash, not at one space or a backslash inside the line', () => {
    expect(texts('ends in one space \nSaved in C:\\Data on  a drive\nMonday')).toEqual(['ends in one space Saved in C:\\Data on  a drive Monday']);
  });

  it('a line holding only spaces still ends a paragraph', () => {
    expect(texts('one\n   \ntwo')).toEqual(['one', 'two']);
  });

  it('a rule right under a paragraph ends it; a rule later in a note is not front matter', () => {
    expect(texts('Intro\n\n---\n\nMiddle\n* * *\nEnd')).toEqual(['Intro', 'Middle', 'End']);
  });

  it('keeps a backslash that ends a paragraph (a Windows folder)', () => {
    expect(texts('Saved in C:\\Data\\')).toEqual(['Saved in C:\\Data\\']);
  });

  it('keeps a line of "=" after a blank line as text, not an empty heading', () => {
    expect(texts('Notes\n\n===\n\nMore')).toEqual(['Notes', '===', 'More']);
  });

  it('drops horizontal rules written with "-", "_" or spaced "*"', () => {
    expect(texts('above\n\n- - -\n\n___\n\n* * *\nbelow')).toEqual(['above', 'below']);
  });

  it('drops link reference definitions and keeps the link text that uses them', () => {
    expect(texts('See [the report][1] and [notes][].\n\n[1]: https://example.org "Report"\n[notes]: notes.md')).toEqual(['See the report and notes.']);
  });

  it('reads front matter closed by "..." as metadata, and a lone opening "---" as a rule', () => {
    expect(texts('---\ntitle: Interview 3\ntags: [pilot]\n...\nBody')).toEqual(['Body']);
    expect(texts('---\ntitle: not closed')).toEqual(['title: not closed']);
  });

  it('reads quoted lines, including an Obsidian callout, as one paragraph', () => {
    expect(texts('> [!note] Callout\n> body text\n\n>no space')).toEqual(['[!note] Callout body text', 'no space']);
  });
});

describe('Markdown lists', () => {
  it('reads bullets, numbers with ")" and task items as paragraphs, without their markers or checkboxes', () => {
    expect(texts('- [ ] to do\n- [X] done\n* star\n+ plus\n1) first\n10. tenth\n  - nested')).toEqual(['to do', 'done', 'star', 'plus', 'first', 'tenth', 'nested']);
  });
});

describe('Markdown code blocks', () => {
  it('keeps a shorter fence inside a longer one as code', () => {
    expect(texts('````md\n```js\ncode\n```\n````\nafter')).toEqual(['```js\ncode\n```', 'after']);
  });

  it('closes an indented fence inside a list item', () => {
    expect(texts('- step one\n\n  ```\n  npm ci\n  ```\nAfter')).toEqual(['step one', 'npm ci', 'After']);
  });

  it('reads tilde fences, and an unclosed fence to the end of the file', () => {
    expect(texts('~~~python\nx = 1\n~~~\n```\nunclosed\ncode')).toEqual(['x = 1', 'unclosed\ncode']);
  });
});

describe('Markdown tables', () => {
  it('reads rows as tab-separated cells, keeping an escaped pipe, and drops the alignment row', () => {
    expect(texts('| Item | a \\| b |\n|:---|---:|\n| **Q1** | Yes |')).toEqual(['Item\ta | b', 'Q1\tYes']);
  });
});

describe('Markdown inline text', () => {
  it('turns images, autolinks and inline HTML into their text', () => {
    expect(inlineText('![a chart](img.png) at <https://x.org>, <http://old.example> and <mailto:a@b.org> <span style="c">kept</span>')).toBe('a chart at https://x.org, http://old.example and mailto:a@b.org kept');
  });

  it('removes __bold__, ~~strike~~ and *emphasis* marks but keeps code spans verbatim', () => {
    expect(inlineText('__bold__ ~~old~~ *it* `**code**` ``a ` b``')).toBe('bold old it **code** a ` b');
  });

  it('keeps underscores and asterisks that are not emphasis', () => {
    expect(inlineText('file_name_here, a_b, 5 * 3, _ alone _')).toBe('file_name_here, a_b, 5 * 3, _ alone _');
  });

  it('restores every escaped character, however many a line has', () => {
    const line = Array.from({ length: 12 }, (_, i) => `w\\_${i}`).join(' ');
    expect(inlineText(line)).toBe(Array.from({ length: 12 }, (_, i) => `w_${i}`).join(' '));
  });

  it('decodes character references once, and escapes stay literal', () => {
    expect(inlineText('&copy; 2024 &amp;amp; \\_not italic\\_ \\<b\\>')).toBe('© 2024 &amp; _not italic_ <b>');
  });
});
