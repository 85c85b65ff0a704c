import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';
import { codingsInFile, selectPhrase } from './workbench-helpers.ts';

const SOURCE = 'Interview with PA';

/** Holds the next API call of `method` until released (the page sees a slow backend). */
async function holdNext(page: Page, method: string): Promise<{ release: () => Promise<void>; refuse: (message: string) => Promise<void> }> {
  let held: Route | null = null;
  let arrived: () => void = () => undefined;
  const came = new Promise<void>((r) => (arrived = r));
  await page.route('**/api/call', async (route) => {
    const body = route.request().postDataJSON() as { method: string };
    if (body.method !== method || held) return route.continue();
    held = route;
    arrived();
  });
  return {
    release: async () => {
      await came;
      await held!.continue();
      await page.unroute('**/api/call');
    },
    refuse: async (message) => {
      await came;
      await held!.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'conflict', message } }) });
      await page.unroute('**/api/call');
    },
  };
}

describe('coding without waiting for the backend', () => {
  const app = useDemoApp(async ({ page }) => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
  });
  const tree = () => app.page.getByRole('tree', { name: 'Codes' });
  const marks = (text: string) => app.page.locator('mark.mg-coding', { hasText: text });

  it('draws a coding before the answer, keeps it after, and takes a refused one away with its message', async () => {
    const { page } = app;
    // The backend is slow: the passage is highlighted and striped while the call is still out.
    const slow = await holdNext(page, 'codings.apply');
    await selectPhrase(page, 'seismic retrofitting');
    await tree().getByRole('treeitem', { name: /^Flexibility/ }).click();
    await expect.poll(() => marks('seismic retrofitting').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.mg-stripe[aria-label^="Flexibility: “seismic retrofitting"]').count()).toBe(1);
    expect(codingsInFile(app, SOURCE).filter((c) => c.quote === 'seismic retrofitting')).toEqual([]);
    await slow.release();
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === 'seismic retrofitting').map((c) => c.code)).toEqual(['Flexibility']);
    // The answer took the drawn coding's place: one stripe, under the id the project gave it.
    const id = await page.locator('.mg-stripe[aria-label^="Flexibility: “seismic retrofitting"]').evaluate((el) => Number((el as HTMLElement).dataset['codingId']));
    expect(id).toBeGreaterThan(0);
    expect(await page.locator('.mg-stripe[aria-label^="Flexibility: “seismic retrofitting"]').count()).toBe(1);

    // The backend refuses: the drawn coding goes, and the message says why.
    const refused = await holdNext(page, 'codings.apply');
    await selectPhrase(page, 'working engineer');
    await tree().getByRole('treeitem', { name: /^Accreditation/ }).click();
    await expect.poll(() => page.locator('.mg-stripe[aria-label^="Accreditation: “working engineer"]').count()).toBe(1);
    await refused.refuse('The passage was changed in another window: reload it.');
    await expect.poll(() => page.locator('.mg-stripe[aria-label^="Accreditation: “working engineer"]').count()).toBe(0);
    await expect.poll(() => page.getByText('The passage was changed in another window: reload it.').count()).toBeGreaterThan(0);
    expect(codingsInFile(app, SOURCE).filter((c) => c.quote === 'working engineer')).toEqual([]);
  });

  it('takes a coding away at once when removed, and puts it back if the backend refuses', async () => {
    const { page } = app;
    const stripe = page.locator('.mg-stripe[aria-label^="Institutional strategy: “The official answer"]');
    await stripe.click();
    const refused = await holdNext(page, 'codings.remove');
    await page.keyboard.press('Delete');
    await expect.poll(() => stripe.count()).toBe(0);
    await refused.refuse('The project is read-only here.');
    await expect.poll(() => stripe.count()).toBe(1);
    await expect.poll(() => page.getByText('The project is read-only here.').count()).toBeGreaterThan(0);
    expect(codingsInFile(app, SOURCE).filter((c) => c.code === 'Institutional strategy' && c.quote.startsWith('The official answer')).length).toBe(1);
  });
});
