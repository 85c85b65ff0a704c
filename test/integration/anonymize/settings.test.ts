import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';

/** The pseudonymization settings as the review screen reads and saves them. */

let t: TestHost;
afterEach(() => t?.cleanup());

async function project() {
  t = testHost();
  await t.ok('project.create', { path: join(t.dir, 'study.marginalia'), template: 'empty' });
  await t.ok('participants.create', { label: 'PB', name: 'Bruno Keller' });
  await t.ok('participants.create', { label: 'PA', name: 'Amira Haddad' });
  // Known by label only: there is no name to look for.
  await t.ok('participants.create', { label: 'PC', name: '   ' });
  await t.ok('participants.create', { label: 'PD' });
}

describe('pseudonymization settings', () => {
  it('list the participants whose names are looked for, by label, and none without a name', async () => {
    await project();
    const s = await t.ok('anonymize.settings', {});
    expect(s.participants).toEqual([
      { label: 'PA', name: 'Amira Haddad' },
      { label: 'PB', name: 'Bruno Keller' },
    ]);
  });

  it('saving one rule keeps the others as they were, and keeps the lists left out', async () => {
    await project();
    await t.ok('anonymize.saveSettings', { names: 'Dr. Lindqvist', terms: 'Northbridge College', rules: { date: true } });
    const before = await t.ok('anonymize.settings', {});
    const after = await t.ok('anonymize.saveSettings', { rules: { phone: false } });
    expect(after.rules).toEqual({ ...before.rules, phone: false });
    expect(after.rules.date).toBe(true);
    expect([after.names, after.terms]).toEqual(['Dr. Lindqvist', 'Northbridge College']);
  });

  it('records saving the lists in the audit log by counts of entries, never the names themselves', async () => {
    await project();
    await t.ok('anonymize.saveSettings', { names: 'Dr. Lindqvist\n\n  \nMaite Urrutia\n', terms: 'Northbridge College\n   ', rules: { id: false } });
    const rows = t.host.current!.db.raw.prepare("SELECT action, entity, detail FROM audit_log WHERE entity = 'anonymization-lists'").all() as { action: string; entity: string; detail: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe('update');
    const detail = JSON.parse(rows[0]!.detail) as { names: number; terms: number; rules: Record<string, boolean> };
    expect(detail).toMatchObject({ names: 2, terms: 1 });
    expect(detail.rules.id).toBe(false);
    expect(rows[0]!.detail).not.toMatch(/Lindqvist|Urrutia|Northbridge/);
  });

  it('a cancel for a job that is not running says it cancelled nothing', async () => {
    await project();
    expect(await t.ok('anonymize.cancel', { jobId: 'no-such-job' })).toEqual({ cancelled: false });
  });
});
