import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../electron/backend/import/parsers/docx.ts';
import { decodeHtmlEntities } from '../../../electron/backend/import/parsers/html-entities.ts';
import { attrOf, decodeXmlText, parseXml } from '../../../electron/backend/import/parsers/xml.ts';

describe('XML character references (DOCX, ODT)', () => {
  it('decodes the five named entities and decimal and hex references in either case of digits', () => {
    expect(decodeXmlText('&lt;tag&gt; &quot;q&quot; &apos;a&apos; &amp; &#65;&#x42;&#xe9;&#xE9;&#8364;')).toBe('<tag> "q" \'a\' & ABéé€');
  });

  it('leaves unknown or HTML-only names, uppercase names and "&#X" literally as written', () => {
    expect(decodeXmlText('&nbsp;&AMP;&#X41;&amp')).toBe('&nbsp;&AMP;&#X41;&amp');
  });

  it('leaves &#0; and references past U+10FFFF as written; U+10FFFF itself is a character', () => {
    expect(decodeXmlText('&#0;|&#x110000;|&#x10FFFF;')).toBe('&#0;|&#x110000;|\u{10FFFF}');
  });

  it('turns the whole surrogate range into U+FFFD and keeps its neighbours', () => {
    expect(decodeXmlText('&#xD7FF;&#xD800;&#xDBFF;&#xDC00;&#xDFFF;&#xE000;')).toBe('\uD7FF\uFFFD\uFFFD\uFFFD\uFFFD\uE000');
  });

  it('decodes attribute values and reports a missing attribute as absent', () => {
    const [node] = parseXml('<w:p w:val="Q&amp;A" w:n="1"/>');
    expect(attrOf(node!, 'w:val')).toBe('Q&A');
    expect(attrOf(node!, 'w:other')).toBeUndefined();
    expect(attrOf({ 'w:p': [] }, 'w:val')).toBeUndefined();
  });

  it('refuses a DOCX whose DOCTYPE is written in lower case too (no entity is ever expanded)', () => {
    const xml = '<?xml version="1.0"?><!doctype w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>';
    expect(() => parseDocx(zipSync({ 'word/document.xml': strToU8(xml) }), 'evil.docx')).toThrow('evil.docx is not a valid DOCX file (it declares a DTD, which Word never writes)');
  });
});

describe('HTML character references (HTML, Markdown)', () => {
  it('maps Latin-1 names to their characters, first to last', () => {
    expect(decodeHtmlEntities('&iexcl;&cent;&sup2;&frac12;&frac34;&iquest;&Agrave;&AElig;&times;&szlig;&eacute;&Eacute;&divide;&thorn;&yuml;')).toBe('¡¢²½¾¿ÀÆ×ßéÉ÷þÿ');
  });

  it('maps typographic names Word and Google Docs write', () => {
    expect(decodeHtmlEntities('&ldquo;Hi&rdquo; &lsquo;x&rsquo; &ndash;&mdash;&hellip;&bull;&euro;&trade;&OElig;&ne;&quot;&apos;')).toBe('“Hi” ‘x’ –—…•€™Œ≠"\'');
  });

  it('reads a no-break space as a plain space, however it is written', () => {
    expect(decodeHtmlEntities('a&nbsp;b&#160;c&#xA0;d&#Xa0;e')).toBe('a b c d e');
  });

  it('reads C1 references as Windows-1252 characters, as browsers do, and others as themselves', () => {
    expect(decodeHtmlEntities('&#128;&#130;&#132;&#133;&#145;&#146;&#147;&#148;&#149;&#150;&#151;&#153;&#x93;')).toBe('€‚„…‘’“”•–—™“');
    expect(decodeHtmlEntities('&#129;')).toBe('\u0081');
  });

  it('turns NUL, surrogates and references past U+10FFFF into U+FFFD', () => {
    expect(decodeHtmlEntities('&#0;|&#xD800;|&#xDFFF;|&#1234567;|&#x110000;|&#x10FFFF;|&#xD7FF;')).toBe('\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uFFFD|\u{10FFFF}|\uD7FF');
  });

  it('decodes astral references and leaves unknown, unterminated and over-long references as written', () => {
    expect(decodeHtmlEntities('&#x1F600;&#128512; &bogus; &amp &#12345678; &#x1234567;')).toBe('😀😀 &bogus; &amp &#12345678; &#x1234567;');
  });
});
