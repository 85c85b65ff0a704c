/**
 * Heat shading for matrix cells: white for zero, deepening toward the accent blue with the
 * value's share of the table maximum. Linear, so shades compare honestly; text turns white
 * where the fill gets dark enough to need it.
 */
const LOW = [255, 255, 255] as const;
const HIGH = [47, 93, 138] as const; // the app's accent, #2f5d8a

export type HeatStyle = { background: string; color: string };

const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

export function heat(value: number, max: number): HeatStyle {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const mix = LOW.map((lo, i) => lo + (HIGH[i]! - lo) * t * 0.9);
  return { background: `#${mix.map(hex).join('')}`, color: t > 0.5 ? '#ffffff' : '#23221f' };
}

export const maxOf = (grid: readonly (readonly number[])[]): number => grid.reduce((m, r) => r.reduce((a, b) => Math.max(a, b), m), 0);
