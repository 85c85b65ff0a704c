import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../electron/backend/host.ts';
import { addNotice } from '../../electron/backend/repositories/team-sync.ts';
import { startServer, startTeamPg } from '../helpers/team-pg.ts';
import { useDemoApp, type App } from './harness.ts';

/** WCAG 2.0 and 2.1, levels A and AA: what the workbench promises its users. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * A line per rule broken in one state of a view, then each element that breaks it (its
 * selector) with axe's account of why, so a failure names what to fix and where.
 */
function describeViolations(where: string, violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const why = (n.failureSummary ?? '').split('\n').map((l) => `      ${l.trim()}`).join('\n');
        return `    ${n.target.map(String).join(' >>> ')}\n${why}`;
      });
      return `${where}: ${v.id} (${v.impact ?? 'unrated'}) ${v.help} — ${v.nodes.length} element(s), ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** Runs axe on the page as it stands, keeps a screenshot of it, and returns what it found (empty when clean). */
async function audit(app: App, where: string): Promise<string> {
  await app.screenshot(`a11y-${where.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
  const { violations } = await new AxeBuilder({ page: app.page }).withTags(WCAG_AA).analyze();
  return describeViolations(where, violations);
}

/** Compares a count, not the text, so the report is printed once rather than again as a diff. */
function expectClean(reports: string[]): void {
  const found = reports.filter((r) => r !== '');
  expect(found.length, `axe found WCAG 2.1 AA violations:\n${found.join('\n')}\n`).toBe(0);
}

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).getAttribute('aria-current')).toBe('page');
}

