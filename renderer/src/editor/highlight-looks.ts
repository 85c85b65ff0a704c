import { FALLBACK, SHEET, highlightAlpha } from './code-color-contrast.ts';
import type { StretchLook } from './stretches.ts';

/*
 * The look of a stretch of coded text (one <mark>, see stretches.ts) as classes, each with one
 * CSS rule in an adopted style sheet shared by every stretch that has it (no style attribute
 * per element).
 *
 * - Tints: up to three, composited over the sheet into one opaque colour (color-mix is alpha
 *   blending over an opaque ground) and clipped to the text's own box: one fill however many
 *   codings lie over the words. Each tint class only sets two custom properties.
 * - Underlines, one per lane depth as before: the first lane's is the text's own underline
 *   (3 px below the baseline); deeper lanes' are 2 px strips 3 px apart in the mark's bottom
 *   padding, drawn only by the stretches that have them (a "shape" class per set of depths).
 *   Solid strips of 2 px are cheap to paint; a gradient over the whole padding per mark was
 *   not (measured: the software rasteriser shades every pixel of it).
 * - The selected coding's stretches get a thin rule over and under the words.
 */

/** The room below the text deeper lanes' underlines are drawn in (a shape's `padding-bottom`). */
export const UNDERLINE_ROOM_PX = 11;
/** Where the strip of each depth ends, in px above the bottom of that room. */
const stripBottom = (depth: number) => 9 - 3 * depth;

const valid = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : FALLBACK);

const tint = (i: number) => `var(--mg-t${i}, transparent) var(--mg-a${i}, 0%)`;
const RULE = 'linear-gradient(rgba(35, 34, 31, 0.45), rgba(35, 34, 31, 0.45))';
const solid = (v: string) => `linear-gradient(var(${v}), var(${v}))`;

/** The rule every stretch shares; the classes below fill in its colours and extra layers. */
export const LOOK_RULE =
  `mark.mg-coding { background-color: color-mix(in srgb, ${tint(0)}, color-mix(in srgb, ${tint(1)}, color-mix(in srgb, ${tint(2)}, ${SHEET}))); ` +
  'background-clip: content-box; text-decoration: underline 2px var(--mg-u0, transparent); text-underline-offset: 3px; text-decoration-skip-ink: none; }';

let sheet: CSSStyleSheet | null = null;
function insert(rule: string): void {
  if (!sheet) {
    if (typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined') return;
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    sheet.insertRule(LOOK_RULE, 0);
  }
  sheet.insertRule(rule, sheet.cssRules.length);
}

const classes = new Map<string, string>();
/** The class for `key`, its rule (declaring `body()`) inserted the first time it is asked for. */
function classFor(key: string, prefix: string, body: () => string): string {
  let name = classes.get(key);
  if (name === undefined) {
    name = `${prefix}${classes.size}`;
    classes.set(key, name);
    insert(`mark.mg-coding.${name} { ${body()} }`);
  }
  return name;
}

const tintClass = (layer: number, color: string, selected: boolean): string => {
  const hex = valid(color);
  return classFor(`t${layer}${hex}${selected ? 's' : ''}`, 'mg-tint-', () => `--mg-t${layer}: ${hex}; --mg-a${layer}: ${Math.round(highlightAlpha(hex, selected) * 1000) / 10}%;`);
};

const underlineClass = (depth: number, color: string): string => {
  const hex = valid(color);
  return classFor(`u${depth}${hex}`, 'mg-line-', () => `--mg-u${depth}: ${hex};`);
};

/** The extra layers of a stretch: strips for underline depths below the first, the selected coding's rules. */
function shapeClass(depths: readonly number[], selected: boolean): string {
  return classFor(`s${depths.join('')}${selected ? 's' : ''}`, 'mg-shape-', () => {
    const room = depths.length > 0 ? UNDERLINE_ROOM_PX : 0;
    const layers: { image: string; size: string; position: string; clip: string }[] = [];
    for (const d of depths) layers.push({ image: solid(`--mg-u${d}`), size: '100% 2px', position: `0 calc(100% - ${stripBottom(d)}px)`, clip: 'padding-box' });
    if (selected) {
      layers.push({ image: RULE, size: '100% 1px', position: '0 0', clip: 'content-box' });
      layers.push({ image: RULE, size: '100% 1px', position: `0 calc(100% - ${room}px)`, clip: 'content-box' });
    }
    // The last layer's clip is also the background colour's: the text's own box.
    layers.push({ image: 'none', size: 'auto', position: '0 0', clip: 'content-box' });
    const list = (k: 'image' | 'size' | 'position' | 'clip') => layers.map((l) => l[k]).join(', ');
    return `padding-bottom: ${room}px; background-repeat: no-repeat; background-image: ${list('image')}; background-size: ${list('size')}; background-position: ${list('position')}; background-clip: ${list('clip')};`;
  });
}

const looks = new Map<string, string>();

/** The classes of a stretch's look (see above), the same string for the same look. */
export function stretchClasses(look: StretchLook): string {
  const key = `${look.tints.map((t) => `${t.color}${t.selected ? 's' : ''}`).join(',')}|${look.underlines.join(',')}|${look.selected ? 1 : 0}`;
  let cls = looks.get(key);
  if (cls === undefined) {
    const parts = ['coded', 'mg-coding'];
    look.tints.forEach((t, i) => parts.push(tintClass(i, t.color, t.selected)));
    const deeper: number[] = [];
    look.underlines.forEach((color, d) => {
      if (color == null) return;
      parts.push(underlineClass(d, color));
      if (d > 0) deeper.push(d);
    });
    if (deeper.length > 0 || look.selected) parts.push(shapeClass(deeper, look.selected));
    if (look.selected) parts.push('mg-selected');
    cls = parts.join(' ');
    looks.set(key, cls);
  }
  return cls;
}
