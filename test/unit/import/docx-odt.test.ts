import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/backend/import/parsers/document.ts';
import { parseDocx } from '../../../electron/backend/import/parsers/docx.ts';
import { parseOdt } from '../../../electron/backend/import/parsers/odt.ts';
import { makeDocx, makeOdt, truncated } from '../../helpers/files.ts';

describe('parseDocx', () => {
  it('reads headings (Title, Heading 1–3), paragraphs, runs and table rows in order', async () => {
    const bytes = await makeDocx([
      { heading: 'title', text: 'Case study: micro-credentials' },
      { heading: 1, text: 'Why' },
      'Institutions value the flexibility & portability.',
      { runs: ['Bold ', 'and', ' plain <runs> join.'] },
      { heading: 3, text: 'Detail' },
      { table: [['Item', 'Answer'], ['Q1', 'Yes 😀']] },
      '',
      'Last paragraph.',
    ]);
    const { blocks } = parseDocx(bytes, 'report.docx');
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Case study: micro-credentials', level: 1 },
      { kind: 'heading', text: 'Why', level: 1 },
      { kind: 'paragraph', text: 'Institutions value the flexibility & portability.' },
      { kind: 'paragraph', text: 'Bold and plain <runs> join.' },
      { kind: 'heading', text: 'Detail', level: 3 },
      { kind: 'paragraph', text: 'Item\tAnswer' },
      { kind: 'paragraph', text: 'Q1\tYes 😀' },
      { kind: 'paragraph', text: 'Last paragraph.' },
    ]);
    const doc = buildDocument({ blocks });
    expect(doc.text.slice(doc.units[2]!.start, doc.units[2]!.end)).toBe('Institutions value the flexibility & portability.');
  });

  it('reads tabs, line breaks and numeric character references inside runs', () => {
    const xml =
      '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve">a </w:t><w:tab/><w:t>b&#233;</w:t><w:br/><w:t>c&amp;d</w:t></w:r>' +
      '<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p></w:body></w:document>';
    const bytes = zipSync({ 'word/document.xml': strToU8(xml) });
    expect(parseDocx(bytes, 'x.docx').blocks).toEqual([{ kind: 'paragraph', text: 'a \tbé\nc&d' }]);
  });

  it('refuses a truncated file, a ZIP without word/document.xml, and a DTD', async () => {
    const bytes = await makeDocx(['Hello']);
    expect(() => parseDocx(truncated(bytes), 'half.docx')).toThrow(/^half\.docx is not a valid DOCX file: the archive is damaged \(no central directory; was the file cut short\?\)$/);
    const other = zipSync({ 'readme.txt': strToU8('hi') });
    expect(() => parseDocx(other, 'other.docx')).toThrow('other.docx is not a valid DOCX file (word/document.xml is missing)');
    const dtd = zipSync({ 'word/document.xml': strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body/></w:document>') });
    expect(() => parseDocx(dtd, 'evil.docx')).toThrow('evil.docx is not a valid DOCX file (it declares a DTD');
    expect(() => parseDocx(strToU8('not a zip'), 'plain.docx')).toThrow('plain.docx is not a valid DOCX file (it is not a ZIP archive)');
  });
});

describe('parseOdt', () => {
  it('reads headings with their outline level and paragraphs', () => {
    const bytes = makeOdt([{ heading: 2, text: 'When' }, 'At accreditation & after.', 'Second.']);
    expect(parseOdt(bytes, 'notes.odt').blocks).toEqual([
      { kind: 'heading', text: 'When', level: 2 },
      { kind: 'paragraph', text: 'At accreditation & after.' },
      { kind: 'paragraph', text: 'Second.' },
    ]);
  });

  it('expands <text:s text:c> spaces and collapses layout white space, and refuses a damaged file', () => {
    const xml =
      '<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>\n  <text:p>a<text:s text:c="3"/>b\n   c<text:tab/>d<text:note><text:note-body><text:p>foot</text:p></text:note-body></text:note></text:p>\n</office:text></office:body></office:document-content>';
    expect(parseOdt(zipSync({ 'content.xml': strToU8(xml) }), 'x.odt').blocks).toEqual([{ kind: 'paragraph', text: 'a   b c\td' }]);
    expect(() => parseOdt(truncated(makeOdt(['Hello'.repeat(200)])), 'half.odt')).toThrow(/^half\.odt is not a valid ODT file/);
  });
});