describe('accessibility of the main views (axe, WCAG 2.1 A and AA)', () => {
  const app = useDemoApp();

  it('Sources: an interview open with its highlights, a coding selected, and a hover card', async () => {
    const { page } = app;
    const reports: string[] = [];
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Interview with PA/ }).click();
    await expect.poll(() => page.locator('mark.mg-coding').count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator('.mg-stripe-label').count()).toBeGreaterThan(0);
    reports.push(await audit(app, 'Sources, interview open'));

    // A selected coding draws its highlight at full strength behind the text.
    await page.locator('.mg-stripe').first().click();
    await expect.poll(() => page.getByRole('group', { name: 'Selected coding' }).count()).toBe(1);
    await expect.poll(() => page.locator('mark.mg-coding.mg-selected').count()).toBeGreaterThan(0);
    reports.push(await audit(app, 'Sources, coding selected'));

    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /questionnaire/ }).click();
    await expect.poll(() => page.locator('.mg-question').count()).toBeGreaterThan(5);
    reports.push(await audit(app, 'Sources, questionnaire open'));

    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /policy/ }).click();
    await expect.poll(() => page.locator('.mg-heading').count()).toBeGreaterThan(2);
    await page.locator('mark.mg-coding').first().hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('e2e-coder');
    reports.push(await audit(app, 'Sources, document with hover card'));
    expectClean(reports);
  });

  it('Codebook: codes with a code selected, inductive categories, crosswalk', async () => {
    const { page } = app;
    const reports: string[] = [];
    await openView(page, 'Codebook');
    const tree = page.getByRole('tree', { name: 'Codebook tree' });
    await tree.getByRole('treeitem', { name: /^Flexibility/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Code name' }).inputValue()).toBe('Flexibility');
    reports.push(await audit(app, 'Codebook, codes'));
    for (const tab of ['Inductive categories', 'Crosswalk']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByRole('tabpanel').locator('table').count()).toBeGreaterThan(0);
      reports.push(await audit(app, `Codebook, ${tab}`));
    }
    expectClean(reports);
  });

  it('the keyboard cheat sheet (F1)', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('.statusbar').count()).toBe(1);
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    const report = await audit(app, 'Keyboard shortcuts');
    await page.keyboard.press('Escape');
    expectClean([report]);
  });

  it('Participants', async () => {
    const { page } = app;
    await openView(page, 'Participants');
    await expect.poll(() => page.getByRole('region', { name: 'Participants' }).locator('tbody tr').count()).toBe(3);
    expectClean([await audit(app, 'Participants')]);
  });

  it('Analysis: every tab, with the excerpts of a cell drilled into', async () => {
    const { page } = app;
    const reports: string[] = [];
    await openView(page, 'Analysis');
    const tab = async (name: string) => {
      await page.getByRole('tab', { name }).click();
      await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
    };

    await tab('Coded excerpts');
    await page.getByRole('combobox', { name: 'Code', exact: true }).selectOption({ label: 'Why' });
    await expect.poll(() => page.getByRole('region', { name: 'Excerpts' }).locator('li').count()).toBeGreaterThan(2);
    reports.push(await audit(app, 'Analysis, coded excerpts'));

    await tab('Frequency');
    await expect.poll(() => page.locator('table.matrix tbody tr').count()).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.chart-box .recharts-bar-rectangle').count()).toBeGreaterThan(8);
    reports.push(await audit(app, 'Analysis, frequency'));
    await page.getByRole('table', { name: 'Codings by participant' }).getByRole('row', { name: /Value added/ }).getByRole('button', { name: /, PB:/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Excerpts' }).locator('li').count()).toBeGreaterThan(0);
    reports.push(await audit(app, 'Analysis, frequency with excerpts'));

    await tab('Co-occurrence');
    await expect.poll(() => page.getByRole('table', { name: /Co-occurrence/ }).locator('tbody tr').count()).toBeGreaterThan(3);
    reports.push(await audit(app, 'Analysis, co-occurrence'));

    await tab('Frameworks');
    await expect.poll(() => page.getByRole('tabpanel').locator('table').count()).toBeGreaterThan(0);
    reports.push(await audit(app, 'Analysis, frameworks'));

    await tab('Words');
    await expect.poll(() => page.locator('.words-table tbody tr').count()).toBeGreaterThan(20);
    reports.push(await audit(app, 'Analysis, words'));
    expectClean(reports);
  });

  it('Search: a query with hits', async () => {
    const { page } = app;
    await openView(page, 'Search');
    await page.getByRole('searchbox', { name: 'Search all sources' }).fill('employer*');
    await page.getByRole('searchbox', { name: 'Search all sources' }).press('Enter');
    await expect.poll(() => page.getByRole('table', { name: 'Search hits' }).locator('tbody tr').count()).toBeGreaterThan(2);
    expectClean([await audit(app, 'Search')]);
  });

  it('Snapshots: the list, the restore confirmation, and the read-only banner', async () => {
    const { page } = app;
    const reports: string[] = [];
    await page.getByRole('button', { name: 'Snapshots…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    await expect.poll(() => dialog.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    reports.push(await audit(app, 'Snapshots list'));
    await dialog.getByRole('button', { name: /^Restore the snapshot from/ }).first().click();
    await expect.poll(() => dialog.getByRole('group', { name: 'Confirm the restore' }).count()).toBe(1);
    reports.push(await audit(app, 'Snapshots restore confirmation'));
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Another Host writes a project (its own demo); this app opens it, so only to read.
    const writer = new Host({ home: join(app.dir, 'writer-home'), coderName: 'writer' });
    try {
      expect((await writer.call('project.openDemo', {})).ok).toBe(true);
      expect((await app.host.call('project.open', { path: writer.demoPath })).ok).toBe(true);
      await page.reload();
      await expect.poll(() => page.getByRole('region', { name: 'Project warnings' }).count()).toBe(1);
      reports.push(await audit(app, 'Read-only banner'));
    } finally {
      writer.close();
    }
    expectClean(reports);
  });

  it('Team projects: share, members (token shown, revoke confirmation), the status panel with notices, and join', async () => {
    const { page } = app;
    const reports: string[] = [];
    const pg = await startTeamPg();
    try {
      const server = await startServer(await pg.newDatabase());
      try {
        await openView(page, 'Team');
        await page.getByRole('button', { name: 'Share to team server…' }).click();
        const share = page.getByRole('dialog', { name: 'Share to team server' });
        reports.push(await audit(app, 'Share to team server'));
        await share.getByRole('textbox', { name: 'Server address' }).fill(server.url);
        await share.getByLabel('Owner token').fill(server.token);
        await share.getByRole('button', { name: 'Share' }).click();
        const shared = page.getByRole('dialog', { name: 'Shared to the team server' });
        await expect.poll(() => shared.getByRole('textbox', { name: 'Team project id' }).count()).toBe(1);
        reports.push(await audit(app, 'Shared to the team server'));

        await shared.getByRole('button', { name: 'Team members…' }).click();
        const members = page.getByRole('dialog', { name: 'Team members' });
        await expect.poll(() => members.getByRole('table', { name: 'Team members' }).locator('tbody tr').count()).toBe(1);
        await members.getByRole('textbox', { name: 'Name' }).fill('Ana');
        await members.getByRole('button', { name: 'Add', exact: true }).click();
        await expect.poll(() => members.getByRole('textbox', { name: 'Token for Ana' }).count()).toBe(1);
        reports.push(await audit(app, 'Team members, a token shown'));
        await members.getByRole('button', { name: 'Revoke Ana' }).click();
        const confirm = members.getByRole('group', { name: 'Revoke Ana' });
        reports.push(await audit(app, 'Team members, revoke confirmation'));
        await confirm.getByRole('button', { name: 'Revoke Ana' }).click();
        await expect.poll(() => members.getByRole('row', { name: /^Ana/ }).textContent()).toContain('revoked');
        await members.getByRole('button', { name: 'Close' }).click();

        // A notice as a sync leaves one; the panel lists it and Dismiss takes it away.
        const db = app.host.current!.db;
        db.transaction(() => addNotice(db, { at: new Date().toISOString(), kind: 'kept-for-use', message: 'Code ‘Trust’, deleted by owner, was kept: Ana coded with it at the same time.', seq: 1 }));
        const line = page.getByRole('group', { name: 'Team project' }).locator('.tsync-status');
        await expect.poll(() => line.textContent()).toContain('1 notice');
        await line.click();
        const panel = page.getByRole('dialog', { name: 'Team project' });
        await expect.poll(() => panel.getByRole('listitem').count()).toBe(1);
        reports.push(await audit(app, 'Team project status panel'));
        await panel.getByRole('button', { name: /^Dismiss: Code ‘Trust’/ }).click();
        await expect.poll(() => panel.getByRole('list', { name: /Notices/ }).count()).toBe(0);
        await panel.getByRole('button', { name: 'Close' }).click();

        // Join, from the Open dialog: a refused token said in the dialog, then the server's list.
        await page.getByRole('button', { name: 'Open…' }).click();
        await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: 'Join a team project…' }).click();
        const join = page.getByRole('dialog', { name: 'Join a team project' });
        await join.getByRole('textbox', { name: 'Server address' }).fill(server.url);
        await join.getByLabel('Your token').fill('wrong-token-wrong-token');
        await join.getByRole('button', { name: 'List the team projects' }).click();
        await expect.poll(() => join.getByRole('alert').textContent()).toContain('refused the token');
        reports.push(await audit(app, 'Join a team project, token refused'));
        await join.getByLabel('Your token').fill(server.token);
        await join.getByRole('button', { name: 'List the team projects' }).click();
        await expect.poll(() => join.getByRole('radio').count()).toBe(1);
        reports.push(await audit(app, 'Join a team project, the server’s list'));
        await join.getByRole('button', { name: 'Cancel' }).click();
      } finally {
        await server.close();
      }
    } finally {
      await pg.stop();
    }
    expectClean(reports);
  }, 120_000);
});
