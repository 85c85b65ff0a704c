import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../shared/domain/types.ts';
import { useDemoApp, type App } from './harness.ts';

/** Ana Ruiz's codings in the demo, as a merged copy of hers would bring them. */
const ANA = [
  { source: 'Interview with PA', code: 'Flexibility', start: 40, end: 90 },
  { source: 'Interview with PA', code: 'Flexibility', start: 300, end: 360 },
  { source: 'Interview with PB', code: 'Flexibility', start: 500, end: 560 },
  { source: 'Interview with PB', code: 'Flexibility', start: 900, end: 980 },
];

async function codeAsAna(app: App): Promise<number> {
  const { host } = app;
  const value = async <T,>(r: Promise<{ ok: boolean }>): Promise<T> => {
    const done = (await r) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!done.ok) throw new Error(done.error.message);
    return done.value;
  };
  const sources = await value<SourceSummary[]>(host.call('sources.list', {}));
  const codes = await value<{ id: number; name: string }[]>(host.call('codes.list', {}));
  const me = await value<{ name: string }>(host.call('coders.current', {}));
  const ana = await value<{ id: number }>(host.call('coders.setCurrent', { name: 'Ana Ruiz' }));
  for (const c of ANA) {
    const sourceId = sources.find((s) => s.name === c.source)!.id;
    const codeId = codes.find((k) => k.name === c.code)!.id;
    await value(host.call('codings.apply', { sourceId, codeId, start: c.start, end: c.end }));
  }
  await value(host.call('coders.setCurrent', { name: me.name }));
  return ana.id;
}

/**
 * Flexibility codings per column label, from the rows: each coding goes to the participant of
 * the innermost unit holding its start (Unattributed when none), counted for one coder or all.
 */
function flexibilityByColumn(app: App, coderId: number | null): Record<string, number> {
  const rows = app.host.current!.db.raw
    .prepare(`SELECT coalesce((SELECT p.label FROM units u JOIN participants p ON p.id = u.participant_id
          WHERE u.id = (SELECT x.id FROM units x WHERE x.source_id = c.source_id AND x.start <= c.start AND c.start < x.end
            ORDER BY x.start DESC, x.id DESC LIMIT 1)), 'Unattributed') AS who
      FROM codings c JOIN codes k ON k.id = c.code_id
      WHERE k.name = 'Flexibility' AND (? IS NULL OR c.coder_id = ?)`)
    .all(coderId, coderId) as { who: string }[];
  const out: Record<string, number> = {};
  for (const r of rows) out[r.who] = (out[r.who] ?? 0) + 1;
  return out;
}

/** The page reloaded (so it reads the coders added behind its back), on Analysis › Frequency. */
async function reopenOnFrequency({ page }: App): Promise<App['page']> {
  await page.reload();
  await page.getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Frequency' }).click();
  return page;
}

const allCodings = (app: App) => (app.host.current!.db.raw.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;

describe('analysis by coder on the demo project', () => {
  const app = useDemoApp();

  it('counts one coder\'s codings in Frequency and Co-occurrence when chosen, with the coder named in the titles', async () => {
    const anaId = await codeAsAna(app);
    const page = await reopenOnFrequency(app);

    const settings = page.getByRole('toolbar', { name: 'Frequency settings' });
    const summary = settings.locator('.coder-filter summary');
    await expect.poll(() => summary.getAttribute('aria-label')).toBe('Coders shown: All coders');
    const note = page.locator('.frequency-table .table-note');
    await expect.poll(() => note.textContent()).toContain(`${allCodings(app)} codings`);
    const everyone = page.getByRole('table', { name: 'Codings by participant', exact: true });
    const flexCells = async (table: typeof everyone) => {
      const out: Record<string, number> = {};
      for (const b of await table.getByRole('row', { name: /^Flexibility\b/ }).getByRole('button').all()) {
        const [, who, n] = /^Flexibility, (.+): (\d+)$/.exec((await b.getAttribute('aria-label'))!)!;
        if (Number(n) > 0) out[who!] = Number(n);
      }
      return out;
    };
    expect(await flexCells(everyone)).toEqual(flexibilityByColumn(app, null));

    // The menu: every coder with their colour; axe-clean while open.
    await summary.click();
    const menu = page.getByRole('group', { name: 'Show the codings of' });
    await expect.poll(() => menu.getByRole('checkbox').count()).toBe(2);
    await axeClean(app, 'analysis coder menu open');
    await app.screenshot('analysis-coders-menu');

    // Only Ana: her four codings, the title says whose they are.
    await menu.getByRole('button', { name: 'Only Ana Ruiz' }).click();
    await page.keyboard.press('Escape');
    const hers = page.getByRole('table', { name: 'Codings by participant — Ana Ruiz' });
    await expect.poll(() => hers.count()).toBe(1);
    await expect.poll(() => note.textContent()).toContain(`${ANA.length} codings`);
    expect(await flexCells(hers)).toEqual(flexibilityByColumn(app, anaId));
    // The demo's own coder coded Flexibility too: the figures differ from everyone's.
    expect(flexibilityByColumn(app, anaId)).not.toEqual(flexibilityByColumn(app, null));
    await app.screenshot('analysis-coders-one');

    // A cell opens her excerpts only.
    const [who, n] = Object.entries(flexibilityByColumn(app, anaId))[0]!;
    await hers.getByRole('row', { name: /^Flexibility\b/ }).getByRole('button', { name: `Flexibility, ${who}: ${n}` }).click();
    const panel = page.getByRole('region', { name: 'Excerpts' });
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(n);
    for (const text of await panel.locator('.excerpt').allTextContents()) expect(text).toContain('Ana Ruiz');
    await panel.getByRole('button', { name: 'Close excerpts' }).click();

    // The CSV of the matrix is named after her too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('figure', { name: 'Codings by participant — Ana Ruiz, table' }).getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('codings-by-participant-ana-ruiz.csv');

    // Co-occurrence keeps the choice: only her codings on the diagonal.
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    const co = page.getByRole('table', { name: 'Co-occurrence: overlapping codings — Ana Ruiz' });
    await expect.poll(() => co.count()).toBe(1);
    await expect.poll(() => co.getByRole('button', { name: /^Flexibility, Flexibility: / }).textContent()).toBe(String(ANA.length));

    await app.screenshot('analysis-coders-cooccurrence');
    // All coders again.
    await page.getByRole('toolbar', { name: 'Co-occurrence settings' }).locator('.coder-filter summary').click();
    await page.getByRole('group', { name: 'Show the codings of' }).getByRole('button', { name: 'Show all coders' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Co-occurrence: overlapping codings', exact: true }).count()).toBe(1);
  });
});

async function axeClean(app: App, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
