import { FALLBACK, SHEET, highlightAlpha } from './code-color-contrast.ts';
import { UNDERLINE_DEPTHS, type StretchLook } from './stretches.ts';

/*
 * The look of a stretch of coded text (one <mark>, see stretches.ts) as classes that each set
 * a custom property or two, with one CSS rule each in an adopted style sheet shared by every
 * stretch that has it (no style attribute per element). The rule that paints is the same for
 * every stretch (LOOK_RULE below), so a stretch paints one background colour and one image
 * however many codings lie over it — under dense coding the page paints hundreds of them.
 *
 * - Tints: up to three, composited over the sheet in one opaque colour (color-mix is alpha
 *   blending over an opaque ground), clipped to the text's own box.
 * - Underlines: one gradient in the mark's bottom padding with a 2 px band per lane depth (3 px
 *   apart, where text-decoration drew them before), each band in its code's colour.
 * - The selected coding's stretches get a thin rule over and under the words.
 */

/** editor.css's `mark.mg-coding { padding-bottom }`: the room below the text the underlines are drawn in. */
export const UNDERLINE_ROOM_PX = 11;

const valid = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : FALLBACK);

const tint = (i: number) => `var(--mg-t${i}, transparent) var(--mg-a${i}, 0%)`;
/** Depth d's band: from 9 − 3d to 11 − 3d px above the bottom of the room. */
const bands = Array.from({ length: UNDERLINE_DEPTHS }, (_, d) => [9 - 3 * d, 11 - 3 * d] as const)
  .reverse()
  .map(([a, b], i) => `transparent ${i === 0 ? 0 : a - 1}px ${a}px, var(--mg-u${UNDERLINE_DEPTHS - 1 - i}, transparent) ${a}px ${b}px`)
  .join(', ');
const RULE_COLOR = 'rgba(35, 34, 31, 0.45)';

const underlines = `linear-gradient(to top, ${bands}, transparent ${UNDERLINE_ROOM_PX}px)`;
const rule = `linear-gradient(${RULE_COLOR}, ${RULE_COLOR})`;

/**
 * The rules every stretch shares; the classes below only fill in its colours. The last image
 * layer is `none`: its clip is also the background colour's, the text's own box, while the
 * underlines are drawn in the padding below it.
 */
export const LOOK_RULES = [
  `mark.mg-coding { background-color: color-mix(in srgb, ${tint(0)}, color-mix(in srgb, ${tint(1)}, color-mix(in srgb, ${tint(2)}, ${SHEET}))); ` +
    `background-image: ${underlines}, none; background-size: 100% ${UNDERLINE_ROOM_PX}px, auto; background-position: 0 100%, 0 0; ` +
    'background-clip: padding-box, content-box; }',
  `mark.mg-coding.mg-selected { background-image: ${underlines}, ${rule}, ${rule}, none; ` +
    `background-size: 100% ${UNDERLINE_ROOM_PX}px, 100% 1px, 100% 1px, auto; background-position: 0 100%, 0 0, 0 calc(100% - ${UNDERLINE_ROOM_PX}px), 0 0; ` +
    'background-clip: padding-box, content-box, padding-box, content-box; }',
];

let sheet: CSSStyleSheet | null = null;
function insert(rule: string): void {
  if (!sheet) {
    if (typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined') return;
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    for (const r of LOOK_RULES) sheet.insertRule(r, sheet.cssRules.length);
  }
  sheet.insertRule(rule, sheet.cssRules.length);
}

const classes = new Map<string, string>();
/** The class for `key`, its rule (setting `body`) inserted the first time it is asked for. */
function classFor(key: string, prefix: string, body: string): string {
  let name = classes.get(key);
  if (name === undefined) {
    name = `${prefix}${classes.size}`;
    classes.set(key, name);
    insert(`mark.mg-coding.${name} { ${body} }`);
  }
  return name;
}

const tintClass = (layer: number, color: string, selected: boolean): string => {
  const hex = valid(color);
  const percent = Math.round(highlightAlpha(hex, selected) * 1000) / 10;
  return classFor(`t${layer}${hex}${selected ? 's' : ''}`, 'mg-tint-', `--mg-t${layer}: ${hex}; --mg-a${layer}: ${percent}%;`);
};

const underlineClass = (depth: number, color: string): string => {
  const hex = valid(color);
  return classFor(`u${depth}${hex}`, 'mg-line-', `--mg-u${depth}: ${hex};`);
};

const looks = new Map<string, string>();

/** The classes of a stretch's look (see above), the same string for the same look. */
export function stretchClasses(look: StretchLook): string {
  const key = `${look.tints.map((t) => `${t.color}${t.selected ? 's' : ''}`).join(',')}|${look.underlines.join(',')}|${look.selected ? 1 : 0}`;
  let cls = looks.get(key);
  if (cls === undefined) {
    const parts = ['coded', 'mg-coding'];
    look.tints.forEach((t, i) => parts.push(tintClass(i, t.color, t.selected)));
    look.underlines.forEach((color, d) => {
      if (color != null) parts.push(underlineClass(d, color));
    });
    if (look.selected) parts.push('mg-selected');
    cls = parts.join(' ');
    looks.set(key, cls);
  }
  return cls;
}
