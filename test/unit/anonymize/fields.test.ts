import { describe, expect, it } from 'vitest';
import { detectionText, normalizeHtmlText } from '../../../shared/domain/anonymize/fields.ts';

describe('the texts that detection reads', () => {
  it('writes a memo’s references out, so a name typed with entities is found as written', () => {
    expect(normalizeHtmlText('<p>Tom&aacute;s and Jos&Eacute; met Fran&ccedil;ois, &Aring;sa and M&uuml;ller</p>')).toBe('<p>Tomás and JosÉ met François, Åsa and Müller</p>');
    expect(normalizeHtmlText('<p>N&ntilde;o &egrave;&ecirc; &ocirc;</p>')).toBe('<p>Nño èê ô</p>');
    expect(normalizeHtmlText('&#65;&#x42;&#X43;')).toBe('ABC');
    // Escaped again only where HTML needs it; tags kept as they are.
    expect(normalizeHtmlText('<a href="x&amp;y">a &lt;b&gt; &quot;c&quot; &amp; d</a>')).toBe('<a href="x&amp;y">a &lt;b&gt; &quot;c&quot; &amp; d</a>');
    expect(normalizeHtmlText('&apos;&nbsp;')).toBe("'\u00a0");
    // What names no character stays as typed: zero, surrogates, beyond Unicode, unknown names.
    expect(normalizeHtmlText('&#0; &#xD800; &#xDFFF; &#x110000; &bogus;')).toBe('&amp;#0; &amp;#xD800; &amp;#xDFFF; &amp;#x110000; &amp;bogus;');
    expect(normalizeHtmlText('&#xD7FF;&#xE000;&#x10FFFF;')).toBe('\uD7FF\uE000\u{10FFFF}');
  });

  it('reads plain text as it is and HTML with tags blanked to line breaks, positions unchanged', () => {
    expect(detectionText({ text: 'Ana <b>Ruiz</b>', html: false })).toBe('Ana <b>Ruiz</b>');
    const html = '<p>Ana</p><p>Ruiz &amp; Tom&aacute;s&nbsp;&#x263A;</p>';
    const read = detectionText({ text: html, html: true });
    expect(read).toHaveLength(html.length);
    // Each reference: its character, then spaces for the rest of its length.
    const ref = (ch: string, typed: string) => ch + ' '.repeat(typed.length - 1);
    const nl = (tag: string) => '\n'.repeat(tag.length);
    expect(read).toBe(`${nl('<p>')}Ana${nl('</p>')}${nl('<p>')}Ruiz ${ref('&', '&amp;')} Tom${ref('á', '&aacute;')}s${ref('\u00a0', '&nbsp;')}${ref('☺', '&#x263A;')}${nl('</p>')}`);
    // A name is not found across a tag: the two words are on separate lines.
    expect(read.indexOf('Ana Ruiz')).toBe(-1);
    // A reference that names no character becomes spaces.
    expect(detectionText({ text: 'a&#0;b', html: true })).toBe('a    b');
  });
});
