/**
 * Tagged-template SQL: values become bound parameters, never text. Fragments built with
 * `sql` can be nested; `sqlJoin` glues a list of fragments.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlFragment = { readonly text: string; readonly values: readonly SqlValue[]; readonly __sql: true };

const isFragment = (x: unknown): x is SqlFragment =>
  typeof x === 'object' && x !== null && (x as { __sql?: unknown }).__sql === true;

/**
 * The text of each call site whose parts are all values: it depends only on the template, so
 * it is built once, and the statement cache then looks up the same string (whose hash the
 * engine keeps) instead of a new copy on every call. A bulk insert of codings spent a tenth of
 * its time building and hashing the same INSERT text.
 */
const plainTexts = new WeakMap<TemplateStringsArray, string>();

export function sql(strings: TemplateStringsArray, ...parts: (SqlValue | boolean | SqlFragment)[]): SqlFragment {
  if (!parts.some(isFragment)) {
    let text = plainTexts.get(strings);
    if (text === undefined) {
      text = strings.join('?');
      plainTexts.set(strings, text);
    }
    return { text, values: parts.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : (p as SqlValue))), __sql: true };
  }
  let text = strings[0] ?? '';
  const values: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (isFragment(part)) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(typeof part === 'boolean' ? (part ? 1 : 0) : part);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values, __sql: true };
}

export function sqlJoin(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  return {
    text: fragments.map((f) => f.text).join(separator),
    values: fragments.flatMap((f) => f.values),
    __sql: true,
  };
}

/**
 * SQL text built by code with its `?` placeholders, and the values bound to them in order: for
 * statements whose shape is made once and reused (a bulk insert's rows), where building each
 * call from template fragments costs more than the insert.
 */
const placeholderCounts = new Map<string, number>();
export function sqlText(text: string, values: readonly SqlValue[]): SqlFragment {
  let marks = placeholderCounts.get(text);
  if (marks === undefined) {
    marks = 0;
    for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) marks++;
    placeholderCounts.set(text, marks);
  }
  if (marks !== values.length) throw new Error(`sqlText: ${marks} placeholders but ${values.length} values`);
  return { text, values, __sql: true };
}

/** Raw SQL text with no values, for identifiers chosen by code (never by input). */
export const sqlRaw = (text: string): SqlFragment => ({ text, values: [], __sql: true });

/**
 * A list of ids for `x IN (${sqlIds(ids)})`, bound as ONE JSON parameter: however many ids
 * (SQLite refuses more than 32,766 bound values) and one cached statement for every length.
 */
export const sqlIds = (ids: readonly number[]): SqlFragment => sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;
