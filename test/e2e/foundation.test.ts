import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';

describe('the workbench on the demo project', () => {
  const app = useDemoApp();

  it('opens on the demo project and shows its sources, codebook and participants', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('.project-name').textContent()).toContain('Northbridge');
    const sources = page.getByRole('listbox', { name: 'Sources' });
    await expect.poll(() => sources.getByRole('option').count()).toBe(6);
    await sources.getByRole('option', { name: /Interview with PB/ }).click();
    await expect.poll(() => page.locator('.pane-header h2').first().textContent()).toBeTruthy();
    const doc = page.getByRole('article');
    await expect.poll(() => doc.textContent()).toContain('Interviewer');
    // Codings of the demo are drawn as highlights.
    expect(await doc.locator('mark.coded').count()).toBeGreaterThan(3);
    const tree = page.getByRole('tree', { name: 'Codes' });
    for (const section of ['Why', 'What', 'How', 'When', 'Where']) {
      await expect.poll(() => tree.getByRole('treeitem', { name: new RegExp(`^${section}`) }).count()).toBeGreaterThan(0);
    }
    expect(await tree.getByRole('treeitem', { name: /Intellectual property/ }).textContent()).toContain('ind');
    await app.screenshot('foundation-workbench');

    await page.getByRole('button', { name: 'Participants' }).click();
    const rows = page.locator('table.data-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('Subject-matter expert');
  });

  it('creates a code and renames it, and both survive a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByLabel('New code name').fill('Employer demand');
    await page.getByRole('button', { name: 'Create' }).click();
    const tree = page.getByRole('tree', { name: 'Codebook tree' });
    await expect.poll(() => tree.getByRole('treeitem', { name: /Employer demand/ }).count()).toBe(1);

    // Rename from the keyboard: the new code is selected; F2 edits it in place.
    await tree.focus();
    await page.keyboard.press('F2');
    const input = page.getByLabel('New name for Employer demand');
    await input.fill('Labour-market demand');
    await input.press('Enter');
    await expect.poll(() => tree.getByRole('treeitem', { name: /Labour-market demand/ }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: /Employer demand/ }).count()).toBe(0);
    await app.screenshot('foundation-codebook-renamed');

    await page.reload();
    await page.getByRole('button', { name: 'Codebook' }).click();
    await expect.poll(() => page.getByRole('tree', { name: 'Codebook tree' }).getByRole('treeitem', { name: /Labour-market demand/ }).count()).toBe(1);
    const audit = app.host.current!.db.raw.prepare("SELECT action FROM audit_log WHERE entity = 'code' ORDER BY id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'rename']);
  });

  it('refuses to create a code whose name is already taken at that level, and says so', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByLabel('New code name').fill('why');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('already exists');
  });
});
