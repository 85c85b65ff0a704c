import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseOdt } from '../../../electron/backend/import/parsers/odt.ts';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** content.xml as LibreOffice Writer saves it, with this inside <office:text>. */
function odt(text: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NS} office:version="1.3"><office:body><office:text><text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>${text}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content) });
}

const read = (bytes: Uint8Array) => parseOdt(bytes, 'notes.odt').blocks;

describe('ODT text as LibreOffice writes it', () => {
  it('reads a line break, a tab and a run of spaces inside a paragraph', () => {
    expect(read(odt('<text:p text:style-name="P1">Name:<text:tab/>Ana<text:line-break/>Role:<text:s/>teacher<text:s text:c="2"/>(retired)</text:p>'))).toEqual([
      { kind: 'paragraph', text: 'Name:\tAna\nRole: teacher  (retired)' },
    ]);
  });

  it('keeps formatted spans and links inside their paragraph', () => {
    expect(read(odt('<text:p>Plain <text:span text:style-name="T1">bold</text:span> and <text:a xlink:href="https://x.org" xmlns:xlink="l">a link</text:a>.</text:p>'))).toEqual([
      { kind: 'paragraph', text: 'Plain bold and a link.' },
    ]);
  });

  it('caps a huge <text:s text:c> at a thousand spaces instead of failing or filling memory', () => {
    const [block] = read(odt('<text:p>a<text:s text:c="1000000000"/>b</text:p>'));
    expect(block).toEqual({ kind: 'paragraph', text: `a${' '.repeat(1000)}b` });
  });

  it('keeps the digits of a paragraph that is only a number', () => {
    expect(read(odt('<text:p>2024</text:p><text:p>0042</text:p>'))).toEqual([
      { kind: 'paragraph', text: '2024' },
      { kind: 'paragraph', text: '0042' },
    ]);
  });

  it('leaves out comments (with their author and date) and footnotes, keeping the text around them', () => {
    const comment = '<office:annotation office:name="c1"><dc:creator>Ana</dc:creator><dc:date>2024-03-01T10:00:00</dc:date><text:p>Check this claim</text:p></office:annotation>';
    const note = '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Source: survey.</text:p></text:note-body></text:note>';
    expect(read(odt(`<text:p>Funding ${comment}fell<office:annotation-end office:name="c1"/> sharply.${note}</text:p>`))).toEqual([
      { kind: 'paragraph', text: 'Funding fell sharply.' },
    ]);
  });

  it('reads a text frame’s paragraphs after the paragraph that anchors it', () => {
    const frame = '<draw:frame draw:name="Frame1" text:anchor-type="paragraph"><draw:text-box><text:p>Sidebar text</text:p></draw:text-box></draw:frame>';
    expect(read(odt(`<text:p>${frame}Main text.</text:p><text:p>After.</text:p>`))).toEqual([
      { kind: 'paragraph', text: 'Main text.' },
      { kind: 'paragraph', text: 'Sidebar text' },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('reads list items, sections and headings without an outline level (level 1)', () => {
    const list = '<text:list text:style-name="L1"><text:list-item><text:p>First</text:p></text:list-item><text:list-item><text:p>Second</text:p></text:list-item></text:list>';
    expect(read(odt(`<text:h>Plain heading</text:h><text:section text:name="S1">${list}</text:section><text:h text:outline-level="3">Third</text:h>`))).toEqual([
      { kind: 'heading', text: 'Plain heading', level: 1 },
      { kind: 'paragraph', text: 'First' },
      { kind: 'paragraph', text: 'Second' },
      { kind: 'heading', text: 'Third', level: 3 },
    ]);
  });

  it('leaves out text deleted with Track Changes on (LibreOffice keeps it at the top of the body)', () => {
    const tracked =
      '<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>Ana</dc:creator><dc:date>2026-03-01T10:00:00</dc:date></office:change-info>' +
      '<text:p>Removed sentence.</text:p></text:deletion></text:changed-region></text:tracked-changes>';
    expect(read(odt(`${tracked}<text:p>Kept <text:change text:change-id="ct1"/>text.</text:p>`))).toEqual([{ kind: 'paragraph', text: 'Kept text.' }]);
  });

  it('keeps the text a cross-reference shows', () => {
    expect(read(odt('<text:p>See <text:bookmark-ref text:reference-format="text" text:ref-name="intro">Introduction</text:bookmark-ref> above.</text:p>'))).toEqual([
      { kind: 'paragraph', text: 'See Introduction above.' },
    ]);
  });
});

describe('ODT tables', () => {
  it('reads each row as cells separated by one tab, skipping the covered cells of a merged cell', () => {
    const cell = (t: string, extra = '') => `<table:table-cell office:value-type="string"${extra}><text:p>${t}</text:p></table:table-cell>`;
    const table =
      '<table:table table:name="T1"><table:table-column table:number-columns-repeated="3"/>' +
      `<table:table-header-rows><table:table-row>${cell('Item')}${cell('Answer')}${cell('Note')}</table:table-row></table:table-header-rows>` +
      `<table:table-row>${cell('Q1', ' table:number-columns-spanned="2"')}<table:covered-table-cell/>${cell('n/a')}</table:table-row>` +
      `<table:table-row><table:table-cell><text:p>two</text:p><text:p>lines<text:line-break/><text:s/>and  more</text:p></table:table-cell>${cell('x')}<table:table-cell/></table:table-row></table:table>`;
    expect(read(odt(table))).toEqual([
      { kind: 'paragraph', text: 'Item\tAnswer\tNote' },
      { kind: 'paragraph', text: 'Q1\tn/a' },
      { kind: 'paragraph', text: 'two lines and more\tx' },
    ]);
  });
});

describe('ODT errors', () => {
  it('says content.xml is missing from a ZIP without it', () => {
    const bytes = zipSync({ 'styles.xml': strToU8('<office:document-styles/>') });
    expect(() => parseOdt(bytes, 'notes.odt')).toThrow(/^notes\.odt is not a valid ODT file \(content\.xml is missing\)$/);
  });

  it('refuses a DTD (an external entity is never fetched)', () => {
    const content = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><office:document-content><office:body><office:text><text:p>&e;</text:p></office:text></office:body></office:document-content>';
    expect(() => parseOdt(zipSync({ 'content.xml': strToU8(content) }), 'evil.odt')).toThrow(/^evil\.odt is not a valid ODT file \(it declares a DTD, which ODF never needs\)$/);
  });

  it('says a spreadsheet saved as .odt has no text body', () => {
    const content = `<office:document-content ${NS}><office:body><office:spreadsheet><table:table/></office:spreadsheet></office:body></office:document-content>`;
    expect(() => parseOdt(zipSync({ 'content.xml': strToU8(content) }), 'sheet.odt')).toThrow(/^sheet\.odt is not a valid ODT file \(it has no text body\)$/);
  });

  it('refuses XML it cannot read with an import error naming the file', () => {
    const deep = `<office:document-content ${NS}><office:body><office:text>${'<text:section>'.repeat(1200)}${'</text:section>'.repeat(1200)}</office:text></office:body></office:document-content>`;
    expect(() => parseOdt(zipSync({ 'content.xml': strToU8(deep) }), 'deep.odt')).toThrow(/^deep\.odt is not a valid ODT file \(its XML cannot be read: .+\)$/);
  });
});
