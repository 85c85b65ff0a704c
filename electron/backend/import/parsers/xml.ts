import { XMLParser } from 'fast-xml-parser';

/**
 * A node of fast-xml-parser's order-preserving output: `{ [tag]: children, ':@': attributes }`
 * for elements, `{ '#text': value }` for text.
 */
export type XmlNode = Record<string, unknown>;

/**
 * Entities are decoded by decodeXmlText below, never by the parser: document formats have no
 * business declaring a DTD, so no DTD entity is ever expanded (no billion-laughs, no external
 * entities). Callers reject any part that contains a DOCTYPE.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: 1000,
});

export const hasDoctype = (xml: string): boolean => /<!DOCTYPE/i.test(xml);

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and numeric character references. A reference to
 * half a surrogate pair names no character (XML forbids it): it becomes U+FFFD, as undecodable
 * bytes do, never half a character that SQLite would store as bytes that are not UTF-8.
 */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[ref] ?? whole;
  });
}

export function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const children = tag === null ? undefined : node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'];
  if (!attrs || typeof attrs !== 'object') return undefined;
  const value = (attrs as Record<string, unknown>)[name];
  return typeof value === 'string' ? decodeXmlText(value) : undefined;
}

/** The decoded text of a text node, or null for an element. */
export function textOf(node: XmlNode): string | null {
  const value = node['#text'];
  return typeof value === 'string' ? decodeXmlText(value) : null;
}

/** Depth-first search for the first element with this tag. */
export function findFirst(nodes: XmlNode[], tag: string): XmlNode | null {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return null;
}
