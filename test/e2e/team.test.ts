import { AxeBuilder } from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import { Host } from '../../electron/backend/host.ts';
import { useDemoApp, type App } from './harness.ts';

/** WCAG 2.1 AA violations on the page, the top bar's Undo button (named after the step it undoes) included. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

type Call = <M extends MethodName>(host: Host, method: M, input: Input<M>) => Promise<Output<M>>;
const ok: Call = async (host, method, input) => {
  const r = await host.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as never;
};

/** A coder's copy of the demo for `coder` (blind unless said), written where they keep it; `work` runs in their own app on it. */
async function codedCopy(app: App, coder: string, work: (host: Host) => Promise<void>, blind = true): Promise<string> {
  const copy = await ok(app.host, 'team.distribute', { coder, blind });
  const path = join(app.dir, `${coder}.marginalia`);
  writeFileSync(path, Buffer.from(copy.file.base64, 'base64'));
  const theirs = new Host({ home: join(app.dir, `home-${coder}`), coderName: coder });
  try {
    theirs.open(path, false);
    await work(theirs);
  } finally {
    theirs.close();
  }
  return path;
}

/**
 * The demo has one coder. Ben codes his blind copy of the interviews: much as the demo's
 * coder did (a third of the passages the same, a third a few words longer, a third not at
 * all), and his copy is merged back through the API.
 */
async function secondCoder(app: App): Promise<void> {
  const interviews = (await ok(app.host, 'sources.list', { kind: 'interview' })).slice(0, 3);
  const mine = (await Promise.all(interviews.map((s) => ok(app.host, 'codings.listForSource', { sourceId: s.id })))).flat();
  const path = await codedCopy(app, 'Ben', async (ben) => {
    for (const [i, c] of mine.entries()) {
      if (i % 3 === 2) continue;
      const text = (await ok(ben, 'sources.get', { id: c.sourceId })).text;
      await ok(ben, 'codings.apply', { sourceId: c.sourceId, codeId: c.codeId, start: c.start, end: i % 3 === 0 ? c.end : Math.min(text.length, c.end + 24) });
    }
  });
  const staged = await ok(app.host, 'team.stage', { file: { path } });
  await ok(app.host, 'team.merge', { stagedId: staged.stagedId, decisions: {} });
}

