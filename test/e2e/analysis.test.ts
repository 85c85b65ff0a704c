import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useDemoApp, type App } from './harness.ts';

/** Codings per category and participant label, straight from the rows (independent of the backend's analysis code). */
function expectedCounts(app: App): Map<string, Map<string, number>> {
  const rows = app.host.current!.db.raw
    .prepare(`SELECT coalesce(parent.name || ' / ', '') || k.name AS path, coalesce(p.label, 'Unattributed') AS who, count(*) AS n
      FROM codings c JOIN codes k ON k.id = c.code_id LEFT JOIN codes parent ON parent.id = k.parent_id
      LEFT JOIN participants p ON p.id = (SELECT u.participant_id FROM units u WHERE u.source_id = c.source_id
        AND u.start <= c.start AND c.start < u.end ORDER BY u.start DESC, u.id DESC LIMIT 1)
      GROUP BY path, who`)
    .all() as { path: string; who: string; n: number }[];
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) out.set(r.path, (out.get(r.path) ?? new Map()).set(r.who, r.n));
  return out;
}

/** A small RFC 4180 reader (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  return rows;
}

const codingCount = (app: App) => (app.host.current!.db.raw.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;

async function openAnalysis(page: Page) {
  await page.getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Frequency' }).click();
  await expect.poll(() => page.locator('table.matrix tbody tr').count()).toBeGreaterThan(5);
}

describe('retrieval, search and analysis on the demo project', () => {
  const app = useDemoApp();

  it('charts category frequency by participant and by role, drills into a bar and a cell, and exports the matrix to CSV', async () => {
    const { page } = app;
    await openAnalysis(page);
    const table = page.getByRole('table', { name: 'Codings by participant' });
    expect(await table.locator('thead th').allTextContents()).toEqual(['Code', 'PA', 'PB', 'PC', 'Unattributed', 'Total']);
    const bars = page.locator('.chart-box .recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBeGreaterThan(8);
    await app.screenshot('analysis-frequency-participant');

    // Export what is shown and check its numbers against the raw rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('figure', { name: 'Codings by participant, table' }).getByRole('button', { name: 'CSV' }).click()]);
    const file = join(app.dir, 'frequency.csv');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('codings-by-participant.csv');
    const csv = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(['Code', 'PA', 'PB', 'PC', 'Unattributed', 'Total']);
    const expected = expectedCounts(app);
    const categories = csv.slice(1).filter((r) => r[0]!.includes(' / ') || r[0] === 'Intellectual property');
    expect(categories.length).toBe(8);
    for (const r of categories) {
      const want = expected.get(r[0]!) ?? new Map<string, number>();
      const cells = ['PA', 'PB', 'PC', 'Unattributed'].map((who) => want.get(who) ?? 0);
      expect(r.slice(1).map(Number), r[0]).toEqual([...cells, cells.reduce((a, b) => a + b, 0)]);
    }
    const why = csv.find((r) => r[0] === 'Why')!;
    const whyKids = categories.filter((r) => r[0]!.startsWith('Why / '));
    expect(why.slice(1).map(Number)).toEqual(why.slice(1).map((_, i) => whyKids.reduce((s, k) => s + Number(k[i + 1]), 0)));

    // Coverage in percent (never stacked: each column has its own denominator).
    await page.getByRole('radio', { name: 'Coverage %' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Coverage (% of text) by participant' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Coverage (% of text) by participant' }).locator('tbody tr').first().textContent()).toMatch(/%/);
    expect(await page.getByRole('radio', { name: 'Stacked' }).count()).toBe(0);
    await app.screenshot('analysis-frequency-coverage');

    // Codings stacked by participant; the chart saves as PNG and SVG.
    await page.getByRole('radio', { name: 'Codings' }).click();
    await page.getByRole('radio', { name: 'Stacked' }).click();
    const chart = page.getByRole('figure', { name: 'Codings by participant', exact: true });
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'PNG' }).click()]);
    // Kept beside the screenshots so the exported image itself can be looked at.
    await png.saveAs(join(SCREENSHOT_DIR, 'analysis-exported-chart.png'));
    await png.saveAs(join(app.dir, 'chart.png'));
    expect(readFileSync(join(app.dir, 'chart.png')).subarray(1, 4).toString()).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'SVG' }).click()]);
    await svg.saveAs(join(app.dir, 'chart.svg'));
    const svgText = readFileSync(join(app.dir, 'chart.svg'), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Definition');
    await page.getByRole('radio', { name: 'Grouped' }).click();

    // By role: subject-matter experts against the design team leader.
    await page.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'By role' });
    const byRole = page.getByRole('table', { name: 'Codings by role' });
    await expect.poll(() => byRole.locator('thead th').allTextContents()).toEqual(['Code', 'Design team leader (1)', 'Subject-matter expert (2)', 'Unattributed', 'Total']);
    await app.screenshot('analysis-frequency-role');

    // A bar opens its excerpts: the subject-matter experts' bar for Definition.
    const definitionRow = byRole.getByRole('row', { name: /Definition/ });
    const smeCell = definitionRow.getByRole('button', { name: /Subject-matter expert/ });
    const smeCount = Number(await smeCell.textContent());
    expect(smeCount).toBeGreaterThan(0);
    await page.locator('.chart-box rect[data-row="Definition"][data-series="Subject-matter expert"]').click();
    const panel = page.getByRole('region', { name: 'Excerpts' });
    await expect.poll(() => panel.locator('.pane-header h2').textContent()).toBe('Definition · Subject-matter expert');
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(smeCount);
    expect(await panel.locator('.participant-tag').allTextContents()).not.toContain('PC');
    await app.screenshot('analysis-drill-bar');

    // A cell does the same, and an excerpt expands to its context.
    await page.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Participants' });
    const cell = page.getByRole('table', { name: 'Codings by participant' }).getByRole('row', { name: /Value added/ }).getByRole('button', { name: /, PB:/ });
    const n = Number(await cell.textContent());
    await cell.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.pane-header h2').textContent()).toBe('Value added · PB');
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(n);
    await panel.getByRole('button', { name: 'Show context' }).first().click();
    await expect.poll(() => panel.locator('.excerpt-context mark').count()).toBe(1);
    await app.screenshot('analysis-drill-cell');
    // The panel lies over the view: the table stays where it was clicked.
    const withPanel = await table.boundingBox();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await table.boundingBox()).toEqual(withPanel);

    // The Coded excerpts tab, opened on the cell's excerpts, says in its filters what it lists.
    await cell.click();
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(n);
    await page.getByRole('tab', { name: 'Coded excerpts' }).click();
    const filters = page.getByRole('form', { name: 'Excerpt filters' });
    expect(await filters.getByRole('combobox', { name: 'Code', exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.textContent!.trim())).toBe('Value added');
    expect(await filters.getByRole('combobox', { name: 'Participant' }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.textContent)).toMatch(/^PB/);
    await expect.poll(() => page.getByRole('tabpanel', { name: 'Coded excerpts' }).locator('.excerpt').count()).toBe(n);
    await page.getByRole('tab', { name: 'Frequency' }).click();
  });

  it('searches all sources, codes every hit as one step and undoes it in one', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search all sources' });
    await box.fill('employer* NOT webinar');
    await box.press('Enter');
    const rows = page.getByRole('table', { name: 'Search hits' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const hits = await rows.count();
    expect(await rows.locator('.kwic-match').allTextContents()).toEqual(Array(hits).fill(expect.stringMatching(/^employer/i)));
    await app.screenshot('search-results');

    await page.getByRole('button', { name: 'Code all hits…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Code to apply' }).selectOption({ label: '\u2003Value added' });
    await expect.poll(() => dialog.locator('.hits-preview').textContent()).toContain(`${hits} hits`);
    await app.screenshot('search-code-hits');
    const before = codingCount(app);
    await dialog.getByRole('button', { name: /^Code \d+ passages?$/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(codingCount(app)).toBe(before + hits);
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain(`Coded ${hits} passages`);

    await page.getByRole('table', { name: 'Search hits' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => codingCount(app)).toBe(before);

    // A bad query is explained next to the box.
    await box.fill('"employer');
    await box.press('Enter');
    await expect.poll(() => page.locator('#search-help').textContent()).toContain('closing quote');
  });

  it('shows co-occurrence, framework coverage, word frequency and coded excerpts', async () => {
    const { page } = app;
    await openAnalysis(page);
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    const co = page.getByRole('table', { name: /Co-occurrence/ });
    await expect.poll(() => co.locator('tbody tr').count()).toBe(8);
    await page.getByRole('radio', { name: 'Same unit' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Co-occurrence: codings in the same unit' }).count()).toBe(1);
    await page.getByRole('table', { name: 'Co-occurrence: codings in the same unit' }).getByRole('row', { name: /^Value added/ }).getByRole('button', { name: /Institutional strategy: 2$/ }).click();
    const passages = page.getByRole('region', { name: 'Excerpts' });
    await expect.poll(() => passages.locator('.excerpt').count()).toBe(2);
    expect(await passages.locator('.pane-header h2').textContent()).toBe('Value added + Institutional strategy');
    await app.screenshot('analysis-cooccurrence');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Frameworks' }).click();
    await expect.poll(() => page.locator('.coverage-card').count()).toBe(2);
    expect(await page.locator('.coverage-card').first().textContent()).toMatch(/93% of items \(14\/15\)/);
    await app.screenshot('analysis-frameworks');

    await page.getByRole('tab', { name: 'Words' }).click();
    await expect.poll(() => page.locator('.words-table tbody tr').count()).toBeGreaterThan(20);
    expect(await page.locator('.words-table tbody tr td').first().textContent()).toBe('learning');
    await app.screenshot('analysis-words');

    await page.getByRole('tab', { name: 'Coded excerpts' }).click();
    await page.getByRole('combobox', { name: 'Code', exact: true }).selectOption({ label: 'Why' });
    const panel = page.getByRole('region', { name: 'Excerpts' });
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(9);
    await page.getByRole('combobox', { name: 'Participant' }).selectOption({ label: 'PA — Helena Varga' });
    await expect.poll(() => panel.locator('.excerpt').count()).toBeLessThan(9);
    await app.screenshot('analysis-excerpts');
    // The last excerpt lies further down its interview: the document must scroll to it.
    const quote = (await panel.locator('.excerpt').last().locator('blockquote, .excerpt-quote, q').first().textContent().catch(() => null)) ?? '';
    await panel.getByRole('button', { name: 'Open in document' }).last().click();
    await expect.poll(() => page.getByRole('button', { name: 'Sources' }).getAttribute('aria-current')).toBe('page');
    const selected = page.locator('mark.mg-coding.mg-selected').first();
    await expect.poll(() => selected.count()).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const box = await selected.boundingBox();
        return box !== null && box.y > 40 && box.y + 4 < 780;
      })
      .toBe(true);
    if (quote.trim()) expect(quote.replace(/\s+/g, ' ')).toContain((await selected.textContent())!.trim().slice(0, 20));
    await app.screenshot('analysis-jump-to-coding');
  });
});
