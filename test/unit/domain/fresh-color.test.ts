import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, freshColor } from '../../../shared/domain/palette.ts';
import { FIVE_QUESTIONS } from '../../../shared/domain/scheme.ts';

describe('the colour of a new top-level code', () => {
  const scheme = FIVE_QUESTIONS.flatMap((s) => [{ color: s.color, top: true }, ...s.categories.map(() => ({ color: s.color, top: false }))]);

  it('is none of the five questions’ colours', () => {
    const color = freshColor(scheme);
    expect(FIVE_QUESTIONS.map((s) => s.color)).not.toContain(color);
    expect(CODE_PALETTE).toContain(color);
  });

  it('differs from every earlier category’s, as long as the palette lasts', () => {
    const codes = [...scheme];
    const seen = new Set<string>();
    for (let i = 0; i < CODE_PALETTE.length - FIVE_QUESTIONS.length; i++) {
      const color = freshColor(codes);
      expect(seen.has(color)).toBe(false);
      seen.add(color);
      codes.push({ color, top: true });
    }
  });

  it('falls back to the colour fewest codes wear, ignoring case', () => {
    const all = CODE_PALETTE.map((color) => ({ color: color.toUpperCase(), top: true }));
    const extra = CODE_PALETTE.filter((c) => c !== '#9c755f').map((color) => ({ color, top: false }));
    expect(freshColor([...all, ...extra])).toBe('#9c755f');
  });
});
