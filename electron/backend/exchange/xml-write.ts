/**
 * A small XML writer for the files we export. Elements are written in the order they are
 * called (the schemas' xsd:sequence order is the caller's business); attributes whose value
 * is null or undefined are left out, so optional attributes need no branches.
 */

export type XmlAttrs = Record<string, string | number | boolean | null | undefined>;

/**
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab, LF, CR; lone
 * surrogates; U+FFFE/U+FFFF). A memo pasted from elsewhere can contain them.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const stripNonXml = (text: string): string => text.replace(NOT_XML, '');

export const escapeText = (text: string): string =>
  stripNonXml(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));

/** Attribute values also escape quotes, and keep line breaks and tabs as written (XML would turn them into spaces). */
export const escapeAttr = (text: string): string =>
  stripNonXml(text).replace(/[&<>"\n\r\t]/g, (c) => `&${{ '&': 'amp;', '<': 'lt;', '>': 'gt;', '"': 'quot;', '\n': '#10;', '\r': '#13;', '\t': '#9;' }[c]!}`);

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private depth = 0;

  private attrs(attrs: XmlAttrs): string {
    let out = '';
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue;
      out += ` ${name}="${escapeAttr(String(value))}"`;
    }
    return out;
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }

  /** An element with children written by `body` (self-closing when it writes none). */
  element(name: string, attrs: XmlAttrs, body?: () => void): void {
    if (!body) {
      this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}/>\n`);
      return;
    }
    const at = this.parts.length;
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}>\n`);
    this.depth++;
    body();
    this.depth--;
    if (this.parts.length === at + 1) this.parts[at] = this.parts[at]!.replace(/>\n$/, '/>\n');
    else this.parts.push(`${this.indent()}</${name}>\n`);
  }

  /** A container such as `<Codes>`, written only when it gets at least one child (the schemas refuse empty ones). */
  container(name: string, body: () => void): void {
    const at = this.parts.length;
    this.element(name, {}, body);
    if (this.parts.length === at + 1) this.parts.pop();
  }

  /** An element holding text only; left out when the text is empty unless `keepEmpty`. */
  textElement(name: string, text: string, keepEmpty = false): void {
    if (text === '' && !keepEmpty) return;
    this.parts.push(`${this.indent()}<${name}>${escapeText(text)}</${name}>\n`);
  }

  toString(): string {
    return this.parts.join('');
  }
}
