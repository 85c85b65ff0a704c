import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../electron/backend/import/parsers/html.ts';

const texts = (html: string) => parseHtml(html).blocks.map((b) => b.text);

describe('HTML blocks', () => {
  const BLOCKS =
    'p div section article main header footer nav aside blockquote li ul ol dl dt dd figure figcaption table thead tbody tfoot tr caption form fieldset legend address details summary body html'.split(' ');

  it.each(BLOCKS)('text inside <%s> is a paragraph of its own, not run into the text around it', (name) => {
    expect(texts(`before<${name} class="x">inside</${name}>after`)).toEqual(['before', 'inside', 'after']);
  });

  it('a horizontal rule separates paragraphs', () => {
    expect(texts('above<hr>below<hr/>end')).toEqual(['above', 'below', 'end']);
  });

  it.each([1, 2, 3, 4, 5, 6])('<h%i> is a heading of that level, and the text after it is not', (level) => {
    expect(parseHtml(`<h${level} id="t">Title</h${level}>Loose text`).blocks).toEqual([
      { kind: 'heading', text: 'Title', level },
      { kind: 'paragraph', text: 'Loose text' },
    ]);
  });

  it('reads text with no tags at all, and text after the last tag', () => {
    expect(texts('just text')).toEqual(['just text']);
    expect(texts('<p>first</p>tail')).toEqual(['first', 'tail']);
  });

  it('keeps inline markup inside one paragraph, with single spaces where tags meet', () => {
    expect(texts('<p>word <b> bold</b>\r\n<span style="x">and</span>\t<o:p>Word</o:p><my-tag>custom</my-tag></p>')).toEqual(['word bold and Wordcustom']);
  });

  it('turns <br> into a line break without spaces around it', () => {
    expect(texts('<p>Line one <br/> line two<BR>three</p>')).toEqual(['Line one\nline two\nthree']);
  });
});

describe('HTML that is not reading text', () => {
  it.each([
    ['script', '<script type="text/javascript">var s = "<p>x</p>";</script>'],
    ['style', '<style>p > span { color: red }</style>'],
    ['noscript', '<noscript><p>Please enable JavaScript</p></noscript>'],
    ['template', '<template><p>row template</p></template>'],
    ['title', '<title>Browser tab title</title>'],
    ['svg', '<svg width="10"><text x="0">Chart label</text></svg>'],
    ['math', '<math><mi>x</mi><mo>=</mo><mn>2</mn></math>'],
    ['iframe', '<iframe src="https://video.example">Your browser has no frames</iframe>'],
    ['object', '<object data="movie.swf">Flash fallback</object>'],
    ['textarea', '<textarea name="c">Type a comment</textarea>'],
    ['select', '<select><option>Option A</option></select>'],
    ['head', '<head><meta charset="utf-8"><base href="/">head text</head>'],
  ])('leaves out <%s> content', (_name, markup) => {
    expect(texts(`<p>Before</p>${markup}<p>After</p>`)).toEqual(['Before', 'After']);
  });

  it('finds the closing tag whatever its case, and with a space before ">"', () => {
    expect(texts('<p>a</p><SCRIPT>x()</SCRIPT ><p>b</p><Style>p{}</STYLE><p>c</p>')).toEqual(['a', 'b', 'c']);
  });

  it('a self-closed <svg/> icon hides nothing after it', () => {
    expect(texts('<p>Icon <svg viewBox="0 0 1 1"/> label</p><p>Next</p>')).toEqual(['Icon label', 'Next']);
  });

  it('reads the body of a page whose <head> is never closed (browsers accept that)', () => {
    expect(texts('<html><head><meta charset="utf-8"><title>T</title>\n<body><p>Text</p></body></html>')).toEqual(['Text']);
  });

  it('a stray closing tag left by an editor hides nothing after it', () => {
    expect(texts('<p>a</p></noscript><p>b</p></textarea>c')).toEqual(['a', 'b', 'c']);
  });

  it('drops the rest of a page after a <script> that is never closed', () => {
    expect(texts('<p>Kept</p><script>var a = 1;<p>not text</p>')).toEqual(['Kept']);
  });

  it('ignores an XML declaration and Word’s conditional comments', () => {
    expect(texts('<?xml version="1.0" encoding="utf-8"?><p><![if !supportLists]>1.<![endif]>Item</p>')).toEqual(['1.Item']);
  });

  it('keeps a ">" inside a quoted attribute from ending the tag', () => {
    expect(texts(`<p><a href="x" title="2 > 1">link</a> text <img alt='a > b' src="i.png"> end</p>`)).toEqual(['link text end']);
  });

  it('drops a comment that contains ">" and tags', () => {
    expect(texts('<p>one<!-- <b>x</b> > y -->two</p>')).toEqual(['onetwo']);
  });
});

describe('HTML preformatted text', () => {
  it('keeps spaces and line breaks in nested <pre>, and collapses them again after it', () => {
    expect(texts('<pre>a\n  b<pre>  c</pre>  d\n</pre><p>x   y</p>')).toEqual(['a\n  b', 'c', 'd', 'x y']);
  });

  it('is not thrown off by a stray </pre> before the real one', () => {
    expect(texts('</pre><pre>a\n  b</pre>')).toEqual(['a\n  b']);
  });

  it('drops trailing spaces at the end of a preformatted line', () => {
    expect(texts('<pre>line 1   \nline 2</pre>')).toEqual(['line 1\nline 2']);
  });
});

describe('HTML tables', () => {
  it('separates cells with one tab, with no tab before the first cell', () => {
    expect(texts('<table><tr><td></td><td>b</td></tr><tr><td>c</td><td></td><td>e</td></tr></table>')).toEqual(['b', 'c\t\te']);
  });

  it('reads a pretty-printed table row without the indentation around its tabs', () => {
    expect(texts('<table>\n  <tr>\n    <td>Q1</td>\n    <td> Yes </td>\n    <td>Often</td>\n  </tr>\n</table>')).toEqual(['Q1\tYes\tOften']);
  });

  it('reads a table saved by Word as HTML, its cells in paragraphs, one row to a paragraph', () => {
    const word = [
      "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>",
      " <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>",
      "  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'>",
      '  <p class=MsoNormal><b>Participant<o:p></o:p></b></p>',
      '  </td>',
      "  <td width=301 valign=top style='width:225.4pt'>",
      '  <p class=MsoNormal><b>Role<o:p></o:p></b></p>',
      '  </td>',
      ' </tr>',
      " <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>",
      '  <td><p class=MsoNormal>P01<o:p></o:p></p></td>',
      '  <td><p class=MsoNormal>Teacher<o:p></o:p></p>',
      '  <p class=MsoNormal>and mentor<o:p></o:p></p></td>',
      ' </tr>',
      '</table>',
      '<p class=MsoNormal>After the table.<o:p></o:p></p>',
    ].join('\r\n');
    expect(texts(word)).toEqual(['Participant\tRole', 'P01\tTeacher and mentor', 'After the table.']);
  });

  it('ends a row at the next row or the end of the table when its cells are left open', () => {
    expect(texts('<table><tr><td><p>a<td><p>b<tr><td><div>c</div></table><p>d')).toEqual(['a\tb', 'c', 'd']);
  });
});
