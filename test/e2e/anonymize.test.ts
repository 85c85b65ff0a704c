import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoApp, type App } from './harness.ts';
import { selectPhrase } from './workbench-helpers.ts';

const TERMS = 'Northbridge University | University\nNorthbridge | University\nCentre for Digital Education | Unit';
const PASSPHRASE = 'a long passphrase for the key';

/** WCAG 2.1 A and AA violations of the page as it stands, one line each with where; a screenshot kept. */
async function axe(app: App, where: string): Promise<string[]> {
  await app.screenshot(`anonymize-${where}`);
  const { violations } = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${where}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function openView(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
  await nav.click();
  await expect.poll(() => nav.getAttribute('aria-current')).toBe('page');
}

/** Every source text of the project the app has open, as stored. */
const texts = (app: App): string => (app.host.current!.db.raw.prepare('SELECT text FROM sources ORDER BY id').all() as { text: string }[]).map((r) => r.text).join('\n');
/** Whole-word occurrences (“Europe” is not counted in “European”). */
const count = (haystack: string, needle: string): number =>
  haystack.match(new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
const fileHash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('pseudonymizing the demo and reviewing the copy', () => {
  const app = useDemoApp();

  it('finds identifiers, takes a review (a term kept, one occurrence kept, a replacement reworded), makes the copy and opens it read-only', async () => {
    const { page } = app;
    const violations: string[] = [];
    const originalTexts = texts(app);
    expect(count(originalTexts, 'Europe')).toBe(2);
    await openView(page, 'Integrity');
    const lists = page.getByRole('region', { name: '1 · Lists and rules' });
    await expect.poll(() => page.getByRole('region', { name: '2 · Proposals' }).textContent()).toContain('Find identifiers');
    violations.push(...(await axe(app, 'start')));
    await lists.getByRole('textbox', { name: 'Places, institutions, projects' }).fill(TERMS);
    await lists.getByRole('button', { name: 'Find identifiers' }).click();

    const terms = page.getByRole('table', { name: 'Terms found' });
    await expect.poll(() => terms.locator('tbody tr').count()).toBeGreaterThan(4);
    // The lists were saved as the project's settings.
    expect((await app.host.call('anonymize.settings', {})) as { ok: true; value: { terms: string } }).toMatchObject({ value: { terms: TERMS } });
    const byKind = page.getByRole('table', { name: 'Proposals by kind' });
    expect(await byKind.getByRole('row', { name: /Terms list/ }).textContent()).toMatch(/Terms list3\s*2020/);

    // A guessed name that is no one's: kept as written, the whole term.
    const licence = terms.getByRole('row', { name: /Creative Commons/ });
    await licence.getByRole('group', { name: 'Decision: Creative Commons' }).getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => licence.getByRole('button', { name: 'Keep' }).getAttribute('aria-pressed')).toBe('true');

    // One of the two “Europe”s is kept, the other replaced.
    await terms.getByRole('button', { name: 'Europe', exact: true }).click();
    const occurrences = page.getByRole('list', { name: 'Occurrences of Europe' });
    await expect.poll(() => occurrences.getByRole('listitem').count()).toBe(2);
    const first = occurrences.getByRole('listitem').first();
    await first.getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => first.textContent()).toContain('decided here');
    await expect.poll(() => terms.getByRole('row', { name: /Europe/ }).textContent()).toContain('1/2');

    // The centre gets words of the researcher's choosing.
    await terms.getByRole('button', { name: 'Centre for Digital Education', exact: true }).click();
    const reword = page.getByRole('textbox', { name: 'Replace with' });
    await expect.poll(() => reword.inputValue()).toBe('[Unit 1]');
    await reword.fill('[the design unit]');
    await page.getByRole('button', { name: 'Use', exact: true }).click();
    await expect.poll(() => terms.getByRole('row', { name: /Centre for Digital Education/ }).textContent()).toContain('[the design unit]');
    const context = page.getByRole('list', { name: 'Occurrences of Centre for Digital Education' }).getByRole('listitem').first();
    await expect.poll(() => context.textContent()).toContain('becomes [the design unit]');
    await page.mouse.move(5, 5);
    violations.push(...(await axe(app, 'review')));

    // The copy: a folder to share, the key kept elsewhere.
    mkdirSync(join(app.dir, 'share'));
    mkdirSync(join(app.dir, 'keys'));
    const out = join(app.dir, 'share', 'demo-pseudonymized.marginalia');
    const keyPath = join(app.dir, 'keys', 'demo.key');
    await page.getByRole('region', { name: '2 · Proposals' }).getByRole('button', { name: 'Make pseudonymized copy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a pseudonymized copy' });
    await dialog.getByRole('textbox', { name: 'Copy (a new project file)' }).fill(out);
    await dialog.getByRole('textbox', { name: 'Key file' }).fill(keyPath);
    await dialog.getByLabel('Passphrase for the key').fill(PASSPHRASE);
    await dialog.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
    await expect.poll(() => dialog.textContent()).toContain('The two passphrases differ.');
    expect(await dialog.getByRole('button', { name: 'Make copy' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
    violations.push(...(await axe(app, 'copy-dialog')));
    await dialog.getByRole('button', { name: 'Make copy' }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain('The pseudonymized copy is made.');
    expect(await dialog.textContent()).toContain(keyPath);
    expect(await dialog.getByRole('table', { name: 'What was replaced' }).textContent()).toMatch(/Terms list320/);
    violations.push(...(await axe(app, 'copy-made')));
    const demoPath = app.host.current!.db.path;
    expect(texts(app)).toBe(originalTexts);

    expect(await dialog.getByRole('button', { name: 'Open the copy for review' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // As a reviewer who was sent the file: Open…, its path, Open for review.
    await page.getByRole('button', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open project' });
    await open.getByRole('textbox', { name: 'Project file path' }).fill(out);
    await open.getByRole('button', { name: 'Open for review (read-only)' }).click();
    const banner = page.getByRole('region', { name: 'Reviewer mode' });
    await expect.poll(() => banner.textContent()).toContain('Reviewer mode · read-only');
    await expect.poll(() => banner.getByRole('status').textContent()).toBe('✓ verified against its seal');
    expect(app.host.current!.db.path).toBe(out);
    expect(app.host.current!.db.path).not.toBe(demoPath);
    // The review as decided: the licence and one “Europe” kept, the centre reworded, the university gone.
    const copied = texts(app);
    expect(count(copied, 'Northbridge')).toBe(0);
    expect(count(copied, 'Creative Commons')).toBe(count(originalTexts, 'Creative Commons'));
    expect(count(copied, 'Europe')).toBe(1);
    expect(count(copied, '[the design unit]')).toBe(2);
    expect(count(copied, '[University 1]')).toBe(count(originalTexts, 'Northbridge University'));

    // One banner says read-only (not the reviewer's and the safety one both); nothing offers a change.
    expect(await page.getByRole('region', { name: 'Project warnings' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import…' }).count()).toBe(0);
    // A click on a code, or a number key, with a passage selected changes nothing in the file.
    const before = fileHash(out);
    const codings = (app.host.current!.db.raw.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
    await openView(page, 'Sources');
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Interview with PA/ }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('Some outcomes need laboratory work');
    await expect.poll(() => page.locator('mark.mg-coding').count()).toBeGreaterThan(3);
    await selectPhrase(page, 'Some outcomes need laboratory work');
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Read-only here: codings can be read and stepped through');
    expect(await page.getByRole('toolbar', { name: 'Coding' }).count()).toBe(0);
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).click();
    await selectPhrase(page, 'Some outcomes need laboratory work');
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.doc-status').textContent()).toContain('open read-only here');
    expect((app.host.current!.db.raw.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n).toBe(codings);
    expect(fileHash(out)).toBe(before);
    await app.screenshot('anonymize-reviewer-sources');

    // The manifest and the trail a reviewer checks.
    await banner.getByRole('button', { name: 'Integrity manifest' }).click();
    const verdict = page.getByRole('status', { name: 'Verification' });
    await expect.poll(() => verdict.textContent()).toContain('✓ Verified: nothing was changed outside Marginalia');
    expect(await page.getByRole('table', { name: 'Sources and their codings' }).locator('tbody tr').count()).toBe(6);
    expect(await page.getByRole('table', { name: 'Replacements by kind' }).textContent()).toContain('Kept as written by a decision');
    expect(await page.getByRole('button', { name: 'Seal now' }).isDisabled()).toBe(true);
    violations.push(...(await axe(app, 'manifest')));

    await page.getByRole('tab', { name: 'Audit trail' }).click();
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await expect.poll(() => entries.locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await entries.locator('tbody tr').first().textContent()).toContain('seal project');
    await expect.poll(() => page.locator('.chain-status').textContent()).toMatch(/^✓ Chain intact: \d+ entries$/);
    await page.getByRole('combobox', { name: 'Kind of change' }).selectOption('anonymize');
    await expect.poll(() => entries.locator('tbody tr').count()).toBe(1);
    expect(await entries.textContent()).not.toContain('Northbridge');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFFEntry,Time,Coder,Action,Entity/);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(2);
    violations.push(...(await axe(app, 'audit-trail')));

    await page.getByRole('tab', { name: 'Pseudonymize' }).click();
    await expect.poll(() => page.locator('.integrity-readonly').textContent()).toContain('Reviewer mode');
    expect(violations).toEqual([]);
  });
});

describe('the audit trail and the manifest of a project being worked on', () => {
  const app = useDemoApp();

  it('shows a change before and after, seals, and names a text and an audit entry changed outside Marginalia', async () => {
    const { page, host } = app;
    const codes = (await host.call('codes.list', {})) as { ok: true; value: { id: number; name: string }[] };
    const why = codes.value.find((c) => c.name === 'Why')!;
    expect((await host.call('codes.rename', { id: why.id, name: 'Motives' })).ok).toBe(true);

    await openView(page, 'Integrity');
    await page.getByRole('tab', { name: 'Integrity manifest' }).click();
    const verdict = page.getByRole('status', { name: 'Verification' });
    await expect.poll(() => verdict.textContent()).toContain('Never sealed');
    await page.getByRole('button', { name: 'Seal now' }).click();
    await expect.poll(() => verdict.textContent()).toMatch(/✓ Verified.*Compared with the seal of .* by e2e-coder/);

    await page.getByRole('tab', { name: 'Audit trail' }).click();
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await expect.poll(() => entries.locator('tbody tr').first().textContent()).toContain('seal project');
    const rename = entries.getByRole('row', { name: /rename code/ });
    expect(await rename.locator('.audit-before').textContent()).toBe('Why');
    expect(await rename.locator('.audit-after').textContent()).toBe('Motives');
    await expect.poll(() => page.locator('.chain-status').textContent()).toMatch(/^✓ Chain intact/);
    await page.mouse.move(5, 5);
    const clean = await axe(app, 'audit-trail-demo');

    // Someone with an SQLite shell: a text changed, then an old audit entry rewritten.
    const shell = new Database(host.current!.db.path);
    shell.prepare("UPDATE sources SET text = replace(text, 'structural design', 'structural drawing') WHERE name = 'Interview with PA'").run();
    shell.exec('DROP TRIGGER audit_log_no_update');
    shell.prepare("UPDATE audit_log SET detail = '{\"before\":\"Why\",\"after\":\"Reasons\"}' WHERE action = 'rename' AND entity = 'code'").run();
    shell.close();
    await page.getByRole('tab', { name: 'Integrity manifest' }).click();
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => verdict.textContent()).toContain('✗ Not verified');
    expect(await verdict.textContent()).toMatch(/the text of source “Interview with PA” \(id 1\) was changed since the seal/);
    expect(await verdict.textContent()).toMatch(/audit entry #\d+ \(rename code \d+, [^)]+\) was changed after it was written/);
    await app.screenshot('anonymize-tampered-manifest');
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await expect.poll(() => page.locator('.chain-status').textContent()).toMatch(/^✗ Chain broken: audit entry #\d+ \(rename code/);
    expect([...clean, ...(await axe(app, 'audit-trail-broken'))]).toEqual([]);
  });
});
