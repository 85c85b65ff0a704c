import { readableShade, tintStrength } from '../../../shared/domain/palette.ts';

/*
 * Code colours where they meet text in the coding view: as the colour of a stripe's label, and
 * as a highlight's tint behind the words. Both stay readable (WCAG AA, 4.5:1) for any colour a
 * code may have. The colours below are editor.css's; a unit test holds them to it.
 */

/** The text column's ground (.mg-scroll). */
export const SHEET = '#fdfcfa';
/** The margin under a selected stripe (.mg-stripe.selected over the sheet): the darkest ground a label sits on. */
export const SELECTED_STRIPE_GROUND = '#e4e9ed';
/** The interviewer's words (.mg-interviewer .mg-text): the lightest text a highlight lies behind. */
export const LIGHTEST_HIGHLIGHTED_TEXT = '#46433d';

/** A highlight's tint, and the stronger one of the selected coding. */
export const TINT = 0.15;
export const SELECTED_TINT = 0.34;
/** The case a highlight's colour is held to: a selected coding nested in two others of its colour. */
export const WORST_STACK = [TINT, TINT, SELECTED_TINT] as const;

/** What a colour that is not #RRGGBB is drawn as (the API allows none; an old file might hold one). */
export const FALLBACK = '#8a867e';

const valid = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : FALLBACK);

/** A label keeps the code's hue, darkened (at least to 0.68, more for pale colours) for contrast. */
const labels = new Map<string, string>();
export function stripeLabelColor(color: string): string {
  const hex = valid(color);
  let c = labels.get(hex);
  if (c === undefined) labels.set(hex, (c = readableShade(hex, SELECTED_STRIPE_GROUND, 0.68)));
  return c;
}

/** The alpha of a highlight's tint: the usual one, fainter for a colour dark enough to hide the words. */
const strengths = new Map<string, number>();
export function highlightAlpha(color: string, selected: boolean): number {
  const hex = valid(color);
  let s = strengths.get(hex);
  if (s === undefined) strengths.set(hex, (s = tintStrength(hex, WORST_STACK, LIGHTEST_HIGHLIGHTED_TEXT, SHEET)));
  return Math.round((selected ? SELECTED_TINT : TINT) * s * 1000) / 1000;
}
