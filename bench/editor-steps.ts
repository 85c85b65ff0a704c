import type { Browser, Page } from 'playwright-core';
import { rendererProcessMemory, type ProcessMemory } from './editor-browser.ts';
import type { ChangeTiming, DocLayout, OpenTiming, ProbeHost, ScrollTiming } from './editor-probe-types.ts';

/**
 * What a researcher does in the document view, driven through the real UI: click the source,
 * select a passage and press Enter on a code in the codebook tree, select a coding by its
 * stripe and press Delete, scroll. The timing happens in the page (editor-probe.ts); these
 * steps only set the scene, untimed, and fail loudly when the UI does not respond.
 */

/** A passage to code, in document positions of the open source, and the code to apply. */
export type Passage = { from: number; to: number; codeId: number };

// Page callbacks are serialized into the page, so each one reaches the probe through globalThis itself.
export const idle = (page: Page): Promise<void> => page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.idle());

/** Waits for the workbench with its sources and codebook, then clicks the source and times it. */
export async function openSource(page: Page, sourceName: string, layout: DocLayout): Promise<OpenTiming> {
  const option = page.getByRole('listbox', { name: 'Sources' }).getByRole('option').filter({ hasText: sourceName });
  await option.waitFor();
  await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').first().waitFor();
  await idle(page);
  await page.evaluate((l) => (globalThis as unknown as ProbeHost).__mgBench.armOpen(l), layout);
  await option.click();
  return page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.openResult());
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`the view did not respond: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Selects the passage in the editor, moves the codebook tree to the code with the arrow keys, and times Enter. */
export async function applyCode(page: Page, passage: Passage, phaseMs: number): Promise<ChangeTiming> {
  const selected = await page.evaluate(([from, to]) => (globalThis as unknown as ProbeHost).__mgBench.select(from!, to!), [passage.from, passage.to]);
  if (!selected) throw new Error('the editor did not take the selection');
  await page.locator('.doc-status').filter({ hasText: 'characters selected' }).waitFor();
  // Whatever the view redraws after the scroll (a window of highlights near the screen) is done before timing.
  await idle(page);
  const tree = page.getByRole('tree', { name: 'Codes' });
  await tree.focus();
  const rows = await page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.codeRowIds());
  const target = rows.indexOf(passage.codeId);
  if (target < 0) throw new Error(`code ${passage.codeId} is not in the codebook tree`);
  await until('the tree selects a code on focus', async () => (await page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.selectedCodeId())) !== null);
  const current = rows.indexOf((await page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.selectedCodeId()))!);
  for (let i = 0; i < Math.abs(target - current); i++) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
  await until(`code ${passage.codeId} selected in the tree`, async () => (await page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.selectedCodeId())) === passage.codeId);
  await page.evaluate((phase) => (globalThis as unknown as ProbeHost).__mgBench.armChange('apply', null, phase), phaseMs);
  await page.keyboard.press('Enter');
  const timing = await page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.changeResult());
  await idle(page);
  return timing;
}

/** Selects the coding (starting at document position `from`) by its margin stripe, and times Delete. */
export async function removeCoding(page: Page, codingId: number, from: number, phaseMs: number): Promise<ChangeTiming> {
  // A click event on the stripe itself: stripes of deep lanes share a column and may cover each other.
  const clicked = await page.evaluate(([id, at]) => (globalThis as unknown as ProbeHost).__mgBench.clickStripe(id!, at!), [codingId, from]);
  if (!clicked) throw new Error(`the stripe of coding ${codingId} is never drawn`);
  await page.locator(`mark.mg-selected[data-coding-ids~="${codingId}"]`).first().waitFor({ state: 'attached' });
  await page.waitForFunction('document.activeElement?.classList.contains("mg-doc") === true');
  await idle(page);
  await page.evaluate(([id, phase]) => (globalThis as unknown as ProbeHost).__mgBench.armChange('remove', id!, phase!), [codingId, phaseMs]);
  await page.keyboard.press('Delete');
  const timing = await page.evaluate(() => (globalThis as unknown as ProbeHost).__mgBench.changeResult());
  await idle(page);
  return timing;
}

export const scrollThrough = (page: Page, maxMs: number, layout: DocLayout): Promise<ScrollTiming> =>
  page.evaluate(([ms, l]) => (globalThis as unknown as ProbeHost).__mgBench.scroll(ms, l), [maxMs, layout] as const);

export type RendererMemory = { jsHeapUsedMB: number; domNodes: number; process: ProcessMemory | null };

/** Memory after a garbage collection: what the view holds, not what it has yet to free. */
export async function rendererMemory(browser: Browser, page: Page): Promise<RendererMemory> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { jsHeapUsedMB: metric('JSHeapUsedSize') / 1024 ** 2, domNodes: metric('Nodes'), process: await rendererProcessMemory(browser) };
  } finally {
    await session.detach();
  }
}
