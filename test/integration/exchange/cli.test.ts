import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { nvivoWindows, TAGUETTE_QDC } from '../../helpers/refi-fixtures.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

let t: TestHost;
beforeEach(() => {
  t = testHost();
});
afterEach(() => t.cleanup());

const cli = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--home', join(t.dir, 'cli-home')], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('marginalia import of REFI-QDA files, and marginalia new', () => {
  it('creates a project from a .qdpx when the project file does not exist, and reports as JSON', async () => {
    const file = join(t.dir, 'micro.qdpx');
    writeFileSync(file, nvivoWindows());
    const project = join(t.dir, 'from-nvivo.marginalia');
    const r = await cli('import', '--project', project, file, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const { created, report } = JSON.parse(r.out) as { created: boolean; report: { counts: Record<string, number>; origin: string } };
    expect(created).toBe(true);
    expect(report.origin).toBe('NVivo 12 for Windows');
    expect(report.counts).toMatchObject({ codesAdded: 3, participantsAdded: 1, sources: 1, codings: 3, memos: 2 });
    const stats = await cli('stats', '--project', project, '--json');
    expect(JSON.parse(stats.out)).toMatchObject({ sources: 1, codes: 3, codings: 3, participants: 1, memos: 2 });
  });

  it('merges a .qdc into an existing project and says what changed', async () => {
    const project = join(t.dir, 'study.marginalia');
    expect((await cli('new', '--project', project)).out).toBe(`Created ${project} (the five-question scheme, 12 codes)`);
    const file = join(t.dir, 'taguette.qdc');
    writeFileSync(file, TAGUETTE_QDC);
    const r = await cli('import', '--project', project, file);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([`Imported taguette.qdc (Taguette 1.4.1) into ${project}:`, '  codes: 1 added, 0 matched; framework elements: 0', '  + portability']);
  });

  it('leaves no project behind when the file is refused, and explains a missing project', async () => {
    const bad = join(t.dir, 'bad.qdpx');
    writeFileSync(bad, 'not a zip');
    const project = join(t.dir, 'never.marginalia');
    const r = await cli('import', '--project', project, bad);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`bad.qdpx is not a valid REFI-QDA project (.qdpx) file: it is not a ZIP archive\nNothing was imported; ${project} was not created.`);
    expect(existsSync(project)).toBe(false);
    expect(existsSync(`${project}-wal`)).toBe(false);

    const txt = join(t.dir, 'a.txt');
    writeFileSync(txt, 'hello');
    const missing = await cli('import', '--project', project, txt);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining(`No project file at ${project}: create one with \`marginalia new --project ${project}\``) });
  });

  it('new: an empty scheme on request, JSON, and never over an existing file', async () => {
    const project = join(t.dir, 'blank.marginalia');
    const r = await cli('new', '--project', project, '--scheme', 'empty', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ project, scheme: 'empty', codes: 0 });
    const again = await cli('new', '--project', project);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect((await cli('new', '--project', project, '--scheme', 'other')).code).toBe(2);
  });
});
