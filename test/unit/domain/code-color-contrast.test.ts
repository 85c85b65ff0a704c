import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, contrastRatio } from '../../../shared/domain/palette.ts';
import {
  LIGHTEST_HIGHLIGHTED_TEXT,
  SELECTED_STRIPE_GROUND,
  SHEET,
  WORST_STACK,
  highlightAlpha,
  stripeLabelColor,
} from '../../../renderer/src/editor/code-color-contrast.ts';

const css = readFileSync(join(process.cwd(), 'renderer/src/editor/editor.css'), 'utf8');

/** The declarations of the rule with exactly this selector in editor.css. */
function rule(selector: string): string {
  const at = css.indexOf(`\n${selector} {`);
  if (at < 0) throw new Error(`editor.css has no rule ${selector}`);
  return css.slice(at, css.indexOf('}', at));
}

const hex = (c: readonly number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const rgbHex = (rgb: string) => hex(rgb.match(/\d+/g)!.map(Number));
const channels = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
/** What the browser paints: translucent tints one over another on the sheet. */
const composite = (color: string, alphas: readonly number[], ground: string) =>
  hex(alphas.reduce((below, a) => below.map((g, i) => Math.round(channels(color)[i]! * a + g * (1 - a))), channels(ground)));

/** Dark colours an imported project could bring, beside the palette's. */
const DARK = ['#000000', '#1b1b3a', '#3d0c02', '#14532d'];

describe('code colours against the text they meet', () => {
  it('holds the colours it reasons with to those of editor.css', () => {
    expect(rule('.mg-scroll')).toContain(`background: ${SHEET};`);
    expect(rule('.mg-interviewer .mg-text')).toContain(`color: ${LIGHTEST_HIGHLIGHTED_TEXT};`);
    const selected = /background: rgba\((\d+), (\d+), (\d+), ([\d.]+)\)/.exec(rule('.mg-stripe.selected'))!;
    const [r, g, b, a] = selected.slice(1).map(Number) as [number, number, number, number];
    expect(SELECTED_STRIPE_GROUND).toBe(composite(hex([r, g, b]), [a], SHEET));
    // Every other text colour the coding view draws behind highlights is darker than the interviewer's.
    for (const text of ['#23221f', '#34322e']) expect(contrastRatio(text, SHEET)).toBeGreaterThan(contrastRatio(LIGHTEST_HIGHLIGHTED_TEXT, SHEET));
  });

  it('keeps the palette at full strength, and the words readable under a selected coding nested in two others', () => {
    for (const color of CODE_PALETTE) {
      expect(highlightAlpha(color, false), color).toBe(WORST_STACK[0]);
      expect(highlightAlpha(color, true), color).toBe(WORST_STACK[2]);
      const ground = composite(color, [highlightAlpha(color, false), highlightAlpha(color, false), highlightAlpha(color, true)], SHEET);
      expect(contrastRatio(LIGHTEST_HIGHLIGHTED_TEXT, ground), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws a dark colour fainter, so the words stay readable on it too', () => {
    for (const color of DARK) {
      expect(highlightAlpha(color, true), color).toBeLessThan(WORST_STACK[2]);
      expect(highlightAlpha(color, true), color).toBeGreaterThan(0);
      const ground = composite(color, [highlightAlpha(color, false), highlightAlpha(color, false), highlightAlpha(color, true)], SHEET);
      expect(contrastRatio(LIGHTEST_HIGHLIGHTED_TEXT, ground), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('labels stripes in their code’s hue, darkened as far as a selected stripe needs and no further', () => {
    for (const color of [...CODE_PALETTE, ...DARK, 'not a colour']) {
      const label = rgbHex(stripeLabelColor(color));
      expect(contrastRatio(label, SELECTED_STRIPE_GROUND), color).toBeGreaterThanOrEqual(4.5);
    }
    // Dark blue already reads at the usual 0.68: unchanged. Yellow did not (3.3:1): darker.
    expect(stripeLabelColor('#4e79a7')).toBe('rgb(53, 82, 114)');
    const yellow = rgbHex(stripeLabelColor('#edc948'));
    expect(contrastRatio(yellow, SELECTED_STRIPE_GROUND)).toBeLessThan(5);
    expect(channels(yellow)[0]! / channels(yellow)[2]!).toBeCloseTo(0xed / 0x48, 0);
  });
});
