import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { Host } from '../../../electron/backend/host.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

describe('the marginalia CLI', () => {
  let t: TestHost;
  let demo: string;
  beforeEach(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    demo = t.host.demoPath;
    t.host.close();
  });
  afterEach(() => t.cleanup());

  it('stats --json prints the counts of a project', async () => {
    const c = capture();
    expect(await runCli(['stats', '--project', demo, '--json', '--home', join(t.dir, 'h')], c.io)).toBe(0);
    const stats = JSON.parse(c.out[0]!) as Record<string, number>;
    expect(stats).toMatchObject({ participants: 3, sources: 6, codes: 13 });
    expect(stats['codings']).toBeGreaterThan(30);
    expect(stats['memos']).toBeGreaterThan(0);
  });

  it('check passes a sound project and fails, naming the problem, when a quote no longer matches its text', async () => {
    const ok = capture();
    expect(await runCli(['check', '--project', demo, '--home', join(t.dir, 'h')], ok.io)).toBe(0);
    expect(ok.out[0]).toContain('OK');

    const h = new Host({ home: join(t.dir, 'h2') });
    h.open(demo, false);
    h.current!.db.raw.prepare("UPDATE codings SET quote = 'tampered' WHERE id = 1").run();
    h.close();
    const bad = capture();
    expect(await runCli(['check', '--project', demo, '--home', join(t.dir, 'h')], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/coding 1: its quoted text no longer matches/);
  });

  it('explains usage errors', async () => {
    const c = capture();
    expect(await runCli(['stats'], c.io)).toBe(2);
    expect(c.err[0]).toContain('--project');
    const d = capture();
    expect(await runCli(['frobnicate', '--project', demo], d.io)).toBe(2);
    expect(d.err[0]).toContain('Unknown command');
    const e = capture();
    expect(await runCli(['stats', '--project', join(t.dir, 'nope.marginalia')], e.io)).toBe(2);
    expect(e.err[0]).toContain('No project file');
  });
});
