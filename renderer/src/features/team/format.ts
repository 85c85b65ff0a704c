import { paletteColor } from '../../../../shared/domain/palette.ts';
import type { Stat } from '../../../../shared/domain/team/statistics.ts';

/** A coder's colour: the same wherever the Team view shows them. */
export const coderColor = (id: number): string => paletteColor(id - 1);

/** A share as a percentage with one decimal: "92.4 %". */
export const percent = (s: Stat): string => (s.value === null ? '—' : `${(s.value * 100).toFixed(1)} %`);

/** A coefficient with three decimals (kappa, alpha), the minus sign typeset. */
export const coefficient = (s: Stat): string => (s.value === null ? '—' : s.value.toFixed(3).replace('-', '−'));

/**
 * Landis and Koch's (1977) words for a kappa, which methods sections often quote; only a
 * reading aid: what counts as enough depends on the study.
 */
export function strength(value: number | null): { label: string; tone: 'low' | 'mid' | 'high' } | null {
  if (value === null) return null;
  if (value < 0.2) return { label: value < 0 ? 'below chance' : 'slight', tone: 'low' };
  if (value < 0.4) return { label: 'fair', tone: 'low' };
  if (value < 0.6) return { label: 'moderate', tone: 'mid' };
  if (value < 0.8) return { label: 'substantial', tone: 'high' };
  return { label: 'almost perfect', tone: 'high' };
}
