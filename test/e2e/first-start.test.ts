import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, startApp, type App } from './harness.ts';
import { selectPhrase } from './workbench-helpers.ts';

/** A first-time researcher: no project yet, no name given. Each test starts its own app. */
describe('the first start', () => {
  let app: App | undefined;
  const begin = async (options: Parameters<typeof startApp>[0]) => (app = await startApp(options));
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(closeBrowser);

  it('creates a project from a bare name in the projects folder, with its extension, and never over another', async () => {
    const { page, dir } = await begin({ noProject: true });
    const projects = join(dir, 'home', 'projects');
    const cwdBefore = readdirSync(process.cwd());
    await expect.poll(() => page.getByRole('heading', { name: 'Open or create a project to begin' }).count()).toBe(1);
    await page.getByRole('button', { name: 'New project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    // The location is shown in full before anything is written.
    await expect.poll(() => dialog.getByLabel('Location').inputValue()).toBe(projects);
    await dialog.getByLabel('Project name').fill('Case study');
    await expect.poll(() => dialog.locator('.project-target').textContent()).toBe(`Saved as ${join(projects, 'Case study.marginalia')}`);
    await app!.screenshot('first-start-1-new-project');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.locator('.topbar .project-name').textContent()).toBe('Case study');
    expect(app!.host.current!.info().path).toBe(join(projects, 'Case study.marginalia'));
    expect(existsSync(join(projects, 'Case study.marginalia'))).toBe(true);
    expect(readdirSync(process.cwd())).toEqual(cwdBefore);

    // The same name again is refused in the dialog, and the first file is left as it was.
    const bytes = readFileSync(join(projects, 'Case study.marginalia'));
    await page.getByRole('button', { name: 'New project', exact: true }).click();
    await dialog.getByLabel('Project name').fill('Case study');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('already exists');
    expect(readFileSync(join(projects, 'Case study.marginalia')).equals(bytes)).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Open lists it under Recent projects, with its full path.
    await page.keyboard.press('Control+o');
    const open = page.getByRole('dialog', { name: 'Open project' });
    await expect.poll(() => open.getByRole('list', { name: 'Recent projects' }).textContent()).toContain(join(projects, 'Case study.marginalia'));
  });

  it('offers recent projects on the start view', async () => {
    const { page, host, dir } = await begin({ noProject: true });
    for (const name of ['Pilot interviews', 'Main study']) await host.call('project.create', { name, template: 'empty' });
    host.close();
    await page.reload();
    const recent = page.getByRole('list', { name: 'Recent projects' });
    await expect.poll(() => recent.getByRole('button').allTextContents()).toEqual(['Main study', 'Pilot interviews']);
    await recent.getByRole('button', { name: 'Pilot interviews' }).click();
    await expect.poll(() => page.locator('.topbar .project-name').textContent()).toBe('Pilot interviews');
    expect(host.current!.info().path).toBe(join(dir, 'home', 'projects', 'Pilot interviews.marginalia'));
  });

  it('asks who is coding, shows the name on new codings, and lets it be changed', async () => {
    const { page } = await begin({ coderName: null });
    const ask = page.getByRole('dialog', { name: 'Welcome — who is coding?' });
    await ask.getByLabel('Your name').fill('Ana Souza');
    await ask.getByRole('button', { name: 'Start coding' }).click();
    await expect.poll(() => page.locator('.coder-button').textContent()).toBe('Coding as Ana Souza');

    const coderOf = (quote: string) =>
      (app!.host.current!.db.raw.prepare('SELECT k.name FROM codings c JOIN coders k ON k.id = c.coder_id WHERE c.quote = ?').get(quote) as { name: string } | undefined)?.name;
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Interview with PA/ }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('laboratory work');
    await selectPhrase(page, 'Some outcomes need laboratory work');
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).click();
    await expect.poll(() => coderOf('Some outcomes need laboratory work')).toBe('Ana Souza');
    const mark = page.locator('mark.mg-coding', { hasText: 'laboratory work' }).first();
    await mark.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('Ana Souza');

    // Someone else takes over: their codings carry their name, hers keep hers.
    await page.mouse.move(5, 400);
    await page.getByRole('button', { name: /Coding as Ana Souza/ }).click();
    const change = page.getByRole('dialog', { name: 'Who is coding?' });
    await change.getByLabel('Your name').fill('Ben Okafor');
    await change.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.coder-button').textContent()).toBe('Coding as Ben Okafor');
    await selectPhrase(page, 'It keeps us in contact with alumni');
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Value added/ }).click();
    await expect.poll(() => coderOf('It keeps us in contact with alumni')).toBe('Ben Okafor');
    expect(coderOf('Some outcomes need laboratory work')).toBe('Ana Souza');
  });
});
