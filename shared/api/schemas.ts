import { z } from 'zod';

/** Shared building blocks for method inputs. */
export const id = z.number().int('must be a whole number').positive('must be a positive id');
/** A text position: UTF-16 code units from the start of the source text. */
export const offset = z.number().int('must be a whole number of characters').nonnegative('must not be negative');

/** What one text may not hold: a single-line label refuses more than a longer free text. */
type TextRule = 'label' | 'free text';

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const CONTROL_NAMES: Record<number, string> = { 0x09: 'a tab', 0x0a: 'a line feed', 0x0d: 'a carriage return' };

/**
 * The first character `text` may not hold under `rule`, described for a message, with its
 * position counted in characters as a person counts them (from 1; an emoji is one). Both
 * rules refuse NUL and lone UTF-16 surrogates (half a character: not text, and not storable
 * as UTF-8); a label also refuses every other C0 and C1 control (line breaks and tabs
 * included) and the Unicode line and paragraph separators, as it is one line.
 */
export function forbiddenCharacter(text: string, rule: TextRule): string | null {
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `a lone surrogate (${hex(code)}, half of a character) at position ${position}`;
    }
    const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    if (code === 0 || (rule === 'label' && control)) {
      const name = CONTROL_NAMES[code];
      return `a control character (${hex(code)}${name ? `, ${name}` : ''}) at position ${position}`;
    }
    if (rule === 'label' && (code === 0x2028 || code === 0x2029)) return `a ${code === 0x2028 ? 'line' : 'paragraph'} separator (${hex(code)}) at position ${position}`;
  }
  return null;
}

const refuseCharacters = (what: string, rule: TextRule) => (value: string, ctx: z.RefinementCtx) => {
  const found = forbiddenCharacter(value, rule);
  if (found) ctx.addIssue({ code: 'custom', message: `${what} contains ${found}` });
};

/**
 * A short single-line name: a code, participant label, attribute name or value, framework or
 * element, source, coder… `what` names it in messages ("Code name contains a control
 * character (U+0000) at position 4"); positions count the text as sent, before trimming.
 * Trimmed; empty only with `allowEmpty` (an optional name or title).
 */
export const label = (what: string, { max = 200, allowEmpty = false }: { max?: number; allowEmpty?: boolean } = {}) => {
  const trimmed = z
    .string()
    .superRefine(refuseCharacters(what, 'label'))
    .trim()
    .max(max, `${what} must be at most ${max} characters`);
  return allowEmpty ? trimmed : trimmed.min(1, `${what} must not be empty`);
};

/** A longer free text (a memo, a definition, a description): line breaks and tabs kept, NUL and lone surrogates refused. */
export const freeText = (what: string, max: number) =>
  z
    .string()
    .max(max, `${what} must be at most ${max.toLocaleString('en')} characters`)
    .superRefine(refuseCharacters(what, 'free text'));
export const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #RRGGBB');
export const filePath = freeText('Path', 4096).min(1, 'path must not be empty');
export const sourceKind = z.enum(['interview', 'questionnaire', 'document']);
export const codeOrigin = z.enum(['deductive', 'inductive']);
export const memoTargetKind = z.enum(['project', 'source', 'code', 'participant', 'coding']);
export const attributeType = z.enum(['text', 'number', 'date', 'category']);
export const empty = z.object({}).strict();
