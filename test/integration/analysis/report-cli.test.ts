import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy } from './study.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

describe('marginalia report', () => {
  let t: TestHost;
  let path: string;
  beforeEach(async () => {
    t = testHost();
    await buildStudy(t);
    path = t.host.current!.db.path;
    t.host.close();
  });
  afterEach(() => t.cleanup());

  const report = async (...args: string[]) => {
    const c = capture();
    const code = await runCli(['report', '--project', path, '--home', join(t.dir, 'cli-home'), ...args], c.io);
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };

  it('prints the frequency matrix by participant as CSV', async () => {
    const r = await report('--kind', 'frequency', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.out.split('\r\n');
    expect(lines[0]).toBe('Code,P1,P2,P3,P4,Unattributed,Total');
    expect(lines).toContain('Why,3,2,1,0,3,9');
    expect(lines).toContain('Why / Value,2,2,0,0,1,5');
    expect(lines).toContain('What / Empty,0,0,0,0,0,0');
  });

  it('groups by an attribute and measures sources or coverage', async () => {
    const r = await report('--kind', 'frequency', '--by', 'ROLE', '--measure', 'sources', '--rows', 'sections', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { columns: string[]; rows: { code: string; values: Record<string, number>; total: number }[] };
    expect(json.columns).toEqual(['Expert', 'Leader', '(no value)', 'Unattributed']);
    expect(json.rows[0]).toEqual({ code: 'Why', values: { Expert: 3, Leader: 1, '(no value)': 0, Unattributed: 3 }, total: 5 });
    const cov = await report('--kind', 'frequency', '--measure', 'coverage', '--format', 'json');
    const ip = (JSON.parse(cov.out) as { rows: { code: string; values: Record<string, number> }[] }).rows.find((x) => x.code === 'IP')!;
    expect(ip.values['P4']).toBe(0);
    expect(ip.values['P1']).toBeGreaterThan(0);
    expect(ip.values['P1']).toBeLessThan(100);
  });

  it('prints co-occurrence and framework coverage', async () => {
    const co = await report('--kind', 'cooccurrence', '--mode', 'unit', '--format', 'json');
    const m = JSON.parse(co.out) as { codes: string[]; counts: number[][] };
    const i = m.codes.indexOf('Why / Value');
    const j = m.codes.indexOf('Why / Strategy');
    expect(m.counts[i]![j]).toBe(2);
    const cov = await report('--kind', 'coverage');
    expect(cov.code).toBe(0);
    expect(cov.out.split('\r\n')[0]).toBe('Framework,Items linked,Items,Items %,Categories linked,Categories,Categories %');
  });

  it('says what is wrong with bad options', async () => {
    expect(await report('--format', 'csv')).toMatchObject({ code: 2, err: expect.stringContaining('--kind is required') });
    expect(await report('--kind', 'pie')).toMatchObject({ code: 2, err: expect.stringContaining('--kind must be one of') });
    expect(await report('--kind', 'frequency', '--by', 'age')).toMatchObject({ code: 2, err: expect.stringContaining('no attribute called "age"') });
    const usage = capture();
    await runCli(['help'], usage.io);
    expect(usage.out.join('\n')).toContain('report --project P --kind frequency|cooccurrence|coverage');
  });
});
