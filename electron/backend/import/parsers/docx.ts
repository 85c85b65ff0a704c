import type { Block } from './blocks.ts';
import { pushBlock } from './blocks.ts';
import { ImportError, reasonOf } from './errors.ts';
import type { XmlNode } from './xml.ts';
import { attrOf, childrenOf, findFirst, hasDoctype, parseXml, tagOf, textOf } from './xml.ts';
import { readZip, utf8 } from './zip.ts';

export type ParsedBlocks = { blocks: Block[] };

const DEFAULT_MAIN = 'word/document.xml';
/** Inside a paragraph: markup whose text is not part of the reading text. */
const SKIP = new Set(['w:pPr', 'w:rPr', 'w:delText', 'w:instrText', 'w:del', 'w:moveFrom', 'mc:Fallback', 'w:fldData']);

/** Heading level of a style from its name ("heading 2", "Title") or outline level. */
function headingLevels(stylesXml: string | null): Map<string, number> {
  const levels = new Map<string, number>();
  if (!stylesXml) return levels;
  const styles = childrenOf(findFirst(parseXml(stylesXml), 'w:styles') ?? {});
  for (const style of styles) {
    if (tagOf(style) !== 'w:style' || attrOf(style, 'w:type') !== 'paragraph') continue;
    const id = attrOf(style, 'w:styleId');
    const name = attrOf(findFirst(childrenOf(style), 'w:name') ?? {}, 'w:val')?.toLowerCase() ?? '';
    const outline = attrOf(findFirst(childrenOf(style), 'w:outlineLvl') ?? {}, 'w:val');
    const level = name === 'title' ? 1 : /^heading ([1-9])$/.exec(name)?.[1] ?? (outline !== undefined ? Number(outline) + 1 : null);
    if (id && level !== null && Number(level) >= 1 && Number(level) <= 9) levels.set(id, Number(level));
  }
  return levels;
}

/** Level from the paragraph's style, falling back to the built-in style ids Word writes. */
function paragraphLevel(p: XmlNode, levels: Map<string, number>): number | null {
  const props = childrenOf(p).find((n) => tagOf(n) === 'w:pPr');
  if (!props) return null;
  const styleId = attrOf(findFirst(childrenOf(props), 'w:pStyle') ?? {}, 'w:val');
  if (styleId !== undefined) {
    const known = levels.get(styleId);
    if (known !== undefined) return known;
    if (styleId === 'Title') return 1;
    const builtIn = /^Heading([1-9])$/.exec(styleId);
    if (builtIn) return Number(builtIn[1]);
  }
  const outline = attrOf(findFirst(childrenOf(props), 'w:outlineLvl') ?? {}, 'w:val');
  return outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : null;
}

/** Reading text of a paragraph; paragraphs of text boxes inside it go to `nested`. */
function runText(nodes: XmlNode[], nested: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const plain = textOf(node);
    const tag = tagOf(node);
    if (plain !== null || tag === null || SKIP.has(tag)) continue;
    if (tag === 'w:t') text += childrenOf(node).map((n) => textOf(n) ?? '').join('');
    else if (tag === 'w:tab' || tag === 'w:ptab') text += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
    else if (tag === 'w:noBreakHyphen') text += '-';
    else if (tag === 'w:txbxContent') nested.push(...childrenOf(node));
    else text += runText(childrenOf(node), nested);
  }
  return text;
}

function walkBody(nodes: XmlNode[], levels: Map<string, number>, blocks: Block[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p') {
      const nested: XmlNode[] = [];
      const level = paragraphLevel(node, levels);
      pushBlock(blocks, level === null ? 'paragraph' : 'heading', runText(childrenOf(node), nested), level ?? undefined);
      walkBody(nested, levels, blocks);
    } else if (tag === 'w:tr') {
      // A table row reads as one paragraph, cells separated by tabs.
      const cells = childrenOf(node).filter((n) => tagOf(n) === 'w:tc');
      pushBlock(blocks, 'paragraph', cells.map(cellText).join('\t'));
    } else if (tag !== null && tag !== 'w:sectPr') {
      walkBody(childrenOf(node), levels, blocks);
    }
  }
}

function cellText(cell: XmlNode): string {
  const inner: Block[] = [];
  walkBody(childrenOf(cell), new Map(), inner);
  return inner.map((b) => b.text.replace(/\s+/g, ' ')).join(' ');
}

/** The main document part named by the package relationships; usually word/document.xml. */
function mainPart(rels: Uint8Array | undefined): string {
  if (!rels) return DEFAULT_MAIN;
  const match = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(utf8(rels));
  const target = match && /Target="([^"]+)"/.exec(match[0])?.[1];
  return target ? target.replace(/^\//, '') : DEFAULT_MAIN;
}

/** Headings (Title, Heading 1–9) and paragraphs of a Word document, in reading order. */
export function parseDocx(bytes: Uint8Array, fileName: string): ParsedBlocks {
  const invalid = (why: string) => new ImportError(fileName, `is not a valid DOCX file (${why})`);
  const { files } = readZip(bytes, fileName, 'DOCX', (name) => name === '_rels/.rels' || /^word\/[^/]+\.xml$/.test(name));
  const main = mainPart(files.get('_rels/.rels'));
  const documentBytes = files.get(main);
  if (!documentBytes) throw invalid(`${main} is missing`);
  const documentXml = utf8(documentBytes);
  const stylesBytes = files.get('word/styles.xml');
  const stylesXml = stylesBytes ? utf8(stylesBytes) : null;
  if (hasDoctype(documentXml) || (stylesXml !== null && hasDoctype(stylesXml))) {
    throw invalid('it declares a DTD, which Word never writes');
  }
  try {
    const body = findFirst(parseXml(documentXml), 'w:body');
    if (!body) throw invalid(`${main} has no document body`);
    const blocks: Block[] = [];
    walkBody(childrenOf(body), headingLevels(stylesXml), blocks);
    return { blocks };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw invalid(`its XML cannot be read: ${reasonOf(error)}`);
  }
}
