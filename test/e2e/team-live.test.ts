import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, startTeamPg, type TeamPg, type TestTeamServer } from '../helpers/team-pg.ts';
import { closeBrowser, startApp, type App } from './harness.ts';
import { codingsInFile, selectPhrase } from './workbench-helpers.ts';

/**
 * A team project live, through the UI only: a team server on an embedded PostgreSQL; the
 * owner's browser-mode instance shares the demo and adds a coder; a second instance (its own
 * data folder) joins with that coder's token; a coding made in either appears in the other's
 * open document, and both status lines say synced.
 */

const SOURCE = 'Interview with PA';
const BEN_PHRASE = 'Some outcomes need laboratory work';
const OWNER_PHRASE = 'It keeps us in contact with alumni long after they graduate.';

let pg: TeamPg;
let server: TestTeamServer;
const apps: App[] = [];

beforeAll(async () => {
  pg = await startTeamPg();
  server = await startServer(await pg.newDatabase());
}, 120_000);

afterAll(async () => {
  for (const a of apps.reverse()) await a.close();
  await closeBrowser();
  await server?.close();
  await pg?.stop();
}, 120_000);

/** A coding's stripe: "Flexibility: “Some…" or, with several coders, "Flexibility (Ben): “Some…". */
const stripe = (page: Page, code: string, start: string) => page.locator(`.mg-stripe[aria-label^="${code}"][aria-label*=": “${start}"]`);

async function openInterview(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sources' }).click();
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
  await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
}

/** Selects a phrase and codes it with Flexibility from the codebook, as a mouse user does. */
async function codeWithFlexibility(page: Page, phrase: string): Promise<void> {
  await selectPhrase(page, phrase);
  await expect.poll(() => page.locator('.doc-status').textContent()).toContain(`${phrase.length} characters selected`);
  await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).click();
}

/** The visible stripe of a coding (stripes are drawn for what is on screen). */
async function stripeCount(page: Page, code: string, phrase: string): Promise<number> {
  const mark = page.locator('mark.mg-coding', { hasText: phrase.slice(0, 20) });
  if ((await mark.count()) > 0) await mark.first().scrollIntoViewIfNeeded();
  return stripe(page, code, phrase.slice(0, 12)).count();
}

const statusLine = (page: Page) => page.getByRole('group', { name: 'Team project' }).locator('.tsync-status');

