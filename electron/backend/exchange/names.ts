/**
 * Names and texts from another tool, made to fit the rules the API applies to what users type
 * (shared/api/schemas.ts): a name is one line without control characters and has a length
 * limit; free text holds no NUL and no lone surrogate. `changed` says a warning is due.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cut to at most `max` UTF-16 units, never between the halves of a character. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

export function cleanLabel(raw: string, max: number): { value: string; changed: boolean } {
  const value = cut(
    raw
      .replace(LONE_SURROGATE, '')
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    max,
  );
  return { value, changed: value !== raw.trim() };
}

export function cleanFreeText(raw: string, max: number): { value: string; changed: boolean } {
  const value = cut(raw.replace(LONE_SURROGATE, '').replace(/\u0000/g, ''), max);
  return { value, changed: value !== raw };
}
