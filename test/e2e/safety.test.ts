import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Host } from '../../electron/backend/host.ts';
import type { ProjectInfo } from '../../shared/domain/types.ts';
import { closeBrowser, startApp, useDemoApp, type App } from './harness.ts';

describe('snapshots in the UI', () => {
  const app = useDemoApp();

  it('lists the snapshots with what they hold, and restores one (the state before is kept as a snapshot)', async () => {
    const { page, host } = app;
    const status = page.locator('footer.statusbar');
    await expect.poll(() => status.textContent()).toMatch(/\d+ codes/);
    const codesBefore = Number(/(\d+) codes/.exec((await status.textContent()) ?? '')![1]);

    // Work done after the snapshot taken on opening.
    await host.call('codes.create', { name: 'Added after the snapshot', parentId: null });
    await page.getByRole('button', { name: 'Snapshots…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Snapshots' });
    const table = dialog.getByRole('table', { name: 'Snapshots, newest first' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const opening = table.locator('tbody tr', { hasText: 'On opening' }).first();
    expect(await opening.textContent()).toContain(`${codesBefore} codes`);
    expect(await dialog.textContent()).toMatch(/Kept in .*demo\.marginalia-snapshots/);
    await app.screenshot('safety-snapshots-list');

    await opening.getByRole('button', { name: /^Restore the snapshot from/ }).click();
    const confirm = dialog.getByRole('group', { name: 'Confirm the restore' });
    expect(await confirm.textContent()).toMatch(/kept as a snapshot first/);
    await app.screenshot('safety-snapshots-confirm');
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Restored the snapshot from' }).count()).toBe(1);
    await expect.poll(() => status.textContent()).toContain(`${codesBefore} codes`);
    const codes = (await host.call('codes.list', {})) as { ok: true; value: { name: string }[] };
    expect(codes.value.map((c) => c.name)).not.toContain('Added after the snapshot');

    await page.getByRole('button', { name: 'Snapshots…' }).click();
    const again = page.getByRole('dialog', { name: 'Snapshots' }).getByRole('table', { name: 'Snapshots, newest first' });
    await expect.poll(() => again.locator('tbody tr', { hasText: 'Before a restore' }).count()).toBe(1);
    expect(await again.locator('tbody tr', { hasText: 'Before a restore' }).textContent()).toContain(`${codesBefore + 1} codes`);
  });
});

describe('a project written elsewhere', () => {
  let current: App | undefined;
  let writer: Host | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await current?.close();
    writer?.close();
    if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 20 });
  });
  afterAll(closeBrowser);

  it('opens read-only with a banner saying why; a change is refused and no snapshot is offered', async () => {
    folder = mkdtempSync(join(tmpdir(), 'marginalia-e2e-shared-'));
    const path = join(folder, 'shared-study.marginalia');
    writer = new Host({ home: join(folder, 'writer-home'), coderName: 'other-window' });
    const made = await writer.call('project.create', { path, template: 'five-questions' });
    expect(made.ok).toBe(true);

    current = await startApp({ project: path });
    const { page } = current;
    const banner = page.getByRole('region', { name: 'Project warnings' });
    await expect.poll(() => banner.textContent()).toMatch(/Read-only: shared-study\.marginalia is open for writing in another Marginalia window or process/);
    await current.screenshot('safety-read-only-banner');
    const info = (await current.host.call('project.info', {})) as { ok: true; value: ProjectInfo };
    expect(info.value.safety?.readOnly).not.toBeNull();
    const refused = await current.host.call('codes.create', { name: 'Second writer', parentId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    // Take a snapshot is not offered to a reader.
    await page.getByRole('button', { name: 'Snapshots…' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Snapshots' }).getByRole('button', { name: 'Take a snapshot now' }).isDisabled()).toBe(true);
  });
});
