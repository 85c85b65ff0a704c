/** Code colours: distinct at a glance, readable as a light highlight behind dark text. */
export const CODE_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#3b8bc2', '#d4a017', '#6b8e23',
] as const;

export const paletteColor = (index: number): string => CODE_PALETTE[((index % CODE_PALETTE.length) + CODE_PALETTE.length) % CODE_PALETTE.length]!;

/**
 * The colour for a new top-level code: the first palette colour no top-level code wears (so a
 * new category never looks like a scheme section), else the one fewest codes wear.
 */
export function freshColor(codes: readonly { color: string; top: boolean }[]): string {
  const lower = (c: string) => c.toLowerCase();
  const onTop = new Set(codes.filter((c) => c.top).map((c) => lower(c.color)));
  const unused = CODE_PALETTE.find((c) => !onTop.has(c));
  if (unused) return unused;
  const uses = (p: string) => codes.filter((c) => lower(c.color) === p).length;
  return CODE_PALETTE.reduce((best, p) => (uses(p) < uses(best) ? p : best));
}

/** rgba() of a #RRGGBB colour, for translucent highlights. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

type Rgb = readonly [number, number, number];

function rgbOf(hex: string): Rgb {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const mapRgb = (c: Rgb, f: (v: number, i: number) => number): Rgb => [f(c[0], 0), f(c[1], 1), f(c[2], 2)];

/** WCAG 2 relative luminance. */
function luminance(c: Rgb): number {
  const [r, g, b] = mapRgb(c, (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratioOf(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `top` at `alpha` over an opaque `ground`, as the browser composites a translucent background (to whole channels). */
const over = (top: Rgb, alpha: number, ground: Rgb): Rgb => mapRgb(ground, (g, i) => Math.round(top[i]! * alpha + g * (1 - alpha)));

/** WCAG 2 contrast ratio of two #RRGGBB colours, from 1 to 21. */
export const contrastRatio = (a: string, b: string): number => ratioOf(rgbOf(a), rgbOf(b));

/** The contrast WCAG 2 AA asks of text below large size. */
export const AA_TEXT = 4.5;

/**
 * rgb() of the colour as text on `ground`: each channel scaled by `start` (below 1: darker),
 * then darker still only as far as it takes to reach `ratio`. Pale colours (yellow, pink) need more than dark ones: one
 * fixed factor either dulls the dark colours or leaves the pale ones unreadable.
 */
export function readableShade(hex: string, ground: string, start: number, ratio = AA_TEXT): string {
  const c = rgbOf(hex);
  const bg = rgbOf(ground);
  const at = (f: number): Rgb => mapRgb(c, (v) => Math.round(v * f));
  let factor = start;
  while (factor > 0 && ratioOf(at(factor), bg) < ratio) factor = Math.max(0, factor - 0.02);
  const [r, g, b] = at(factor);
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * How much of a highlight's strength a colour may use (1: all of it) for `text` to stay readable
 * on `ground` under `layers` of that colour, tints at those alphas one over another (nested
 * codings stack their tints). Light and mid colours keep their full strength; very dark ones (an
 * imported project may bring any colour) are drawn fainter.
 */
export function tintStrength(hex: string, layers: readonly number[], text: string, ground: string, ratio = AA_TEXT): number {
  const c = rgbOf(hex);
  const t = rgbOf(text);
  const g = rgbOf(ground);
  const passes = (s: number) => ratioOf(t, layers.reduce((below, alpha) => over(c, alpha * s, below), g)) >= ratio;
  let s = 1;
  while (s > 0 && !passes(s)) s = Math.max(0, s - 0.05);
  return s;
}
