/**
 * The texts detection reads. Each field is one column of one row ("source:3:text"); a memo's
 * body is HTML, which detection reads with its tags blanked out (as line breaks, so no name
 * is found across a tag and positions stay those of the HTML).
 */
import { escapeHtml } from '../html-text.ts';

export type Field = {
  /** Which column of which row: `<table>:<id>:<column>`. */
  ref: string;
  text: string;
  html: boolean;
  /** Where it is, for the researcher: "Interview with PA", "Memo “Why this category”". */
  where: string;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Accented Latin letters by name (`aacute`, `ntilde`, `Uuml`…): the letter with its combining mark. */
const MARK_OF: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', uml: '\u0308', cedil: '\u0327', ring: '\u030a' };
const ACCENTED = /^([a-z])(acute|grave|circ|tilde|uml|cedil|ring)$/i;

const decodeEntity = (m: string, e: string): string => {
  const accented = ACCENTED.exec(e);
  if (accented) return (accented[1]! + MARK_OF[accented[2]!.toLowerCase()]!).normalize('NFC');
  if (e[0] === '#') {
    const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : m;
  }
  return ENTITIES[e.toLowerCase()] ?? m;
};

/**
 * A memo body with its text written out: character references decoded and escaped again
 * only where HTML needs it (& < > "), so a name written `Tom&aacute;s` is found as `Tomás`.
 * Tags are kept as they are.
 */
export function normalizeHtmlText(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeHtml(part.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity))))
    .join('');
}

/** The text detection reads for a field: an HTML body with each tag blanked to line breaks, entities to spaces after their first character. */
export function detectionText(field: Pick<Field, 'text' | 'html'>): string {
  if (!field.html) return field.text;
  return field.text
    .replace(/<[^>]*>/g, (tag) => '\n'.repeat(tag.length))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      const ch = decodeEntity(m, e);
      return ch.length === 1 ? ch + ' '.repeat(m.length - 1) : ' '.repeat(m.length);
    });
}
