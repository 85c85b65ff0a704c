/**
 * A report as a list of blocks, independent of its file format: the excerpt and codebook
 * reports build one, and the DOCX, Markdown and HTML writers each render any report, so the
 * three formats always carry the same structure.
 */

/** A label and its value, as on a title page or in a code's description. */
export type Field = { label: string; value: string };

export type Block =
  /** A heading; level 1 is the top of the body (the title is not a heading). */
  | { kind: 'heading'; level: number; text: string; color?: string | undefined }
  | { kind: 'paragraph'; text: string; tone?: 'definition' | 'muted' | 'label' | undefined }
  | { kind: 'fields'; fields: Field[] }
  /** A coded excerpt: the quoted text, where it comes from, and its memos when asked for. */
  | { kind: 'quote'; text: string; citation: string; memos: string[]; color?: string | undefined }
  /** An indented outline (the codebook tree); depth 0 is the outermost level. */
  | { kind: 'outline'; items: { text: string; note: string; depth: number }[] };

export type Report = {
  /** The document's title, also its file name. */
  title: string;
  /** One line under the title (the project). */
  subtitle: string;
  /** The title page: what, from where, when and with which filters. */
  fields: Field[];
  body: Block[];
};

/** Reports progress while a long report is rendered, and stops it when cancelled (by throwing). */
export type Pace = (done: number, total: number) => Promise<void>;

/** Six heading levels in every format (Markdown and HTML have no more). */
export const headingLevel = (level: number): 1 | 2 | 3 | 4 | 5 | 6 => Math.min(6, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4 | 5 | 6;

/** A code colour safe to put in a style: #RRGGBB, or none. */
export const safeColor = (color: string | undefined): string | undefined => (color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : undefined);

/** Splits quoted text into its lines (the report keeps the line breaks of the source). */
export const linesOf = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** "3 excerpts", "1 participant", with thousands separated. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
