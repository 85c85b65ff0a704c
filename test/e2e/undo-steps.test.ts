import { describe, expect, it } from 'vitest';
import type { App } from './harness.ts';
import { useDemoApp } from './harness.ts';
import { codeCount, codingsInFile, selectPhrase } from './workbench-helpers.ts';

const SOURCE = 'Interview with PA';

const codeExists = (app: App, name: string) =>
  (app.host.current!.db.raw.prepare('SELECT count(*) AS n FROM codes WHERE name = ?').get(name) as { n: number }).n > 0;
const memosOn = (app: App, name: string) =>
  (app.host.current!.db.raw.prepare("SELECT count(*) AS n FROM memos m JOIN codes c ON m.target_kind = 'code' AND m.target_id = c.id WHERE c.name = ?").get(name) as { n: number }).n;

describe('undo steps match what the researcher did', () => {
  const app = useDemoApp(async ({ page }) => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
  });
  const status = () => app.page.locator('.doc-status').textContent();
  const tree = () => app.page.getByRole('tree', { name: 'Codes' });

  it('undoes an in-vivo code in one step, code and coding together, and drops the stale status line', async () => {
    const { page } = app;
    await selectPhrase(page, 'a souvenir');
    await page.keyboard.press('Control+i');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'a souvenir').length).toBe(1);
    await expect.poll(status).toContain('In-vivo code “a souvenir” applied');
    await expect.poll(() => page.getByRole('button', { name: 'Undo In-vivo code ‘a souvenir’', exact: true }).count()).toBe(1);

    await page.keyboard.press('Control+z');
    await expect.poll(() => codeExists(app, 'a souvenir')).toBe(false);
    expect(codingsInFile(app, SOURCE).some((c) => c.quote === 'a souvenir')).toBe(false);
    await expect.poll(() => tree().getByRole('treeitem', { name: /a souvenir/ }).count()).toBe(0);
    await expect.poll(status).not.toContain('In-vivo');
    // The demo's own history is untouched: nothing more to undo of this session.
    await expect.poll(() => page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => codeCount(app, 'a souvenir')).toBe(1);
  });

  it('undoes a new category, its coding and the memo written in its dialog in one step', async () => {
    const { page } = app;
    await selectPhrase(page, 'I am not against sharing');
    await page.keyboard.press('Control+Alt+i');
    const dialog = page.getByRole('dialog', { name: 'New category from this passage' });
    await dialog.getByLabel('Category name').fill('Reuse of teaching materials');
    await dialog.getByLabel('Why this category?').fill('Authors want to reuse their case studies.');
    await dialog.getByRole('button', { name: 'Create category' }).click();
    await expect.poll(() => memosOn(app, 'Reuse of teaching materials')).toBe(1);
    expect(codeCount(app, 'Reuse of teaching materials')).toBe(1);
    // Back in the document once the dialog has closed, where Ctrl+Z undoes project changes.
    await expect.poll(() => dialog.count()).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(() => codeExists(app, 'Reuse of teaching materials')).toBe(false);
    expect(memosOn(app, 'Reuse of teaching materials')).toBe(0);
    expect(codingsInFile(app, SOURCE).some((c) => c.quote === 'I am not against sharing')).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
  });

  it('undoes a code created from the code picker together with its coding', async () => {
    const { page } = app;
    await selectPhrase(page, 'Some outcomes need laboratory work');
    await page.keyboard.press('Control+k');
    const picker = page.getByRole('dialog', { name: 'Apply a code to the selection' });
    await picker.getByRole('combobox').fill('Practical assessment');
    await picker.getByRole('option', { name: /Create code “Practical assessment”/ }).click();
    await expect.poll(() => codeCount(app, 'Practical assessment')).toBe(1);
    await expect.poll(() => picker.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('mg-doc'))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => codeExists(app, 'Practical assessment')).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
  });
});
