import { withAlpha } from '../../../shared/domain/palette.ts';
import { FALLBACK, highlightAlpha } from './code-color-contrast.ts';

/** Underlines sit at distinct depths for the first lanes; deeper lanes share the last depth. */
const UNDERLINE_LANES = 4;

const looks = new Map<string, string>();
let sheet: CSSStyleSheet | null = null;

function rules(): CSSStyleSheet | null {
  if (sheet || typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined') return sheet;
  sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

/**
 * The class of a highlight's look: its code's colour as a tint and an underline, the depth of
 * the underline by lane, stronger when selected. One rule per look, shared by every highlight
 * that has it, instead of a style attribute on each: the browser then computes the style of a
 * look once and reuses it for every <mark> that scrolls into view.
 */
export function highlightLook(color: string, lane: number, selected: boolean): string {
  const hex = /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : FALLBACK;
  const depth = Math.min(Math.max(0, lane), UNDERLINE_LANES - 1);
  const key = `${hex}${depth}${selected ? 's' : ''}`;
  let name = looks.get(key);
  if (name === undefined) {
    name = `mg-look-${looks.size}`;
    looks.set(key, name);
    rules()?.insertRule(
      `mark.mg-coding.${name} { background-color: ${withAlpha(hex, highlightAlpha(hex, selected))}; text-decoration-color: ${hex}; text-underline-offset: ${3 + depth * 3}px; }`,
      sheet!.cssRules.length,
    );
  }
  return name;
}
