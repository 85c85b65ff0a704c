import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../../shared/api/contract.ts';
import { Host } from '../../../electron/backend/host.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

describe('a new project from a name', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
  });
  afterEach(() => t.cleanup());

  it('lands in the projects folder with the extension, and says where that folder is', async () => {
    const { projectsDir } = await t.ok('app.paths', {});
    expect(projectsDir).toBe(join(t.dir, 'home', 'projects'));
    const info = await t.ok('project.create', { name: 'Case study', template: 'five-questions' });
    expect(info.path).toBe(join(projectsDir, 'Case study.marginalia'));
    expect(info.name).toBe('Case study');
    expect(existsSync(info.path)).toBe(true);
    expect((await t.ok('project.recent', {}))[0]).toMatchObject({ path: info.path, name: 'Case study', exists: true });
  });

  it('takes a bare path as a project in the projects folder, never one in the working directory', async () => {
    const before = readdirSync(process.cwd());
    const info = await t.ok('project.create', { path: 'Case study', template: 'empty' });
    expect(info.path).toBe(join(t.dir, 'home', 'projects', 'Case study.marginalia'));
    expect(readdirSync(process.cwd())).toEqual(before);
    // Opening by the same bare name finds it there too.
    await t.ok('project.openDemo', {});
    expect((await t.ok('project.open', { path: 'Case study' })).path).toBe(info.path);
  });

  it('goes into a folder the researcher chose, keeping an extension already typed', async () => {
    const folder = join(t.dir, 'thesis');
    mkdirSync(folder);
    const info = await t.ok('project.create', { name: 'Chapter 4.marginalia', folder, template: 'empty' });
    expect(info.path).toBe(join(folder, 'Chapter 4.marginalia'));
  });

  it('never overwrites: a second project of the same name is refused and the first is untouched', async () => {
    const first = await t.ok('project.create', { name: 'Pilot', template: 'five-questions' });
    await t.ok('codes.create', { name: 'Only in the first', parentId: null });
    await t.ok('project.openDemo', {});
    const bytes = readFileSync(first.path);
    const r = await t.host.call('project.create', { name: 'Pilot', template: 'empty' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'conflict', field: 'path' });
    expect(!r.ok && r.error.message).toContain(`${first.path} already exists`);
    expect(readFileSync(first.path).equals(bytes)).toBe(true);
    expect(t.host.current!.info().isDemo).toBe(true);
  });

  const refused: [string, Input<'project.create'>, string, RegExp][] = [
    ['a slash in the name', { name: 'Interviews/2024' }, 'name', /cannot contain “\/”/],
    ['a name starting with a dot', { name: '.hidden' }, 'name', /cannot start with a dot/],
    ['a relative folder', { name: 'Pilot', folder: 'Documents' }, 'folder', /must be a full path to a folder/],
    ['both a name and a path', { name: 'Pilot', path: '/tmp/x.marginalia' }, 'name', /not both/],
    ['neither a name nor a path', {}, 'name', /give the project a name/],
  ];
  for (const [what, input, field, message] of refused) {
    it(`refuses ${what}, naming the field, and creates nothing`, async () => {
      const r = await t.host.call('project.create', input);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.field).toBe(field);
      expect(!r.ok && r.error.message).toMatch(message);
      expect(existsSync(join(t.dir, 'home', 'projects'))).toBe(false);
    });
  }

  it('refuses a folder outside the projects folder that does not exist, instead of making it', async () => {
    const folder = join(t.dir, 'no', 'such', 'folder');
    const r = await t.host.call('project.create', { name: 'Pilot', folder });
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid_input', field: 'folder' });
    expect(!r.ok && r.error.message).toContain(`The folder ${folder} does not exist`);
    expect(existsSync(join(t.dir, 'no'))).toBe(false);
  });
});

describe('who is coding', () => {
  let dir: string;
  const hosts: Host[] = [];
  let tick = 0;
  // Each host's clock moves on, as time does between two starts of the app.
  const clock = () => new Date(Date.UTC(2026, 10, 28, 12, 0, tick++));
  const start = (home: string) => {
    const host = new Host({ home, clock });
    hosts.push(host);
    const ok = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await host.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as Output<M>;
    };
    return { host, ok };
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-coder-'));
  });
  afterEach(() => {
    for (const h of hosts.splice(0)) h.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });

  it('asks on first start, keeps the name given, and records it on new codings', async () => {
    const home = join(dir, 'home');
    const first = start(home);
    expect(await first.ok('coders.current', {})).toEqual({ name: userInfo().username, chosen: false });
    await first.ok('project.openDemo', {});

    const ana = await first.ok('coders.setCurrent', { name: 'Ana Souza' });
    expect(await first.ok('coders.current', {})).toEqual({ name: 'Ana Souza', chosen: true });
    expect((await first.ok('project.info', {})).coder).toEqual(ana);
    // The machine's user name this start put in the demo was a placeholder for her: no second coder.
    expect((await first.ok('coders.list', {})).map((c) => c.name)).toEqual(['Ana Souza']);

    const source = (await first.ok('sources.list', {}))[0]!;
    const coding = await first.ok('codings.apply', { sourceId: source.id, codeId: (await first.ok('codes.list', {}))[0]!.id, start: 0, end: 5 });
    expect(coding.coderName).toBe('Ana Souza');
    expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'))).toEqual({ coderName: 'Ana Souza' });

    // The next start knows her, and the project file keeps who coded what.
    first.host.close();
    const second = start(home);
    expect(await second.ok('coders.current', {})).toEqual({ name: 'Ana Souza', chosen: true });
    await second.ok('project.openDemo', {});
    expect((await second.ok('project.info', {})).coder.name).toBe('Ana Souza');

    // Changing it later is another coder: earlier codings stay hers.
    const ben = await second.ok('coders.setCurrent', { name: 'Ben Okafor' });
    expect(ben.id).not.toBe(ana.id);
    expect((await second.ok('coders.list', {})).map((c) => c.name)).toEqual(['Ana Souza', 'Ben Okafor']);
    expect((await second.ok('codings.get', { id: coding.id })).coderName).toBe('Ana Souza');
    const next = await second.ok('codings.apply', { sourceId: source.id, codeId: coding.codeId, start: 10, end: 20 });
    expect(next.coderName).toBe('Ben Okafor');
  });

  it('never renames a coder the project had before this start', async () => {
    const path = join(dir, 'shared.marginalia');
    const earlier = start(join(dir, 'home-a'));
    await earlier.ok('project.create', { path, template: 'empty' });
    earlier.host.close();
    // Another data folder, no name given yet: the machine's user name is already a coder of this project.
    const later = start(join(dir, 'home-b'));
    await later.ok('project.open', { path });
    await later.ok('coders.setCurrent', { name: 'Ana Souza' });
    expect((await later.ok('coders.list', {})).map((c) => c.name).sort()).toEqual(['Ana Souza', userInfo().username].sort());
  });

  it('refuses a name with a line break and keeps the old one', async () => {
    const { host, ok } = start(join(dir, 'home'));
    await ok('project.openDemo', {});
    const r = await host.call('coders.setCurrent', { name: 'Ana\nSouza' });
    expect(!r.ok && r.error.message).toMatch(/Coder name contains a line feed|control character/);
    expect(await ok('coders.current', {})).toEqual({ name: userInfo().username, chosen: false });
    expect(existsSync(join(dir, 'home', 'settings.json'))).toBe(false);
    writeFileSync(join(dir, 'home', 'settings.json'), 'not json');
    expect(start(join(dir, 'home')).host).toBeInstanceOf(Host);
  });
});