describe('team project, live between two instances', () => {
  it('shares the demo, adds a coder, joins from a second instance, and codings travel both ways', async () => {
    const owner = await startApp();
    apps.push(owner);
    const ben = await startApp({ noProject: true, coderName: 'Ben' });
    apps.push(ben);

    // --- The owner shares the demo from the Team view.
    const op = owner.page;
    await op.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Team' }).click();
    await op.getByRole('button', { name: 'Share to team server…' }).click();
    const share = op.getByRole('dialog', { name: 'Share to team server' });
    await share.getByRole('textbox', { name: 'Server address' }).fill(server.url);
    await share.getByLabel('Owner token').fill(server.token);
    await owner.screenshot('team-live-1-share');
    await share.getByRole('button', { name: 'Share' }).click();
    const shared = op.getByRole('dialog', { name: 'Shared to the team server' });
    const idField = shared.getByRole('textbox', { name: 'Team project id' });
    await expect.poll(() => idField.count()).toBe(1);
    const teamProject = await idField.inputValue();
    const listed = (await server.store.listProjects()).map((p) => p.id);
    expect(listed).toEqual([teamProject]);
    expect(await shared.locator('pre').textContent()).toContain(`Server: ${server.url}`);
    await owner.screenshot('team-live-2-shared');

    // --- Team members: add Ben as a coder; his token is shown once.
    await shared.getByRole('button', { name: 'Team members…' }).click();
    const members = op.getByRole('dialog', { name: 'Team members' });
    await expect.poll(() => members.getByRole('table', { name: 'Team members' }).locator('tbody tr').count()).toBe(1);
    await members.getByRole('textbox', { name: 'Name' }).fill('Ben');
    await members.getByRole('combobox', { name: 'Role' }).selectOption('coder');
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    const tokenField = members.getByRole('textbox', { name: 'Token for Ben' });
    await expect.poll(() => tokenField.count()).toBe(1);
    const benToken = await tokenField.inputValue();
    expect(benToken.length).toBeGreaterThan(20);
    await expect.poll(() => members.getByRole('table', { name: 'Team members' }).locator('tbody tr').count()).toBe(2);
    expect(await members.textContent()).toContain('shown once');
    await owner.screenshot('team-live-3-members');
    await members.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => statusLine(op).textContent()).toMatch(/^Team · synced \d\d:\d\d$/);

    // --- Ben joins from the start screen; a wrong token first is refused in the dialog, nothing made.
    const bp = ben.page;
    await bp.getByRole('button', { name: 'Join a team project…' }).click();
    const joining = bp.getByRole('dialog', { name: 'Join a team project' });
    // A server that is not there: said in the dialog.
    await joining.getByRole('textbox', { name: 'Server address' }).fill('http://127.0.0.1:9/');
    await joining.getByLabel('Your token').fill(benToken);
    await joining.getByRole('button', { name: 'List the team projects' }).click();
    await expect.poll(() => joining.getByRole('alert').textContent()).toContain('cannot be reached');
    await joining.getByRole('textbox', { name: 'Server address' }).fill(server.url);
    await joining.getByLabel('Your token').fill('not-a-real-token-at-all');
    await joining.getByRole('button', { name: 'List the team projects' }).click();
    await expect.poll(() => joining.getByRole('alert').textContent()).toContain('refused the token');
    expect(await bp.locator('.project-name').textContent()).toBe('No project open');
    await joining.getByLabel('Your token').fill(benToken);
    await joining.getByRole('button', { name: 'List the team projects' }).click();
    const choice = joining.getByRole('group', { name: 'Team projects on the server' }).getByRole('radio');
    await expect.poll(() => choice.count()).toBe(1);
    await expect.poll(() => joining.getByRole('textbox', { name: 'Team project id' }).inputValue()).toBe(teamProject);
    await joining.getByRole('textbox', { name: 'File name' }).fill('ben-team');
    await ben.screenshot('team-live-4-join');
    const projectsDir = joining.getByRole('textbox', { name: 'Location' });
    const replicaPath = join(await projectsDir.inputValue(), 'ben-team.marginalia');
    expect(existsSync(replicaPath)).toBe(false);
    // A file already there is never written over: said in the dialog, the file as it was.
    mkdirSync(dirname(replicaPath), { recursive: true });
    writeFileSync(replicaPath, 'mine');
    await joining.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => joining.getByRole('alert').textContent()).toContain('already exists');
    expect(readFileSync(replicaPath, 'utf8')).toBe('mine');
    expect(await bp.locator('.project-name').textContent()).toBe('No project open');
    rmSync(replicaPath);
    await joining.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => joining.count()).toBe(0);
    await expect.poll(() => bp.locator('.project-name').textContent()).not.toBe('No project open');
    await expect.poll(() => statusLine(bp).textContent()).toMatch(/^Team · synced \d\d:\d\d$/);
    expect(existsSync(replicaPath)).toBe(true);
    expect(ben.host.current!.db.path).toBe(replicaPath);

    // --- Both open the interview; Ben codes a passage, and it appears in the owner's open document.
    await openInterview(op);
    await openInterview(bp);
    expect(codingsInFile(owner, SOURCE).filter((c) => c.quote === BEN_PHRASE)).toEqual([]);
    expect(await stripeCount(op, 'Flexibility', BEN_PHRASE)).toBe(0);
    await codeWithFlexibility(bp, BEN_PHRASE);
    await expect.poll(() => codingsInFile(ben, SOURCE).filter((c) => c.quote === BEN_PHRASE).map((c) => c.code)).toEqual(['Flexibility']);
    await expect.poll(() => codingsInFile(owner, SOURCE).filter((c) => c.quote === BEN_PHRASE).map((c) => c.code)).toEqual(['Flexibility']);
    await expect.poll(() => stripeCount(op, 'Flexibility', BEN_PHRASE)).toBe(1);
    // It is Ben's: the hover card names him.
    await op.locator('mark.mg-coding', { hasText: 'laboratory work' }).first().hover();
    await expect.poll(() => op.getByRole('tooltip').textContent()).toContain('Ben');
    await op.mouse.move(5, 5);

    // --- And the other way round: the owner codes, Ben sees it.
    expect(codingsInFile(ben, SOURCE).filter((c) => c.quote === OWNER_PHRASE)).toEqual([]);
    expect(await stripeCount(bp, 'Flexibility', OWNER_PHRASE)).toBe(0);
    await codeWithFlexibility(op, OWNER_PHRASE);
    await expect.poll(() => stripeCount(bp, 'Flexibility', OWNER_PHRASE)).toBe(1);
    await expect.poll(() => codingsInFile(ben, SOURCE).filter((c) => c.quote === OWNER_PHRASE).map((c) => c.code)).toEqual(['Flexibility']);
    // Ben's document kept what he had open: the interview, with his own coding still drawn.
    await expect.poll(() => stripeCount(bp, 'Flexibility', BEN_PHRASE)).toBe(1);

    // --- Both status lines say synced (nothing left to send); the panel says who is who.
    await expect.poll(() => statusLine(op).textContent()).toMatch(/^Team · synced \d\d:\d\d$/);
    await expect.poll(() => statusLine(bp).textContent()).toMatch(/^Team · synced \d\d:\d\d$/);
    await statusLine(bp).click();
    const panel = bp.getByRole('dialog', { name: 'Team project' });
    await expect.poll(() => panel.textContent()).toContain(teamProject);
    expect(await panel.textContent()).toContain('Ben');
    expect(await panel.textContent()).toContain('coder');
    await ben.screenshot('team-live-5-status');
    await panel.getByRole('button', { name: 'Close' }).click();
  });
});
