import { AxeBuilder } from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nvivoWindows } from '../helpers/refi-fixtures.ts';
import { useDemoApp } from './harness.ts';

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const qdpxUpload = () => ({ name: 'micro.qdpx', mimeType: 'application/zip', buffer: Buffer.from(nvivoWindows()) });

describe('REFI-QDA exchange in the UI', () => {
  const app = useDemoApp();

  it('exports the project as .qdpx, and imports an NVivo project into the open one after a preview', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the project as .qdpx' }).click()]);
    expect(download.suggestedFilename()).toBe('northbridge-micro-credentials-demo.qdpx');
    await download.saveAs(join(app.dir, 'demo.qdpx'));
    const qde = strFromU8(unzipSync(readFileSync(join(app.dir, 'demo.qdpx')))['project.qde']!);
    expect(qde).toContain('<Project xmlns="urn:QDA-XML:project:1.0" name="Northbridge micro-credentials (demo)"');
    await expect.poll(() => page.locator('.xch-saved').textContent()).toMatch(/^Saved northbridge-micro-credentials-demo\.qdpx: 6 sources, 13 codes, 44 codings, 3 cases, 8 memos\./);

    const sourcesBefore = Number((await page.locator('.statusbar span').first().textContent())!.split(' ')[0]);
    await page.getByRole('button', { name: 'Import a REFI-QDA project or codebook…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a REFI-QDA project or codebook' });
    await dialog.getByLabel('REFI-QDA file').setInputFiles(qdpxUpload());
    await expect.poll(() => dialog.getByRole('heading', { name: 'Will import' }).count()).toBe(1);
    await expect.poll(() => dialog.locator('.xch-counts').textContent()).toContain('1 source, 3 codings, 2 memos');
    await expect.poll(() => dialog.locator('.xch-origin').textContent()).toBe('micro.qdpx · written by NVivo 12 for Windows');
    await app.screenshot('exchange-preview');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import into Northbridge micro-credentials (demo)' }).click();
    await expect.poll(() => dialog.getByRole('heading', { name: 'Imported' }).count()).toBe(1);
    await expect.poll(() => dialog.textContent()).toContain('Undo takes the whole import back in one step.');
    await app.screenshot('exchange-report');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.statusbar span').first().textContent()).toBe(`${sourcesBefore + 1} sources`);
  });

  it('opens a project from NVivo as a new project file, from the Open dialog', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: 'Open a project from NVivo, ATLAS.ti, MAXQDA…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await expect.poll(() => dialog.getByRole('radio', { name: /^From a project made in NVivo/ }).isChecked()).toBe(true);
    await dialog.getByLabel('REFI-QDA project file').setInputFiles(qdpxUpload());
    // The name comes from the file; where it goes is shown before anything is written.
    await expect.poll(() => dialog.getByLabel('Project name').inputValue()).toBe('micro');
    await expect.poll(() => dialog.locator('.project-target').textContent()).toMatch(/[\\/]micro\.marginalia$/);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const result = page.getByRole('dialog', { name: 'New project from a REFI-QDA file' });
    await expect.poll(() => result.getByRole('heading', { name: 'Imported' }).count()).toBe(1);
    await expect.poll(() => result.locator('.xch-counts').textContent()).toContain('3 codes added');
    await result.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.project-name').textContent()).toBe('micro');
    await expect.poll(() => page.locator('.statusbar').textContent()).toContain('1 sources');
  });
});
