import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';
import { parseCsv } from '../integration/export/setup.ts';

/** WCAG 2.1 AA violations on the page as it stands, one line each (empty when clean). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('Export view', () => {
  const app = useDemoApp();

  it('exports one category’s excerpts, filtered to one participant, as CSV', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const codes = page.getByRole('list', { name: 'Codes to export' });
    await codes.getByRole('checkbox', { name: /^Definition\b/ }).check();
    await expect.poll(() => page.locator('.export-match').textContent()).toMatch(/^7 excerpts from 3 participants/);
    await page.getByRole('group', { name: 'Participants' }).getByRole('checkbox', { name: /^PA\b/ }).check();
    await expect.poll(() => page.locator('.export-match').textContent()).toMatch(/^3 excerpts from 1 participant in /);
    await page.getByRole('group', { name: 'Format' }).first().getByRole('radio', { name: /^CSV/ }).check();
    await app.screenshot('export-view');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export 3 excerpts as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('coded-excerpts-definition.csv');
    const file = join(app.dir, 'definition.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header!.slice(0, 4)).toEqual(['Code path', 'Code', 'Section', 'Participant']);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.slice(0, 4)).toEqual(['What / Definition', 'Definition', 'What', 'PA']);
    expect(rows.map((r) => r[header!.indexOf('Quote')])).toContain(
      'For me it is a small, assessed piece of learning with clearly stated outcomes, and a record that someone else can check.',
    );
  });

  it('exports a category with its subcodes as a Word report, and the codebook', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('list', { name: 'Codes to export' }).getByRole('checkbox', { name: /^Why\b/ }).check();
    // Subcodes come with their parent: ticked, and not to be unticked alone.
    const value = page.getByRole('checkbox', { name: /^Value added\b/ });
    await expect.poll(() => value.isChecked()).toBe(true);
    await expect.poll(() => value.isDisabled()).toBe(true);
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export 9 excerpts as Word' }).click()]);
    expect(report.suggestedFilename()).toBe('coded-excerpts-why.docx');
    await report.saveAs(join(app.dir, 'why.docx'));
    expect(readFileSync(join(app.dir, 'why.docx')).subarray(0, 2).toString()).toBe('PK');

    await page.getByRole('group', { name: 'Format' }).nth(1).getByRole('radio', { name: /^Markdown/ }).check();
    const [codebook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export codebook' }).click()]);
    await codebook.saveAs(join(app.dir, 'codebook.md'));
    expect(readFileSync(join(app.dir, 'codebook.md'), 'utf8')).toContain('## Intellectual property');
  });

  it('exports the excerpts behind one frequency cell, all of them, from the Analysis view', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    const cell = page.getByRole('table', { name: 'Codings by participant' }).getByRole('row', { name: /Institutional strategy/ }).getByRole('button', { name: /, PA:/ });
    const n = Number(await cell.textContent());
    expect(n).toBeGreaterThan(0);
    await cell.click();
    const panel = page.getByRole('region', { name: 'Excerpts' });
    await expect.poll(() => panel.locator('.pane-header h2').textContent()).toBe('Institutional strategy · PA');
    await panel.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export excerpts' });
    await dialog.getByRole('radio', { name: /^Markdown/ }).check();
    await dialog.getByRole('checkbox', { name: 'Include coding memos' }).check();
    await app.screenshot('export-from-cell');
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await download.saveAs(join(app.dir, 'cell.md'));
    const md = readFileSync(join(app.dir, 'cell.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# Coded excerpts: Institutional strategy · PA');
    const citations = md.split('\n').filter((l) => l.startsWith('> — '));
    expect(citations).toHaveLength(n);
    expect(citations.every((c) => c.startsWith('> — PA, '))).toBe(true);
    expect(md).toContain('**Memo:** Resourcing concern that PA did not raise in the interview.');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
