import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TextRun,
  type IBaseParagraphStyleOptions,
  type IParagraphStyleOptions,
} from 'docx';
import { headingLevel, linesOf, safeColor, type Block, type Field, type Pace, type Report } from './report-model.ts';

const INK = '23221F';
const MUTED = '6B675F';
const HEADING = '1F3A5F';
const FONT = 'Calibri';
/** Twentieths of a point: 1 cm ≈ 567. */
const INDENT = 567;
const LABEL_WIDTH = 2268;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Word's built-in heading styles, with outline levels so the navigation pane and a table of contents find them. */
function heading(level: number): IBaseParagraphStyleOptions {
  const sizes = [36, 28, 25, 23, 22, 22];
  // A rule under the top level sets the sections apart.
  const rule = level === 1 ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'BDB8AE', space: 4 } } } : {};
  return {
    run: { font: FONT, size: sizes[level - 1]!, bold: level > 1, color: HEADING },
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { before: level === 1 ? 480 : 280, after: 120 }, ...rule },
  };
}

const STYLES: IParagraphStyleOptions[] = [
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, color: MUTED }, paragraph: { spacing: { after: 480 } } },
  // Keeps each quotation with its citation on one page where it fits.
  { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Citation', quickFormat: true, run: { color: INK }, paragraph: { indent: { left: INDENT, right: INDENT / 2 }, spacing: { before: 160, after: 40 }, keepNext: true, keepLines: true } },
  { id: 'Citation', name: 'Citation', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 19, color: MUTED }, paragraph: { indent: { left: INDENT }, spacing: { after: 200 } } },
  { id: 'Definition', name: 'Definition', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { spacing: { after: 80 }, keepNext: true } },
  { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 19, color: MUTED }, paragraph: { spacing: { after: 120 }, keepNext: true } },
  { id: 'Label', name: 'Label', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 20 }, paragraph: { spacing: { before: 160, after: 40 }, keepNext: true } },
  { id: 'Memo', name: 'Memo', basedOn: 'Normal', next: 'Normal', run: { size: 19 }, paragraph: { indent: { left: INDENT }, spacing: { after: 160 }, shading: { type: 'clear', color: 'auto', fill: 'F3F1EC' } } },
  { id: 'Field', name: 'Field', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: LABEL_WIDTH, hanging: LABEL_WIDTH }, leftTabStop: LABEL_WIDTH, spacing: { after: 60 } } },
];

/** Runs of text with its line breaks kept. */
function runs(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return linesOf(text).map((line, i) => new TextRun({ text: line, ...options, ...(i > 0 ? { break: 1 } : {}) }));
}

const fieldParagraphs = (fields: readonly Field[]): Paragraph[] =>
  fields.map((f) => new Paragraph({ style: 'Field', children: [new TextRun({ text: f.label, bold: true }), new TextRun({ text: '\t' }), ...runs(f.value)] }));

function blockParagraphs(b: Block): Paragraph[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[headingLevel(b.level) - 1]!, children: runs(b.text.replace(/\n/g, ' ')) })];
    case 'paragraph': {
      const style = b.tone === 'definition' ? 'Definition' : b.tone === 'muted' ? 'Note' : b.tone === 'label' ? 'Label' : undefined;
      return [new Paragraph({ ...(style ? { style } : {}), children: runs(b.text) })];
    }
    case 'fields':
      return fieldParagraphs(b.fields);
    case 'quote': {
      const color = safeColor(b.color)?.slice(1) ?? 'BDB8AE';
      const border = { left: { style: BorderStyle.SINGLE, size: 18, color, space: 8 } };
      const paragraphs = b.text.split(/\n\s*\n/).map((p) => new Paragraph({ style: 'Quote', border, children: runs(p) }));
      paragraphs.push(new Paragraph({ style: 'Citation', children: [new TextRun({ text: `— ${b.citation}` })] }));
      for (const memo of b.memos) paragraphs.push(new Paragraph({ style: 'Memo', children: [new TextRun({ text: 'Memo: ', bold: true }), ...runs(memo)] }));
      return paragraphs;
    }
    case 'outline':
      return b.items.map(
        (i) =>
          new Paragraph({
            indent: { left: i.depth * INDENT },
            spacing: { after: 40 },
            children: [new TextRun({ text: i.text, bold: i.depth === 0 }), ...(i.note ? [new TextRun({ text: `  ${i.note}`, color: MUTED, size: 19 })] : [])],
          }),
      );
  }
}

/**
 * The report as a Word document a supervisor can read: a title page (title, project, the
 * fields), then the body with Word's own heading styles (the navigation pane shows the codes),
 * quotations with their citations, and "Page n of m" in the footer of every page but the first.
 * `pace` is called every few hundred blocks: it reports progress and throws to cancel.
 */
export async function renderDocx(report: Report, pace: Pace): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: runs(report.title) }),
    new Paragraph({ style: 'Subtitle', children: runs(report.subtitle) }),
    ...fieldParagraphs(report.fields),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  for (const [i, b] of report.body.entries()) {
    children.push(...blockParagraphs(b));
    if (i % 250 === 249) await pace(i + 1, report.body.length);
  }
  await pace(report.body.length, report.body.length);
  const small = { size: 18, color: MUTED };
  const doc = new Document({
    creator: 'Marginalia',
    title: report.title,
    description: `${report.title} — ${report.subtitle}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, color: INK }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: 52, color: HEADING }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(1),
        heading2: heading(2),
        heading3: heading(3),
        heading4: heading(4),
        heading5: heading(5),
        heading6: heading(6),
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: { titlePage: true, page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${report.title} — ${report.subtitle}`, ...small })] })] }),
        },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
