import { XMLParser } from 'fast-xml-parser';

/** One paragraph of a Word document as a reader sees it: its style and its text. */
export type DocxParagraph = { style: string; text: string };

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });

const nameOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Node): Node[] => (node[nameOf(node)] as Node[] | undefined) ?? [];

function* all(nodes: readonly Node[], name: string): Generator<Node> {
  for (const n of nodes) {
    if (nameOf(n) === name) yield n;
    else if (Array.isArray(n[nameOf(n)])) yield* all(childrenOf(n), name);
  }
}

function textOf(nodes: readonly Node[]): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'w:br') out += '\n';
    else if (name === 'w:tab') out += '\t';
    else if (name !== 'w:pPr' && name !== 'w:instrText' && Array.isArray(n[name])) out += textOf(childrenOf(n));
  }
  return out;
}

/** The paragraphs of word/document.xml (or a header or footer part), in order. */
export function paragraphs(xml: string): DocxParagraph[] {
  const tree = parser.parse(xml) as Node[];
  return [...all(tree, 'w:p')].map((p) => {
    const style = [...all(childrenOf(p), 'w:pStyle')][0]?.[':@']?.['w:val'] ?? 'Normal';
    return { style, text: textOf(childrenOf(p)) };
  });
}

/** The field codes (PAGE, NUMPAGES, …) a part holds. */
export function fieldCodes(xml: string): string[] {
  const tree = parser.parse(xml) as Node[];
  const simple = [...all(tree, 'w:fldSimple')].map((f) => f[':@']?.['w:instr'] ?? '');
  const complex = [...all(tree, 'w:instrText')].map((n) => textOf(childrenOf(n)));
  return [...simple, ...complex].map((c) => c.trim().split(/\s+/)[0]!);
}
