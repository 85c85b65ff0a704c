import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';
import { codingsInFile, selectPhrase } from './workbench-helpers.ts';

const SOURCE = 'Interview with PA';
/** Ten codes in the order a researcher first uses them; the tenth finds no free key. */
const CODES = ['Value added', 'Institutional strategy', 'Definition', 'Flexibility', 'Evaluation and assignment process', 'Accreditation', 'Recognition and portability', 'Intellectual property', 'Why', 'What'];

describe('number keys 1–9', () => {
  const app = useDemoApp(async ({ page }) => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
  });

  /** Sentences of the interview's answers, each coded once. */
  const sentences = async (): Promise<string[]> => {
    const text = await app.page.locator('.mg-doc').innerText();
    return [...new Set(text.split(/(?<=\.)\s+/).filter((s) => s.length > 30 && s.length < 140 && !s.includes('\n')))];
  };
  const bar = () => app.page.getByRole('group', { name: 'Code keys' });
  const keyed = async () => (await bar().locator('.key-chip').allTextContents());

  it('keep their codes after ten codings, and the bar fits at 1280 px', async () => {
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Codes' });
    const phrases = await sentences();
    for (const [i, code] of CODES.entries()) {
      await selectPhrase(page, phrases[i]!);
      await tree.getByRole('treeitem', { name: new RegExp(`^${code}`) }).click();
      await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === phrases[i]).map((c) => c.code)).toContain(code);
      // As a researcher would: the next passage is chosen once this coding is drawn.
      await expect.poll(() => page.locator('mark.mg-coding', { hasText: phrases[i]!.slice(0, 24) }).count()).toBeGreaterThan(0);
      if (i === 2) await expect.poll(keyed).toEqual(['1Value added', '2Institutional strategy', '3Definition']);
    }
    const nine = CODES.slice(0, 9).map((c, i) => `${i + 1}${c}`);
    await expect.poll(keyed).toEqual(nine);
    // Using an earlier code again moves nothing.
    await selectPhrase(page, phrases[10]!);
    await tree.getByRole('treeitem', { name: /^Definition/ }).click();
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === phrases[10]).map((c) => c.code)).toContain('Definition');
    expect(await keyed()).toEqual(nine);
    // Key 1 still applies the first code used, not the last.
    await selectPhrase(page, phrases[11]!);
    await page.keyboard.press('1');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === phrases[11]).map((c) => c.code)).toContain('Value added');
    expect(codingsInFile(app, SOURCE).filter((c) => c.quote === phrases[11]).map((c) => c.code)).not.toContain('What');

    // All nine chips are in sight inside the document pane: the bar wraps instead of scrolling.
    await selectPhrase(page, phrases[12]!);
    const pane = (await page.getByRole('region', { name: 'Document' }).boundingBox())!;
    const chips = await bar().locator('.key-chip').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(chips).toHaveLength(9);
    for (const c of chips) {
      expect(c.left).toBeGreaterThanOrEqual(pane.x);
      expect(c.right).toBeLessThanOrEqual(pane.x + pane.width);
    }
    expect(await bar().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(new Set(chips.map((c) => Math.round(c.top))).size).toBeLessThanOrEqual(2);
    await page.mouse.move(5, 790);
    await app.screenshot('keys-after-ten-codings');
  });

  it('move only when the researcher puts a code on another key', async () => {
    const { page } = app;
    const phrases = await sentences();
    await selectPhrase(page, phrases[0]!);
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).click();
    await expect.poll(keyed).toEqual(['1Flexibility']);
    // The codebook tree beside the document shows the key too.
    await expect.poll(() => page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).locator('kbd').textContent()).toBe('1');

    await page.getByRole('button', { name: 'Codebook', exact: true }).first().click();
    await page.getByRole('tree', { name: 'Codebook tree' }).getByRole('treeitem', { name: /^Accreditation/ }).click();
    await page.getByLabel('Key in the coding view').selectOption('1');
    await page.getByRole('button', { name: 'Sources' }).click();
    await expect.poll(keyed).toEqual(['1Accreditation']);
    await selectPhrase(page, phrases[1]!);
    await page.keyboard.press('1');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === phrases[1]).map((c) => c.code)).toContain('Accreditation');
  });
});
