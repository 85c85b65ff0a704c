import { describe, expect, it } from 'vitest';
import type { App } from './harness.ts';
import { useDemoApp } from './harness.ts';

const SOURCE = 'Interview with PA';
const PHRASE = 'seismic retrofitting';

async function ok<T>(app: App, method: string, input: unknown): Promise<T> {
  const r = (await app.host.call(method as never, input as never)) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/**
 * Dense coding: eleven codes over the same words (as a team's merged copies or a search coded in
 * one go leave them). The words stay one highlighted stretch, readable, and the hover card names
 * the innermost eight and counts the rest instead of running off the screen.
 */
describe('many codings over the same words', () => {
  const app = useDemoApp(async (a) => {
    const sources = await ok<{ id: number; name: string }[]>(a, 'sources.list', {});
    const source = sources.find((s) => s.name === SOURCE)!;
    const detail = await ok<{ text: string }>(a, 'sources.get', { id: source.id });
    const at = detail.text.indexOf(PHRASE);
    const codes = await ok<{ id: number }[]>(a, 'codes.list', {});
    expect(codes.length).toBeGreaterThanOrEqual(11);
    // Each a little longer than the one before, all over the phrase: the first is innermost.
    for (let i = 0; i < 11; i++) await ok(a, 'codings.apply', { sourceId: source.id, codeId: codes[i]!.id, start: at, end: at + PHRASE.length + 2 * i });
    await a.page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
  });

  it('draws the words as one stretch naming every coding, and the hover card lists eight and counts the rest', async () => {
    const { page } = app;
    const mark = page.locator('mark.mg-coding', { hasText: PHRASE }).first();
    await expect.poll(() => mark.count()).toBe(1);
    await mark.scrollIntoViewIfNeeded();
    const ids = (await mark.getAttribute('data-coding-ids'))!.split(' ');
    expect(ids.length).toBeGreaterThanOrEqual(11);
    // The words keep their colour: the tints stop at three, so the text stays dark on a light ground.
    const ground = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
    // rgb(…) in 0–255, or color(srgb …) in 0–1 for a color-mix().
    const scale = ground.startsWith('color(') ? 255 : 1;
    const channels = ground.match(/[\d.]+/g)!.slice(0, 3).map((v) => Number(v) * scale);
    expect(Math.min(...channels)).toBeGreaterThan(150);
    await mark.hover();
    const card = page.getByRole('tooltip');
    await expect.poll(() => card.locator('.mg-tooltip-item').count()).toBe(8);
    await expect.poll(() => card.textContent()).toContain(`and ${ids.length - 8} more codings here`);
    const box = (await card.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await app.screenshot('dense-coding-hover');
  });
});
