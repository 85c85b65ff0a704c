/** What the export methods take and return besides files (see shared/api/methods/export.ts). */

export type ExcerptFormat = 'csv' | 'xlsx' | 'docx' | 'md' | 'html';
export type CodebookFormat = 'docx' | 'md';

/** How many excerpts a filter matches, and how widely they spread. */
export type ExcerptMatch = { excerpts: number; codes: number; sources: number; participants: number };

export const EXCERPT_FORMAT_LABEL: Record<ExcerptFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  docx: 'Word (DOCX)',
  md: 'Markdown',
  html: 'HTML',
};
