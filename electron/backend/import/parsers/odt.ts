import type { Block } from './blocks.ts';
import { pushBlock } from './blocks.ts';
import type { ParsedBlocks } from './docx.ts';
import { ImportError, reasonOf } from './errors.ts';
import type { XmlNode } from './xml.ts';
import { attrOf, childrenOf, findFirst, hasDoctype, parseXml, tagOf, textOf } from './xml.ts';
import { readZip, utf8 } from './zip.ts';

/**
 * Not reading text: footnotes, comments and change-tracking records (text deleted with Track
 * Changes on is kept in <text:tracked-changes>, at the top of the body). A cross-reference
 * (<text:bookmark-ref>) is read: it holds the text the document shows.
 */
const SKIP = new Set(['text:note', 'office:annotation', 'office:annotation-end', 'text:tracked-changes']);

/** Reading text of a paragraph; paragraphs inside frames (text boxes) go to `nested`. */
function inlineText(nodes: XmlNode[], nested: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const plain = textOf(node);
    // ODF collapses white space in paragraph content like HTML; <text:s/> writes extra spaces.
    if (plain !== null) text += plain.replace(/[ \t\n]+/g, ' ');
    const tag = tagOf(node);
    if (tag === null || SKIP.has(tag)) continue;
    if (tag === 'text:s') text += ' '.repeat(Math.min(Number(attrOf(node, 'text:c') ?? '1') || 1, 1000));
    else if (tag === 'text:tab') text += '\t';
    else if (tag === 'text:line-break') text += '\n';
    else if (tag === 'draw:text-box') nested.push(...childrenOf(node));
    else text += inlineText(childrenOf(node), nested);
  }
  return text;
}

function walk(nodes: XmlNode[], blocks: Block[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'text:p' || tag === 'text:h') {
      const nested: XmlNode[] = [];
      const text = inlineText(childrenOf(node), nested);
      const level = Number(attrOf(node, 'text:outline-level') ?? '1') || 1;
      pushBlock(blocks, tag === 'text:h' ? 'heading' : 'paragraph', text, tag === 'text:h' ? level : undefined);
      walk(nested, blocks);
    } else if (tag === 'table:table-row') {
      // A table row reads as one paragraph, cells separated by tabs.
      const cells = childrenOf(node).filter((n) => tagOf(n) === 'table:table-cell');
      const texts = cells.map((cell) => {
        const inner: Block[] = [];
        walk(childrenOf(cell), inner);
        return inner.map((b) => b.text.replace(/\s+/g, ' ')).join(' ');
      });
      pushBlock(blocks, 'paragraph', texts.join('\t').replace(/\t+$/, ''));
    } else if (tag !== null && !SKIP.has(tag) && !tag.startsWith('office:forms') && tag !== 'text:sequence-decls') {
      walk(childrenOf(node), blocks);
    }
  }
}

/** Headings and paragraphs of an OpenDocument text file (content.xml), in reading order. */
export function parseOdt(bytes: Uint8Array, fileName: string): ParsedBlocks {
  const invalid = (why: string) => new ImportError(fileName, `is not a valid ODT file (${why})`);
  const { files } = readZip(bytes, fileName, 'ODT', (name) => name === 'content.xml');
  const content = files.get('content.xml');
  if (!content) throw invalid('content.xml is missing');
  const xml = utf8(content);
  if (hasDoctype(xml)) throw invalid('it declares a DTD, which ODF never needs');
  try {
    const body = findFirst(parseXml(xml), 'office:text');
    if (!body) throw invalid('it has no text body');
    const blocks: Block[] = [];
    walk(childrenOf(body), blocks);
    return { blocks };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw invalid(`its XML cannot be read: ${reasonOf(error)}`);
  }
}
