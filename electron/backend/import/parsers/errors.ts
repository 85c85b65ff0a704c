/** Where in a file an import problem sits. Rows and lines are 1-based; pages are 1-based. */
export type ImportWhere = { line?: number; row?: number; page?: number; column?: string };

/** The last path segment, so messages name the file the user picked, not a temp path. */
export function displayName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/**
 * A problem the user can fix in their file. The message always starts with the file name:
 * with a position it reads "interview.csv, row 7: <message>" (or "row 7, column "Q1": …");
 * without one the message is a
 * predicate that completes the sentence, "interview.txt <does not look like a text file>".
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly file: string;
  readonly detail: string;
  readonly where: ImportWhere | undefined;

  constructor(file: string, message: string, where?: ImportWhere) {
    const name = displayName(file);
    const at = where ? locate(where) : '';
    super(at ? `${name}, ${at}: ${message}` : `${name} ${message}`);
    this.file = name;
    this.detail = message;
    this.where = where;
  }
}

function locate(where: ImportWhere): string {
  const parts: string[] = [];
  if (where.page !== undefined) parts.push(`page ${where.page}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  return parts.join(', ');
}

/** The message of an unknown thrown value, for wrapping library errors. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().replace(/\.$/, '') || 'unknown error';
}

/** A time limit as a message says it: "120 seconds", "5 ms". */
export const describeDuration = (ms: number): string => {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
};
