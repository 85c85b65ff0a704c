import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { Host } from '../../../electron/backend/host.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { asCoder, codeSource, generatedProject, rng } from './helpers.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

let t: TestHost;
let project: string;
const cli = async (...args: string[]) => {
  const c = capture();
  const code = await runCli([...args, '--project', project, '--home', join(t.dir, 'cli-home')], c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
};

/** A coder codes their copy: every respondent turn of every interview, a few codes each. */
async function code(coder: string, path: string, seed: number, rename?: string) {
  await asCoder(t, coder, path, async (ok) => {
    const codes = await ok('codes.list', {});
    for (const s of await ok('sources.list', {})) {
      const detail = await ok('sources.get', { id: s.id });
      const turns = detail.units.filter((u) => u.speaker !== 'Interviewer');
      for (const [codeId, spans] of codeSource(rng(seed + s.id), turns, codes.map((c) => c.id), 0.4)) for (const sp of spans) await ok('codings.apply', { sourceId: s.id, codeId, ...sp });
    }
    if (rename) await ok('codes.rename', { id: codes.find((c) => c.name === 'Support')!.id, name: rename });
  });
}

const codingCount = async () => {
  const r = await cli('stats', '--json');
  return (JSON.parse(r.out) as { codings: number }).codings;
};

beforeAll(async () => {
  t = testHost();
  await generatedProject(t, 'Study');
  project = t.host.current!.db.path;
  t.host.close();
}, 60_000);

afterAll(() => t?.cleanup());

describe('marginalia distribute, merge and agreement', () => {
  it('distributes blind copies and merges them back, refusing while a conflict is unanswered', async () => {
    const ana = join(t.dir, 'ana.marginalia');
    const ben = join(t.dir, 'ben.marginalia');
    expect((await cli('distribute', '--coder', 'Ana', '-o', ana)).out).toMatch(/^Wrote Ana’s copy to .*ana\.marginalia: 3 sources, 4 codes, 0 codings \(blind/);
    expect((await cli('distribute', '--coder', 'Ben', '-o', ben)).code).toBe(0);
    await code('Ana', ana, 1, 'Assistance');
    await code('Ben', ben, 2);
    // Meanwhile the project renames the same code.
    const h = new Host({ home: join(t.dir, 'h') });
    h.open(project, false);
    const support = (await h.call('codes.list', {})) as { ok: true; value: { id: number; name: string }[] };
    await h.call('codes.rename', { id: support.value.find((c) => c.name === 'Support')!.id, name: 'Help' });
    h.close();

    const before = await codingCount();
    const refused = await cli('merge', ana);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/CONFLICT code:\d+ {2}Code Help: Renamed on both sides/);
    expect(refused.out).toContain('ours = Keep “Help”; theirs = Rename it “Assistance”');
    expect(refused.err).toMatch(/^Nothing was merged: 1 conflict unanswered \(code:\d+\)/);
    expect(await codingCount()).toBe(before);

    const id = /CONFLICT (code:\d+)/.exec(refused.out)![1]!;
    const merged = await cli('merge', ana, '--answer', `${id}=ours`);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/Merged ana\.marginalia: \d+ codings added, 3 sources matched\. One step: Undo takes it back\./);
    const afterAna = await codingCount();
    expect(afterAna).toBeGreaterThan(before);

    const dry = await cli('merge', ben, '--dry-run');
    expect(dry.code).toBe(0);
    expect(await codingCount()).toBe(afterAna);
    expect((await cli('merge', ben)).code).toBe(0);
    expect(await codingCount()).toBeGreaterThan(afterAna);
  });

  it('prints what a coder deleted in a copy made with the others’ codings, and takes the answers like any other', async () => {
    const copy = join(t.dir, 'ana-2.marginalia');
    expect((await cli('distribute', '--coder', 'Ana', '--with-others', '-o', copy)).code).toBe(0);
    const gone = await asCoder(t, 'Ana', copy, async (ok) => {
      const [first] = await ok('sources.list', {});
      const codings = await ok('codings.listForSource', { sourceId: first!.id });
      const hers = codings.find((c) => c.coderName === 'Ana')!;
      const his = codings.find((c) => c.coderName === 'Ben')!;
      await ok('codings.remove', { id: hers.id });
      await ok('codings.remove', { id: his.id });
      return { hers: hers.id, his: his.id };
    });
    const before = await codingCount();
    const refused = await cli('merge', copy);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`\n  coding-deleted:${gone.hers}  Coding `);
    expect(refused.out).toContain(`\n  CONFLICT coding-deleted:${gone.his}  Coding `);
    expect(refused.out).toContain('Ben’s (not Ana’s) coding');
    expect(refused.out).toContain('remove = Remove it here too; keep = Keep it here\n      answer: remove');
    expect(refused.out).toContain('1 coding to remove (deleted in the copy)');
    expect(refused.err).toContain(`unanswered (coding-deleted:${gone.his})`);
    expect(await codingCount()).toBe(before);

    const merged = await cli('merge', copy, '--answer', `coding-deleted:${gone.his}=keep`);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('1 coding removed (deleted in the copy)');
    expect(await codingCount()).toBe(before - 1);
  });

  it('prints the agreement table, writes CSV and XLSX, and gives JSON', async () => {
    const table = await cli('agreement', '--coders', 'Ana,Ben');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^Agreement Ana, Ben — character level\nCode +Characters compared +Percent agreement +Kappa/);
    expect(table.out).toMatch(/\nMotivation +[\d,]+ +0\.\d{3} +-?[01]\.\d{3}/);

    const json = await cli('agreement', '--coders', 'Ana,Ben', '--unit', 'unit', '--code', 'Motivation', '--format', 'json');
    const report = JSON.parse(json.out) as { level: string; rows: { name: string; kappa: { value: number } }[] };
    expect(report.level).toBe('unit');
    expect(report.rows.map((r) => r.name)).toEqual(['Motivation']);

    const csv = await cli('agreement', '--coders', 'Ana,Ben', '--unit', 'unit', '--code', 'Motivation', '--format', 'csv');
    const row = csv.out.split('\r\n').find((l) => l.startsWith('Motivation,'))!.split(',');
    expect(Number(row[3])).toBe(Math.round(report.rows[0]!.kappa.value * 1000) / 1000);

    const xlsx = join(t.dir, 'agreement.xlsx');
    expect((await cli('agreement', '--coders', 'Ana,Ben', '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    expect(existsSync(xlsx) && readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('says what is wrong with the options', async () => {
    expect(await cli('agreement', '--coders', 'Ana')).toMatchObject({ code: 2, err: expect.stringContaining('--coders needs two or more coder names') });
    expect(await cli('agreement', '--coders', 'Ana,Zoe')).toMatchObject({ code: 2, err: expect.stringContaining('no coder "Zoe"; this project has') });
    expect(await cli('agreement', '--coders', 'Ana,Ben', '--format', 'xlsx')).toMatchObject({ code: 2, err: expect.stringContaining('needs --out FILE') });
    expect(await cli('merge')).toMatchObject({ code: 2, err: expect.stringContaining('name one coder’s copy') });
    expect(await cli('merge', join(t.dir, 'missing.marginalia'))).toMatchObject({ code: 1, err: expect.stringContaining('missing.marginalia') });
  });
});
