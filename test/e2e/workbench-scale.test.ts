import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPORA } from '../../bench/corpora.ts';
import { generateProject } from '../../bench/corpus.ts';
import { closeBrowser, startApp } from './harness.ts';
import { selectPhrase } from './workbench-helpers.ts';

/** Milliseconds from a key press to the status line saying "Coded…", measured in the page (next frame included). */
async function timeToStatus(page: Page, press: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { codedAfter?: Promise<number> };
    w.codedAfter = new Promise((resolve) => {
      let t0 = 0;
      window.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
      const status = document.querySelector('.doc-status')!;
      const obs = new MutationObserver(() => {
        if (!status.textContent?.startsWith('Coded')) return;
        obs.disconnect();
        requestAnimationFrame(() => {
          const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('/api/call') && e.startTime >= t0);
          console.log(`apply: ${Math.round(performance.now() - t0)} ms in all, first API call ${Math.round(calls[0]?.duration ?? -1)} ms, view after response ${Math.round(performance.now() - (calls[0]?.responseEnd ?? t0))} ms`);
          resolve(performance.now() - t0);
        });
      });
      obs.observe(status, { childList: true, subtree: true, characterData: true });
    });
  });
  await press();
  return Math.round(await page.evaluate(() => (window as unknown as { codedAfter: Promise<number> }).codedAfter));
}

/**
 * Stripes that do not tell the truth: each stripe in the margin must name a coding whose
 * highlight is in the text, with that highlight's words in its label (stripe buttons are
 * reused as the screen scrolls, so a stale label would show here), and once.
 */
function stripeMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    const out: string[] = [];
    const seen = new Set<string>();
    for (const stripe of Array.from(document.querySelectorAll<HTMLElement>('.mg-stripe'))) {
      const id = stripe.dataset['codingId'] ?? '';
      if (seen.has(id)) out.push(`coding ${id} has two stripes`);
      seen.add(id);
      const marks = Array.from(document.querySelectorAll(`mark.mg-coding[data-coding-ids~="${id}"]`));
      if (marks.length === 0) {
        out.push(`stripe of coding ${id} has no highlight`);
        continue;
      }
      const text = squash(marks.map((m) => m.textContent ?? '').join(''));
      // Up to the first line break: a coding across turns quotes the next speaker's label, which the view draws outside the text.
      const quote = squash((/“(.*)”/s.exec(stripe.getAttribute('aria-label') ?? '')?.[1] ?? '').split('\n')[0]!);
      const n = Math.min(30, text.length, quote.length);
      if (n === 0 || text.slice(0, n) !== quote.slice(0, n)) out.push(`stripe of coding ${id} says “${quote.slice(0, 30)}”, its highlight reads “${text.slice(0, 30)}”`);
    }
    return out;
  });
}

/**
 * The coding view on the budget's scale: one 200,000-word transcript with 10,000 codings.
 * Timings are printed for the lead's notes, never asserted (they belong to the machine).
 */
describe('the coding view on a 200-page transcript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-scale-'));
  afterAll(async () => {
    await closeBrowser();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  it('opens with its highlights and stripes, scrolls, and codes a passage', async () => {
    const path = join(dir, 'scale.marginalia');
    generateProject(path, { ...CORPORA.dense200k, name: 'one200k', sources: 1, participants: 1 });
    const app = await startApp({ project: path });
    try {
      const { page } = app;
      page.on('console', (m) => { if (m.text().startsWith('apply:')) console.log(m.text()); });
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
      expect(await stripeMismatches(page)).toEqual([]);

      // A fling, a screen a frame: nothing is drawn while the text flies by, and the screen it
      // stops on gets its highlights and stripes right after, with the right labels.
      const flung = await page.locator('.mg-scroll').evaluate(async (el) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const start = el.scrollTop;
        for (let i = 0; i < 40; i++) {
          el.scrollTop += el.clientHeight;
          await frame();
        }
        return (el.scrollTop - start) / el.clientHeight;
      });
      expect(flung).toBeGreaterThan(20);
      await expect.poll(() => page.locator('.mg-stripe').count()).toBeGreaterThan(0);
      await expect.poll(() => stripeMismatches(page)).toEqual([]);

      // Stepping through codings with Alt+↓ shows each one, even when it starts screens into a long turn.
      await page.locator('.mg-doc').focus();
      const selectedOnScreen = () =>
        page.evaluate(() => {
          const box = document.querySelector('.mg-scroll')!.getBoundingClientRect();
          const mark = document.querySelector('mark.mg-selected')?.getBoundingClientRect();
          return !!mark && mark.bottom > box.top && mark.top < box.bottom && document.querySelector('.mg-stripe.selected') !== null;
        });
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Alt+ArrowDown');
        await expect.poll(selectedOnScreen, { timeout: 2000 }).toBe(true);
      }

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
      const pickMs = await timeToStatus(page, () => page.keyboard.press('Enter'));
      // Another passage with the recent-code key: the path a coder repeats all day.
      await selectPhrase(page, phrase.slice(0, 20));
      await expect.poll(() => page.locator('.doc-status').textContent()).toContain('characters selected');
      const keyMs = await timeToStatus(page, () => page.keyboard.press('1'));
      await app.screenshot('workbench-7-scale');
      await expect.poll(() => page.locator('mark.mg-coding').count()).toBeGreaterThan(before);
      await app.screenshot('workbench-7-scale');
      console.log(JSON.stringify({ scale: { words: 200_000, codings: 10_000, openToStripesMs: openMs, applyFromPickerMs: pickMs, applyFromKeyMs: keyMs } }));
    } finally {
      await app.close();
    }
  }, 180_000);
});
