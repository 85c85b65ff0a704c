import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../electron/backend/import/parsers/docx.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A Word package holding this <w:body> content, with optional extra parts (styles, rels). */
function docx(body: string, parts: Record<string, string> = {}, main = 'word/document.xml'): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W} ${MC}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  return zipSync({ [main]: strToU8(document), ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])) });
}

const p = (inner: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const styles = (inner: string) => `<?xml version="1.0"?><w:styles ${W}>${inner}</w:styles>`;
const style = (id: string, name: string, extra = '', type = 'paragraph') =>
  `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/><w:pPr>${extra}</w:pPr></w:style>`;

const read = (bytes: Uint8Array) => parseDocx(bytes, 'interview.docx').blocks;

describe('DOCX text as Word writes it', () => {
  it('joins a word Word split across runs (spell-check and revision marks) without adding spaces', () => {
    expect(read(docx(p(`${r('Partic')}<w:proofErr w:type="spellStart"/>${r('ipants')}<w:proofErr w:type="spellEnd"/>${r(' agreed.')}`)))).toEqual([
      { kind: 'paragraph', text: 'Participants agreed.' },
    ]);
  });

  it('keeps the digits of a paragraph that is only a number (a year, a code with leading zeros)', () => {
    expect(read(docx(p(r('1984')) + p(r('007'))))).toEqual([
      { kind: 'paragraph', text: '1984' },
      { kind: 'paragraph', text: '007' },
    ]);
  });

  it('decodes an escaped ampersand once, so literal "&lt;" typed in Word stays "&lt;"', () => {
    expect(read(docx(p(r('type &amp;lt; and AT&amp;T'))))).toEqual([{ kind: 'paragraph', text: 'type &lt; and AT&T' }]);
  });

  it('reads w:ptab as a tab, w:cr as a line break and a non-breaking hyphen as "-"', () => {
    const body = p('<w:r><w:t>left</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>right</w:t><w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>mail</w:t></w:r>');
    expect(read(docx(body))).toEqual([{ kind: 'paragraph', text: 'left\tright\ne-mail' }]);
  });

  it('drops a space typed before a line break and keeps two breaks in a row as one paragraph', () => {
    const body = p('<w:r><w:t xml:space="preserve">first line   </w:t><w:br/><w:br/><w:t>second line</w:t></w:r>');
    expect(read(docx(body))).toEqual([{ kind: 'paragraph', text: 'first line\nsecond line' }]);
  });

  it('leaves out a tab or line break deleted with Track Changes on', () => {
    const body = p(`${r('one')}<w:del w:id="1" w:author="Ana"><w:r><w:br/></w:r><w:r><w:tab/></w:r></w:del>${r('two')}`);
    expect(read(docx(body))).toEqual([{ kind: 'paragraph', text: 'onetwo' }]);
  });

  it('shows a field’s result, not its code (a hyperlink or page field)', () => {
    const body = p(
      `${r('See ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('the site')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('.')}`,
    );
    expect(read(docx(body))).toEqual([{ kind: 'paragraph', text: 'See the site.' }]);
  });

  it('reads a text box once, after the paragraph that anchors it, not from its VML fallback too', () => {
    const box = '<w:txbxContent><w:p><w:r><w:t>Box quote</w:t></w:r></w:p></w:txbxContent>';
    const body = p(
      `${r('Anchor text')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="x"><wps:txbx>${box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:shape xmlns:v="v"><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>${r(' continues.')}`,
    ) + p(r('Next paragraph.'));
    expect(read(docx(body))).toEqual([
      { kind: 'paragraph', text: 'Anchor text continues.' },
      { kind: 'paragraph', text: 'Box quote' },
      { kind: 'paragraph', text: 'Next paragraph.' },
    ]);
  });

  it('keeps the anchoring paragraph a paragraph when the text box at its start holds a heading', () => {
    const box = `<w:txbxContent>${p(r('Box title'), 'Heading2')}</w:txbxContent>`;
    const body = p(`<w:r><w:drawing><wps:wsp xmlns:wps="x"><wps:txbx>${box}</wps:txbx></wps:wsp></w:drawing></w:r>${r('Body text.')}`);
    expect(read(docx(body))).toEqual([
      { kind: 'paragraph', text: 'Body text.' },
      { kind: 'heading', text: 'Box title', level: 2 },
    ]);
  });

  it('reads content controls, hyperlinks and smart tags around runs', () => {
    const body =
      `<w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent>${p(r('Inside a control'))}</w:sdtContent></w:sdt>` +
      p(`<w:hyperlink r:id="rId5" xmlns:r="r">${r('linked')}</w:hyperlink><w:smartTag w:element="place">${r(' Lisbon')}</w:smartTag>`);
    expect(read(docx(body))).toEqual([
      { kind: 'paragraph', text: 'Inside a control' },
      { kind: 'paragraph', text: 'linked Lisbon' },
    ]);
  });
  it('reads text moved with Track Changes on once, where it was moved to', () => {
    const moved = (tag: string, id: number) => `<w:${tag} w:id="${id}" w:author="Ana" w:date="2026-03-01T10:00:00Z">${r('Moved sentence.')}</w:${tag}>`;
    const body = p(`${r('First. ')}${moved('moveFrom', 1)}`) + p(`${r('Second. ')}${moved('moveTo', 2)}`);
    expect(read(docx(body))).toEqual([
      { kind: 'paragraph', text: 'First.' },
      { kind: 'paragraph', text: 'Second. Moved sentence.' },
    ]);
  });
});

describe('DOCX tables', () => {
  it('reads a row as cells separated by one tab, a cell’s paragraphs joined by a space', () => {
    const cell = (...paras: string[]) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paras.map((t) => p(r(t))).join('')}</w:tc>`;
    const row =
      `<w:tr><w:trPr><w:trHeight w:val="300"/></w:trPr>${cell('Q1')}<w:bookmarkStart w:id="0" w:name="answer"/>` +
      `${cell('Yes,', 'with a caveat')}<w:bookmarkEnd w:id="0"/><w:tc>${p('<w:r><w:t>line</w:t><w:br/><w:t xml:space="preserve"> break</w:t></w:r>')}</w:tc></w:tr>`;
    expect(read(docx(`<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>${row}</w:tbl>`))).toEqual([
      { kind: 'paragraph', text: 'Q1\tYes, with a caveat\tline break' },
    ]);
  });
});

describe('DOCX headings', () => {
  it('finds headings in a localised document by style name (German "Überschrift 1" is "heading 1")', () => {
    const st = styles(style('berschrift1', 'heading 1') + style('berschrift2', 'Heading 2') + style('Titel', 'Title') + style('Standard', 'Normal'));
    const body = p(r('Bericht'), 'Titel') + p(r('Einleitung'), 'berschrift1') + p(r('Details'), 'berschrift2') + p(r('Text'), 'Standard');
    expect(read(docx(body, { 'word/styles.xml': st }))).toEqual([
      { kind: 'heading', text: 'Bericht', level: 1 },
      { kind: 'heading', text: 'Einleitung', level: 1 },
      { kind: 'heading', text: 'Details', level: 2 },
      { kind: 'paragraph', text: 'Text' },
    ]);
  });

  it('takes a custom style’s level from its outline level, and ignores character styles and levels past 9', () => {
    const st = styles(
      style('Chapter', 'Chapter', '<w:outlineLvl w:val="0"/>') +
        style('Sub', 'My sub', '<w:outlineLvl w:val="2"/>') +
        style('Body', 'Body Text', '<w:outlineLvl w:val="9"/>') +
        style('Nine', 'heading 9') +
        style('Strong', 'heading 4', '', 'character'),
    );
    const body = p(r('One'), 'Chapter') + p(r('Deep'), 'Sub') + p(r('Plain'), 'Body') + p(r('Ninth'), 'Nine') + p(r('Char'), 'Strong');
    expect(read(docx(body, { 'word/styles.xml': st }))).toEqual([
      { kind: 'heading', text: 'One', level: 1 },
      { kind: 'heading', text: 'Deep', level: 3 },
      { kind: 'paragraph', text: 'Plain' },
      { kind: 'heading', text: 'Ninth', level: 9 },
      { kind: 'paragraph', text: 'Char' },
    ]);
  });

  it('falls back to Word’s built-in style ids when styles.xml is missing, and to a direct outline level', () => {
    const body =
      p(r('Doc title'), 'Title') +
      p(r('Section'), 'Heading2') +
      p(r('Not a heading'), 'Heading10') +
      p(r('Quote'), 'Quote') +
      `<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr>${r('Outlined')}</w:p>` +
      `<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr>${r('Body level')}</w:p>`;
    expect(read(docx(body))).toEqual([
      { kind: 'heading', text: 'Doc title', level: 1 },
      { kind: 'heading', text: 'Section', level: 2 },
      { kind: 'paragraph', text: 'Not a heading' },
      { kind: 'paragraph', text: 'Quote' },
      { kind: 'heading', text: 'Outlined', level: 4 },
      { kind: 'paragraph', text: 'Body level' },
    ]);
  });

  it('takes the level from styles.xml before the built-in id ("Heading1" named "heading 3" is level 3)', () => {
    const st = styles(style('Heading1', 'heading 3'));
    expect(read(docx(p(r('Renamed'), 'Heading1'), { 'word/styles.xml': st }))).toEqual([{ kind: 'heading', text: 'Renamed', level: 3 }]);
  });
});

describe('DOCX package structure and errors', () => {
  const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
  /** Word writes Target after Type; other tools write it first. */
  const rels = (target: string, targetFirst = false) =>
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    (targetFirst ? `<Relationship Target="${target}" Id="rId1" Type="${TYPE}"/>` : `<Relationship Id="rId1" Type="${TYPE}" Target="${target}"/>`) +
    `</Relationships>`;

  it('reads the main part the package names, with or without a leading slash, whatever the attribute order', () => {
    expect(read(docx(p(r('From main.xml')), { '_rels/.rels': rels('word/main.xml') }, 'word/main.xml'))).toEqual([{ kind: 'paragraph', text: 'From main.xml' }]);
    expect(read(docx(p(r('Slashed')), { '_rels/.rels': rels('/word/document2.xml', true) }, 'word/document2.xml'))).toEqual([{ kind: 'paragraph', text: 'Slashed' }]);
  });

  it('names the missing main part in its error', () => {
    const bytes = zipSync({ '_rels/.rels': strToU8(rels('word/main.xml')), 'word/document.xml': strToU8('<w:document/>') });
    expect(() => parseDocx(bytes, 'C:\\Users\\ana\\report.docx')).toThrow(/^report\.docx is not a valid DOCX file \(word\/main\.xml is missing\)$/);
  });

  it('refuses a DTD in styles.xml, and says when the document has no body', () => {
    const dtd = docx(p(r('x')), { 'word/styles.xml': '<!DOCTYPE w:styles SYSTEM "http://attacker.example/x.dtd"><w:styles/>' });
    expect(() => parseDocx(dtd, 'evil.docx')).toThrow('evil.docx is not a valid DOCX file (it declares a DTD, which Word never writes)');
    const bodiless = zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}></w:document>`) });
    expect(() => parseDocx(bodiless, 'empty.docx')).toThrow(/^empty\.docx is not a valid DOCX file \(word\/document\.xml has no document body\)$/);
  });

  it('refuses XML it cannot read with an import error naming the file', () => {
    const deep = `<w:document ${W}><w:body>${'<w:sdt>'.repeat(1200)}${'</w:sdt>'.repeat(1200)}</w:body></w:document>`;
    const bytes = zipSync({ 'word/document.xml': strToU8(deep) });
    expect(() => parseDocx(bytes, 'deep.docx')).toThrow(/^deep\.docx is not a valid DOCX file \(its XML cannot be read: .+\)$/);
  });
});
