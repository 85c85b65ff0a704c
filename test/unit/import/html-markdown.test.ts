import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../electron/backend/import/parsers/html.ts';
import { parseMarkdown } from '../../../electron/backend/import/parsers/markdown.ts';

describe('parseHtml', () => {
  it('reads headings, paragraphs, list items, quotes and table rows; drops scripts, styles and comments', () => {
    const html = `<!DOCTYPE html><html><head><title>Ignored title</title><style>p{color:red}</style></head>
      <body><h1>Policy &amp; practice</h1><!-- a <p>comment</p> -->
      <p>Credentials are
         <b>portable</b>&nbsp;and&#160;&#x2014; recognised&hellip;</p>
      <script>document.write("<p>evil</p>")</script><noscript>Enable JS</noscript><template><p>tpl</p></template>
      <ul><li>First item</li><li>Second <a href="https://x.org?a=1&b=2">link</a></li></ul>
      <blockquote>Quoted text</blockquote>
      <h3 class="x">Where</h3>
      <table><tr><th>Item</th><th>Answer</th></tr><tr><td>Q1</td><td>Yes 2 &lt; 3</td></tr></table>
      <p>Line one<br>line two</p><p></p><div>Caf&eacute; &#150; done</div></body></html>`;
    expect(parseHtml(html).blocks).toEqual([
      { kind: 'heading', text: 'Policy & practice', level: 1 },
      { kind: 'paragraph', text: 'Credentials are portable and — recognised…' },
      { kind: 'paragraph', text: 'First item' },
      { kind: 'paragraph', text: 'Second link' },
      { kind: 'paragraph', text: 'Quoted text' },
      { kind: 'heading', text: 'Where', level: 3 },
      { kind: 'paragraph', text: 'Item\tAnswer' },
      { kind: 'paragraph', text: 'Q1\tYes 2 < 3' },
      { kind: 'paragraph', text: 'Line one\nline two' },
      { kind: 'paragraph', text: 'Café – done' },
    ]);
  });

  it('tolerates broken markup: unclosed tags, a stray "<", an unterminated comment', () => {
    expect(parseHtml('<p>a < b and <i>c<p>next <!-- never closed').blocks).toEqual([
      { kind: 'paragraph', text: 'a < b and c' },
      { kind: 'paragraph', text: 'next' },
    ]);
  });

  it('keeps line breaks inside <pre>', () => {
    expect(parseHtml('<pre>line 1\n  line 2</pre>').blocks).toEqual([{ kind: 'paragraph', text: 'line 1\n  line 2' }]);
  });
});

describe('parseMarkdown', () => {
  it('reads headings, paragraphs and list items, stripping inline markup lightly', () => {
    const md = [
      '---',
      'title: front matter',
      '---',
      '# Why *micro*-credentials',
      '',
      'They add **value** to the',
      'institutional [strategy](https://example.org "t") and `code_like_this`.',
      '',
      '- first _item_',
      '- second item',
      '  continues here',
      '1. numbered',
      '',
      'Setext heading',
      '--------------',
      '> quoted ~~old~~ text',
      '',
      '***',
      '',
      '| Item | Answer |',
      '|------|--------|',
      '| Q1 | Yes |',
      '',
      '```',
      'raw **code**',
      '```',
      'snake_case_name and 2 * 3 * 4 \\*literal\\*',
    ].join('\n');
    expect(parseMarkdown(md).blocks).toEqual([
      { kind: 'heading', text: 'Why micro-credentials', level: 1 },
      { kind: 'paragraph', text: 'They add value to the institutional strategy and code_like_this.' },
      { kind: 'paragraph', text: 'first item' },
      { kind: 'paragraph', text: 'second item continues here' },
      { kind: 'paragraph', text: 'numbered' },
      { kind: 'heading', text: 'Setext heading', level: 2 },
      { kind: 'paragraph', text: 'quoted old text' },
      { kind: 'paragraph', text: 'Item\tAnswer' },
      { kind: 'paragraph', text: 'Q1\tYes' },
      { kind: 'paragraph', text: 'raw **code**' },
      { kind: 'paragraph', text: 'snake_case_name and 2 * 3 * 4 *literal*' },
    ]);
  });
});
