import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPORA } from '../../bench/corpora.ts';
import { generateProject } from '../../bench/corpus.ts';
import { closeBrowser, startApp } from './harness.ts';
import { selectPhrase } from './workbench-helpers.ts';

/**
 * The coding view on the budget's scale: one 200,000-word transcript with 10,000 codings.
 * Timings are printed for the lead's notes, never asserted (they belong to the machine).
 */
describe('the coding view on a 200-page transcript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-scale-'));
  afterAll(async () => {
    await closeBrowser();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens with its highlights and stripes, scrolls, and codes a passage', async () => {
    const path = join(dir, 'scale.marginalia');
    generateProject(path, { ...CORPORA.dense200k, name: 'one200k', sources: 1, participants: 1 });
    const app = await startApp({ project: path });
    try {
      const { page } = app;
      const option = page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first();
      await option.waitFor();
      const t0 = Date.now();
      await option.click();
      await page.waitForSelector('.mg-stripe');
      const openMs = Date.now() - t0;
      expect(await page.locator('mark.mg-coding').count()).toBeGreaterThan(10);

      // Far down the transcript the stripes follow the scroll.
      await page.locator('.mg-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight * 0.6; });
      await expect.poll(() => page.locator('.mg-stripe').count()).toBeGreaterThan(0);
      const visibleText = await page.locator('.mg-stripe').first().getAttribute('aria-label');
      expect(visibleText).toBeTruthy();

      // Apply a code to a passage in view.
      const phrase = await page.evaluate(() => {
        const box = document.querySelector('.mg-scroll')!.getBoundingClientRect();
        const blocks = Array.from(document.querySelectorAll<HTMLElement>('.mg-text'));
        const seen = blocks.find((b) => { const r = b.getBoundingClientRect(); return r.top > box.top && r.bottom < box.bottom && (b.textContent ?? '').length > 60; });
        return (seen?.textContent ?? '').slice(5, 45);
      });
      await selectPhrase(page, phrase);
      await expect.poll(() => page.locator('.doc-status').textContent()).toContain('characters selected');
      const before = await page.locator('mark.mg-coding').count();
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog', { name: 'Apply a code to the selection' }).getByRole('combobox').waitFor();
      const t1 = Date.now();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.doc-status').textContent()).toContain('Coded');
      const applyMs = Date.now() - t1;
      await app.screenshot('workbench-7-scale');
      await expect.poll(() => page.locator('mark.mg-coding').count()).toBeGreaterThan(before);
      await app.screenshot('workbench-7-scale');
      console.log(JSON.stringify({ scale: { words: 200_000, codings: 10_000, openToStripesMs: openMs, applyFromEnterMs: applyMs } }));
    } finally {
      await app.close();
    }
  });
});
