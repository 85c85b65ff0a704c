/**
 * Heat shading for matrix cells: white for zero, deepening toward the accent blue with the
 * value's share of the table maximum. Linear, so shades compare honestly. The text stays dark:
 * the deepest shade stops where dark text still reads on it (WCAG AA). Switching to white text
 * on deeper shades cannot work, as between the two lies a band of mid blues on which neither
 * dark nor white text reaches 4.5:1, and a linear scale has to cross it.
 */
const LOW = [255, 255, 255] as const;
const HIGH = [47, 93, 138] as const; // the app's accent, #2f5d8a
/** How far toward the accent the maximum goes: #7694b2, 5:1 with the text. */
const DEEPEST = 0.66;
const TEXT = '#23221f';

export type HeatStyle = { background: string; color: string };

const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

export function heat(value: number, max: number): HeatStyle {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const mix = LOW.map((lo, i) => lo + (HIGH[i]! - lo) * t * DEEPEST);
  return { background: `#${mix.map(hex).join('')}`, color: TEXT };
}

export const maxOf = (grid: readonly (readonly number[])[]): number => grid.reduce((m, r) => r.reduce((a, b) => Math.max(a, b), m), 0);
