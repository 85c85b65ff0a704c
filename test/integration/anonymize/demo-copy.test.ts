import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/api/contract.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { fileHash, originalsIn, projectBytes, sqliteShell } from './helpers.ts';

const PASSPHRASE = 'correct horse battery';
const TERMS = 'Northbridge University | University\nNorthbridge | University\nCentre for Digital Education | Unit';
/** Everything in the demo that identifies someone or the institution. */
const ORIGINALS = ['Helena', 'Varga', 'Tomás', 'Reyes', 'Mireille', 'Okafor', 'Northbridge', 'Centre for Digital Education'];

type Coding = { id: number; quote: string };
const codings = (t: TestHost): Coding[] => t.host.current!.db.raw.prepare('SELECT id, quote FROM codings ORDER BY id').all() as Coding[];

describe('a pseudonymized copy of the demo project', () => {
  let t: TestHost;
  let demo: string;
  let out: string;
  let keyPath: string;
  let result: Output<'anonymize.apply'>;
  let before: Coding[];
  let originalHash: string;

  beforeEach(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    demo = t.host.demoPath;
    await t.ok('anonymize.saveSettings', { terms: TERMS });
    await t.ok('anonymize.detect', {});
    before = codings(t);
    t.host.current!.db.checkpoint();
    originalHash = fileHash(demo);
    mkdirSync(join(t.dir, 'share'));
    mkdirSync(join(t.dir, 'keys'));
    out = join(t.dir, 'share', 'northbridge-copy.marginalia');
    keyPath = join(t.dir, 'keys', 'northbridge.key');
    result = await t.ok('anonymize.apply', { out, keyPath, passphrase: PASSPHRASE });
  });
  afterEach(() => t.cleanup());

  it('leaves the original byte for byte as it was', () => {
    expect(fileHash(demo)).toBe(originalHash);
    t.host.close();
    expect(fileHash(demo)).toBe(originalHash);
  });

  it('holds no original identifier in any byte, WAL included, even after it is opened', async () => {
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect(originalsIn(projectBytes(out), ORIGINALS)).toEqual([]);
    await t.ok('project.openForReview', { path: out });
    // Searching works on the rebuilt index, and no longer finds an original.
    expect((await t.ok('search.run', { query: 'university' })).hits.length).toBeGreaterThan(0);
    expect((await t.ok('search.run', { query: 'Northbridge' })).hits).toEqual([]);
    t.host.close();
    expect(originalsIn(projectBytes(out), ORIGINALS)).toEqual([]);
    // The check can fail: the original holds them all.
    expect(originalsIn(projectBytes(demo), ORIGINALS)).toEqual(ORIGINALS);
  });

  it('keeps every coding on the same words, its quote rewritten as its text was', async () => {
    const key = await t.ok('anonymize.readKey', { keyPath, passphrase: PASSPHRASE });
    const swap = (text: string) =>
      key.entries
        .flatMap((e) => e.written.map((w) => ({ w, r: e.replacement })))
        .sort((a, b) => b.w.length - a.w.length)
        .reduce((s, { w, r }) => s.replace(new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), r), text);
    await t.ok('project.openForReview', { path: out });
    const after = codings(t);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    const changed = before.filter((c) => swap(c.quote) !== c.quote);
    expect(changed.length).toBeGreaterThan(2);
    for (const [i, c] of before.entries()) expect(after[i]!.quote).toBe(swap(c.quote));
    const check = await t.ok('audit.verify', {});
    expect(check.problems).toEqual([]);
  });

  it('reports what was replaced, by whom, with no original in the report', async () => {
    expect(result.report.replaced.term).toBeGreaterThan(10);
    expect(result.report.lists).toEqual({ people: 3, terms: 3 });
    expect(result.report.approvedBy).toBe('tester');
    expect(originalsIn(Buffer.from(JSON.stringify(result.report)), ORIGINALS)).toEqual([]);
    await t.ok('project.openForReview', { path: out });
    expect(await t.ok('audit.anonymizationReport', {})).toEqual(result.report);
    const participants = await t.ok('participants.list', {});
    expect(participants.map((p) => [p.label, p.name, p.description])).toEqual([['PA', '', ''], ['PB', '', ''], ['PC', '', '']]);
  });

  it('writes a key that opens only with its passphrase', async () => {
    const key = await t.ok('anonymize.readKey', { keyPath, passphrase: PASSPHRASE });
    expect(key.entries.find((e) => e.original === 'Northbridge University')).toMatchObject({ kind: 'term', replacement: '[University 1]', written: ['Northbridge University'] });
    expect(key.copyChainHead).toBe(result.report.chainHead);
    const wrong = await t.host.call('anonymize.readKey', { keyPath, passphrase: 'wrong passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'passphrase' } });
    expect(originalsIn(projectBytes(keyPath), ORIGINALS)).toEqual([]);
    // The demo names people only in participant rows: the key says who each participant was.
    expect(key.participants).toEqual([{ label: 'PA', name: 'Helena Varga' }, { label: 'PB', name: 'Tomás Reyes' }, { label: 'PC', name: 'Mireille Okafor' }]);
  });

  it('refuses an output path that exists, writing nothing', async () => {
    const again = await t.host.call('anonymize.apply', { out, keyPath: join(t.dir, 'keys', 'other.key'), passphrase: PASSPHRASE });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', field: 'out' } });
    expect(existsSync(join(t.dir, 'keys', 'other.key'))).toBe(false);
    const keyTaken = await t.host.call('anonymize.apply', { out: join(t.dir, 'share', 'other.marginalia'), keyPath, passphrase: PASSPHRASE });
    expect(keyTaken).toMatchObject({ ok: false, error: { code: 'conflict', field: 'keyPath' } });
    expect(existsSync(join(t.dir, 'share', 'other.marginalia'))).toBe(false);
  });

  it('opens the copy in reviewer mode, where reading works and every change is refused', async () => {
    const info = await t.ok('project.openForReview', { path: out });
    expect(info.reviewer).toBe(true);
    const codes = await t.ok('codes.list', {});
    const refused = await t.host.call('codes.rename', { id: codes[0]!.id, name: 'Changed' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    const applied = await t.host.call('codings.apply', { sourceId: 1, codeId: codes[0]!.id, start: 0, end: 4 });
    expect(applied).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(codings(t).length).toBe(before.length);
    const exported = await t.ok('export.codebook', { format: 'md' });
    expect(exported.fileName).toMatch(/\.md$/);
  });

  it('is detected by verify after a text, a coding or an audit entry is changed by hand', async () => {
    const shell = sqliteShell(out);
    shell.prepare("UPDATE sources SET text = replace(text, 'micro', 'macro') WHERE id = 1").run();
    shell.close();
    await t.ok('project.openForReview', { path: out });
    const text = await t.ok('audit.verify', {});
    expect(text.ok).toBe(false);
    expect(text.problems.join('\n')).toMatch(/the text of source “Interview with PA” \(id 1\) was changed since the seal/);
    t.host.close();

    const shell2 = sqliteShell(out);
    shell2.prepare("UPDATE sources SET text = replace(text, 'macro', 'micro') WHERE id = 1").run();
    shell2.prepare('UPDATE codings SET code_id = (SELECT max(id) FROM codes) WHERE id = 3').run();
    shell2.exec('DROP TRIGGER audit_log_no_update');
    shell2.prepare("UPDATE audit_log SET coder_id = NULL WHERE id = 2").run();
    shell2.close();
    await t.ok('project.openForReview', { path: out });
    const report = await t.ok('audit.verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => /the text of source/.test(p))).toBe(false);
    expect(report.problems.join('\n')).toMatch(/the codings of source “[^”]+” were changed since the seal/);
    expect(report.problems.join('\n')).toMatch(/audit entry #2 \([^)]*\) was changed after it was written/);
  });
});
