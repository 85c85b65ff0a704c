import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';
import { codingsInFile, selectPhrase } from './workbench-helpers.ts';

const SOURCE = 'Interview with PA';

describe('keyboard shortcuts', () => {
  // The page's key handlers are in place once the project is shown.
  const app = useDemoApp(async ({ page }) => {
    await expect.poll(() => page.locator('.statusbar').count()).toBe(1);
  });
  const focusIsInDocument = () => app.page.evaluate(() => document.activeElement?.classList.contains('mg-doc') ?? false);

  it('F1 and ? show every shortcut from one map, grouped by where it works', async () => {
    const { page } = app;
    await page.keyboard.press('F1');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.count()).toBe(1);
    const document = sheet.getByRole('region', { name: 'In the document text' });
    await expect.poll(() => document.textContent()).toContain('In vivo: a new code named after the selected words');
    expect(await document.locator('dt', { hasText: 'Ctrl+I' }).count()).toBe(1);
    // Import moved off Ctrl+I, which is in vivo in the document.
    const anywhere = sheet.getByRole('region', { name: 'Anywhere' });
    expect(await anywhere.textContent()).toContain('Ctrl+Shift+OImport transcripts');
    await app.screenshot('shortcuts-cheat-sheet');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);

    // ? outside a text field opens it too; in a text field it is just a question mark.
    await page.getByRole('listbox', { name: 'Sources' }).focus();
    await page.keyboard.press('Shift+Slash');
    await expect.poll(() => sheet.count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('Ctrl+E puts the caret in the document from anywhere, and a number of keys work at once', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Codebook' }).click();
    await page.keyboard.press('Control+e');
    await expect.poll(focusIsInDocument).toBe(true);
    await expect.poll(() => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sources' }).getAttribute('aria-current')).toBe('page');

    // From the source list: one key, not twenty Tabs.
    const list = page.getByRole('listbox', { name: 'Sources' });
    await list.getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
    await list.focus();
    await page.keyboard.press('Control+e');
    await expect.poll(focusIsInDocument).toBe(true);
  });

  it('Ctrl+I in the document makes an in-vivo code and opens no import; Ctrl+Shift+O opens the import', async () => {
    const { page } = app;
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
    await selectPhrase(page, 'a souvenir');
    await page.keyboard.press('Control+i');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'a souvenir').length).toBe(1);
    expect(await page.getByRole('dialog', { name: /^Import/ }).count()).toBe(0);

    await page.keyboard.press('Control+Shift+o');
    const importDialog = page.getByRole('dialog', { name: /^Import/ });
    await expect.poll(() => importDialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => importDialog.count()).toBe(0);
  });

  it('after coding, the passage shows as coded rather than still selected, and the next selection starts fresh', async () => {
    const { page } = app;
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
    await selectPhrase(page, 'seismic retrofitting');
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).click();
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === 'seismic retrofitting').map((c) => c.code)).toEqual(['Flexibility']);
    // The selection gives way to the coding's highlight; the caret waits in the text after it.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed ?? true)).toBe(true);
    await expect.poll(() => page.locator('mark.mg-coding', { hasText: 'seismic retrofitting' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('mg-doc') ?? false)).toBe(true);
    expect(await page.getByRole('group', { name: 'Code keys' }).textContent()).toContain('Flexibility');
    await app.screenshot('coded-passage-after');
  });
});