describe('Team view', () => {
  const app = useDemoApp(secondCoder);

  it('shows the agreement of two coders per code, their differing passages side by side, and reconciles one (undoably)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    const table = page.getByRole('table', { name: 'Agreement of e2e-coder, Ben at character level' });
    await expect.poll(() => table.count()).toBe(1);

    // The numbers shown are the backend's, per code and pooled.
    const coders = await ok(app.host, 'coders.list', {});
    const ids = ['e2e-coder', 'Ben'].map((n) => coders.find((c) => c.name === n)!.id);
    const report = await ok(app.host, 'team.agreement', { coderIds: ids, level: 'character' });
    const first = report.rows[0]!;
    const row = table.getByRole('row', { name: new RegExp(`^${first.name}\\b`) });
    await expect.poll(() => row.getByRole('cell').nth(0).textContent()).toBe(`${(first.percent.value! * 100).toFixed(1)} %`);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(first.kappa.value!.toFixed(3).replace('-', '−'));
    expect(await table.getByRole('row', { name: /^All codes/ }).getByRole('cell').nth(1).textContent()).toBe(report.overall.kappa.value!.toFixed(3).replace('-', '−'));
    await expect.poll(() => page.locator('.team-diff-head h3').textContent()).toBe('Where e2e-coder and Ben differ');
    await app.screenshot('team-agreement');
    expect(await axeViolations(page)).toEqual([]);

    // Narrow the differences to one code, and take e2e-coder's side of the first passage into Consensus.
    await row.getByRole('button', { name: first.name }).click();
    await expect.poll(() => page.locator('.team-diff-head h3').textContent()).toBe(`Where e2e-coder and Ben differ on ${first.name}`);
    const passage = page.locator('.team-passage').first();
    const where = (await passage.getAttribute('aria-label'))!;
    await passage.getByRole('button', { name: 'Accept e2e-coder' }).click();
    const settled = page.getByRole('listitem', { name: where });
    await expect.poll(() => settled.locator('.team-decision').textContent()).toBe('Consensus took e2e-coder’s coding');
    await expect.poll(() => page.locator('.team-coder-list').textContent()).toContain('Consensus');
    const consensus = (await ok(app.host, 'coders.list', {})).find((c) => c.name === 'Consensus')!;
    const list = await ok(app.host, 'team.passages', { first: ids[0]!, second: ids[1]!, codeIds: [first.codeId!] });
    const decided = list.passages.find((p) => p.decision !== null)!;
    const consensusCodings = (await ok(app.host, 'codings.listForSource', { sourceId: decided.sourceId })).filter((c) => c.coderId === consensus.id);
    expect(consensusCodings.map((c) => ({ start: c.start, end: c.end }))).toEqual(decided.first);
    await app.screenshot('team-reconciled');
    expect(await axeViolations(page)).toEqual([]);

    // One Undo takes the decision back.
    await page.getByRole('button', { name: /^Undo Reconcile/ }).click();
    await expect.poll(() => settled.locator('.team-decision').count()).toBe(0);
    expect((await ok(app.host, 'codings.listForSource', { sourceId: decided.sourceId })).filter((c) => c.coderId === consensus.id)).toEqual([]);

    // Unit level: speaker turns coded or not.
    await page.getByRole('radio', { name: 'Unit' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Agreement of e2e-coder, Ben at unit level' }).getByRole('row', { name: /^All codes/ }).count()).toBe(1);
    expect(await page.locator('.team-notes').textContent()).toMatch(/units compared per code and pair of coders/);
  });

  it('makes a blind coder’s copy from the dialog', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('button', { name: 'Make a coder’s copy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a coder’s copy' });
    await dialog.getByLabel('Coder', { exact: true }).fill('Dana');
    expect(await dialog.getByRole('checkbox', { name: /codes blind$/ }).isChecked()).toBe(true);
    await app.screenshot('team-distribute');
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Make the copy' }).click()]);
    expect(download.suggestedFilename()).toBe('northbridge-micro-credentials-demo-dana.marginalia');
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Saved northbridge-micro-credentials-demo-dana\.marginalia for Dana: 6 sources, 13 codes, 0 codings; 62 codings of other coders left out \(blind\)\.$/);
    // The copy is a project Dana can open, with none of the others' codings.
    const path = join(app.dir, 'dana.marginalia');
    await download.saveAs(path);
    const dana = new Host({ home: join(app.dir, 'home-dana'), coderName: 'Dana' });
    try {
      expect(dana.open(path, false).counts).toMatchObject({ sources: 6, codes: 13, codings: 0 });
    } finally {
      dana.close();
    }
  });

  it('merges a coder’s copy through the dialog: the conflict must be answered first', async () => {
    const { page } = app;
    const support = (await ok(app.host, 'codes.list', {})).find((c) => c.name === 'Value added')!;
    const path = await codedCopy(app, 'Cleo', async (cleo) => {
      await ok(cleo, 'codes.rename', { id: support.id, name: 'Added value' });
      const [source] = await ok(cleo, 'sources.list', { kind: 'interview' });
      await ok(cleo, 'codings.apply', { sourceId: source!.id, codeId: support.id, start: 0, end: 40 });
    });
    await ok(app.host, 'codes.rename', { id: support.id, name: 'Value for learners' });
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('button', { name: 'Merge a copy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge a coder’s copy' });
    await dialog.getByLabel('Coder’s copy').setInputFiles(path);
    await expect.poll(() => dialog.locator('.team-question.conflict').count()).toBe(1);
    const merge = dialog.getByRole('button', { name: 'Merge into Northbridge micro-credentials (demo)' });
    expect(await merge.isDisabled()).toBe(true);
    expect(await dialog.locator('.team-open').textContent()).toBe('1 conflict to resolve');
    await app.screenshot('team-merge-plan');
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('combobox', { name: /: what to do$/ }).last().selectOption({ label: 'Keep “Value for learners”' });
    await expect.poll(() => merge.isDisabled()).toBe(false);
    await merge.click();
    await expect.poll(() => dialog.locator('.team-merge-about').textContent()).toBe('Merged Cleo.marginalia');
    expect(await dialog.locator('.team-merge-counts').textContent()).toContain('1 coding added');
    await app.screenshot('team-merge-report');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.team-coder-list').textContent()).toContain('Cleo');
  });

  it('asks in the merge dialog about a coding the coder deleted in their copy, and removes it here too', async () => {
    const { page } = app;
    const [source] = await ok(app.host, 'sources.list', { kind: 'interview' });
    const bens = (await ok(app.host, 'codings.listForSource', { sourceId: source!.id })).filter((c) => c.coderName === 'Ben');
    const gone = bens[0]!;
    const path = await codedCopy(app, 'Ben', async (ben) => void (await ok(ben, 'codings.remove', { id: gone.id })), false);
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await page.getByRole('button', { name: 'Merge a copy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge a coder’s copy' });
    await dialog.getByLabel('Coder’s copy').setInputFiles(path);
    const question = dialog.locator('.team-question', { hasText: 'was deleted in Ben’s copy' });
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.getByRole('combobox').inputValue()).toBe('remove');
    expect(await dialog.locator('.team-merge-counts').textContent()).toContain('1 coding to remove (deleted in the copy)');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Merge into Northbridge micro-credentials (demo)' }).click();
    await expect.poll(() => dialog.locator('.team-merge-about').textContent()).toBe('Merged Ben.marginalia');
    expect(await dialog.locator('.team-merge-counts').textContent()).toContain('1 coding removed (deleted in the copy)');
    expect((await ok(app.host, 'codings.listForSource', { sourceId: source!.id })).some((c) => c.id === gone.id)).toBe(false);
  });
});
