import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../import/parsers/errors.ts';
import { decodeXmlText } from '../import/parsers/xml.ts';

/**
 * Reading REFI-QDA XML (.qde, .qdc) safely and tolerantly.
 *
 * Safety: a DOCTYPE is refused before parsing (REFI-QDA files never declare one, and a DTD is
 * how external entities and billion-laughs payloads arrive); the parser itself is told to
 * expand no entity either, so a DOCTYPE that slipped past the check still expands nothing and
 * reads no file. The five predefined entities and character references are decoded here.
 *
 * Tolerance: elements are matched on their local name, whatever their prefix; the root's
 * namespace may be any `urn:QDA-XML:<kind>:` version (1.0, 1:0, 0:4, 0:10 are all seen) or
 * none. A leading BOM is skipped.
 */

export type XmlElement = {
  /** Local name: `qda:Code` and `Code` are both `Code`. */
  name: string;
  /** Attributes by local name, values decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), decoded; CDATA kept as written. */
  text: string;
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  maxNestedTags: 500,
});

type Node = Record<string, unknown>;

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** True when the prolog (everything before the root element) declares a DTD. */
export function declaresDoctype(xml: string): boolean {
  // Skip what may precede a DOCTYPE: white space, the declaration, processing instructions, comments.
  const prolog = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/y;
  let at = 0;
  for (;;) {
    prolog.lastIndex = at;
    if (!prolog.exec(xml)) break;
    at = prolog.lastIndex;
  }
  return /^<!DOCTYPE/i.test(xml.slice(at, at + 9));
}

function toElement(node: Node): XmlElement | null {
  const tag = Object.keys(node).find((k) => k !== ':@');
  if (tag === undefined || tag === '#text' || tag === '#cdata') return null;
  const attrs: Record<string, string> = {};
  const rawAttrs = node[':@'];
  if (rawAttrs && typeof rawAttrs === 'object') {
    for (const [key, value] of Object.entries(rawAttrs as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      // Namespace declarations keep their prefix so the root's namespace can be found.
      attrs[key.startsWith('xmlns') ? key : localName(key)] = decodeXmlText(value);
    }
  }
  const children: XmlElement[] = [];
  let text = '';
  const content = node[tag];
  if (Array.isArray(content)) {
    for (const child of content as Node[]) {
      if (typeof child['#text'] === 'string') text += decodeXmlText(child['#text']);
      else if (Array.isArray(child['#cdata'])) {
        for (const part of child['#cdata'] as Node[]) if (typeof part['#text'] === 'string') text += part['#text'];
      } else {
        const element = toElement(child);
        if (element) children.push(element);
      }
    }
  }
  return { name: localName(tag), attrs, children, text };
}

/**
 * Parses well-formed XML into elements. Expands no entity beyond the predefined five and
 * character references, whatever a DOCTYPE declares (callers refuse DOCTYPEs before this).
 */
export function parseXmlTree(xml: string, fileName: string): { root: XmlElement; rawRoot: string } {
  let nodes: Node[];
  try {
    nodes = parser.parse(xml) as Node[];
  } catch (error) {
    throw new ImportError(fileName, `is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
  const rootNode = nodes.find((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text' && k !== '#cdata'));
  const root = rootNode ? toElement(rootNode) : null;
  if (!rootNode || !root) throw new ImportError(fileName, 'has no root element');
  return { root, rawRoot: Object.keys(rootNode).find((k) => k !== ':@')! };
}

/** The namespace the root element is in, or null when it has none. */
function rootNamespace(rawRoot: string, attrs: Record<string, string>): string | null {
  const colon = rawRoot.indexOf(':');
  const key = colon < 0 ? 'xmlns' : `xmlns:${rawRoot.slice(0, colon)}`;
  return attrs[key] ?? null;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses one REFI-QDA XML file and checks its root: `expectedRoot` ('Project' or 'CodeBook')
 * in a `urn:QDA-XML:<kind>:` namespace or none. Errors name the file and, for malformed XML,
 * the line and column.
 */
export function parseRefiXml(bytes: Uint8Array, fileName: string, expectedRoot: 'Project' | 'CodeBook'): XmlElement {
  const kind = expectedRoot === 'Project' ? 'project' : 'codebook';
  let xml: string;
  try {
    xml = utf8Strict.decode(bytes);
  } catch {
    throw new ImportError(fileName, 'is not UTF-8 text, as REFI-QDA XML must be');
  }
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  if (declaresDoctype(xml)) {
    throw new ImportError(fileName, 'was refused: it declares a DOCTYPE, which REFI-QDA files never do (a DOCTYPE can make a reader fetch files or expand entities without end)');
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw new ImportError(fileName, `is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`);
  }
  const { root, rawRoot } = parseXmlTree(xml, fileName);
  if (root.name !== expectedRoot) {
    throw new ImportError(fileName, `is not a REFI-QDA ${kind} file: its root element is <${root.name}>, not <${expectedRoot}>`);
  }
  const namespace = rootNamespace(rawRoot, root.attrs);
  if (namespace !== null && !namespace.startsWith(`urn:QDA-XML:${kind}:`)) {
    throw new ImportError(fileName, `is not a REFI-QDA ${kind} file: its namespace is ${namespace}, not urn:QDA-XML:${kind}:1.0`);
  }
  return root;
}

/** Children with this local name. */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

/** The first child with this local name. */
export const childNamed = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((c) => c.name === name);

/** Children of the container child `container` named `item` (`<Codes><Code/>…</Codes>`). */
export const itemsOf = (element: XmlElement, container: string, item: string): XmlElement[] =>
  childrenNamed(element, container).flatMap((c) => childrenNamed(c, item));
