import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { CODER_PALETTE } from '../../shared/domain/coder-colors.ts';
import type { Coding, SourceSummary } from '../../shared/domain/types.ts';
import { useDemoApp, type App } from './harness.ts';

const SOURCE = 'Interview with PA';

/** A second coder's work in the demo, as a merged copy brings it: three passages of one interview. */
async function secondCoder(app: App): Promise<{ id: number; codings: number }> {
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await app.host.call(method as never, input as never);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const sources = await call<SourceSummary[]>('sources.list', {});
  const source = sources.find((s) => s.name === SOURCE)!;
  const codes = await call<{ id: number; name: string }[]>('codes.list', {});
  const flexibility = codes.find((c) => c.name === 'Flexibility')!;
  const before = await call<{ name: string }>('coders.current', {});
  const ana = await call<{ id: number }>('coders.setCurrent', { name: 'Ana Ruiz' });
  for (const [start, end] of [[40, 90], [300, 360], [600, 640]] as const) await call<Coding>('codings.apply', { sourceId: source.id, codeId: flexibility.id, start, end });
  await call('coders.setCurrent', { name: before.name });
  return { id: ana.id, codings: 3 };
}

describe('coders in the document', () => {
  const app = useDemoApp();

  it('shows all coders told apart by colour in the margin, or only the ones chosen', async () => {
    const { page } = app;
    const ana = await secondCoder(app);
    await page.reload();
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    const header = page.getByRole('region', { name: 'Document' }).locator('.pane-header');
    await expect.poll(() => header.textContent()).toContain('13 codings');
    const all = await page.locator('.mg-stripe').count();

    // Two coders: each stripe's top carries its coder's colour, and its label names the coder.
    const filter = page.getByRole('group', { name: 'Show the codings of' });
    const summary = page.locator('.coder-filter summary');
    await expect.poll(() => summary.getAttribute('aria-label')).toBe('Coders shown: All coders');
    await expect.poll(() => page.locator('.mg-stripe.by-coder').count()).toBe(all);
    const anaStripe = page.locator('.mg-stripe[aria-label*="(Ana Ruiz)"]').first();
    expect(await anaStripe.evaluate((el) => getComputedStyle(el).getPropertyValue('--coder').trim())).toBe(CODER_PALETTE[(ana.id - 1) % CODER_PALETTE.length]);

    // Only Ana: her three codings, plainly coloured by code again (one coder needs no telling apart).
    await summary.click();
    await axeClean(app, 'coder filter open');
    await app.screenshot('coder-filter-open');
    await filter.getByRole('button', { name: 'Only Ana Ruiz' }).click();
    await expect.poll(() => header.textContent()).toContain('3 of 13 codings');
    await expect.poll(() => summary.getAttribute('aria-label')).toBe('Coders shown: Ana Ruiz');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.mg-stripe:not(.mg-stripe-spare)').count()).toBe(ana.codings);
    expect(await page.locator('.mg-stripe.by-coder').count()).toBe(0);

    // The choice holds in another source of the project, and "Show all coders" brings everyone back.
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Interview with PB/ }).click();
    await expect.poll(() => header.textContent()).toMatch(/0 of \d+ codings/);
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await summary.click();
    await filter.getByRole('button', { name: 'Show all coders' }).click();
    await expect.poll(() => header.textContent()).toContain('13 codings');
    await expect.poll(() => page.locator('.mg-stripe.by-coder').count()).toBe(all);
  });
});

async function axeClean(app: App, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
