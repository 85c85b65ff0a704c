import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { FIXED_TIME } from '../../helpers/project.ts';

const dirs: string[] = [];
const hosts: Host[] = [];
afterEach(() => {
  hosts.splice(0).forEach((h) => h.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const input = (path: string) => ({ server: 'http://127.0.0.1:9/', token: 'abcdefghijklmnop', teamProject: 'p1', path });

describe('joining a team project from the page', () => {
  it('takes only a full path ending in .marginalia, and in the desktop app only in a chosen place; nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-join-paths-'));
    dirs.push(dir);
    const desktop = new Host({ home: join(dir, 'home'), clock: () => FIXED_TIME, coderName: 'tester', desktop: true, teamLive: false });
    const browser = new Host({ home: join(dir, 'home2'), clock: () => FIXED_TIME, coderName: 'tester', teamLive: false });
    hosts.push(desktop, browser);
    for (const bad of ['relative.marginalia', join(dir, 'notes.txt'), join(dir, '.bashrc')]) {
      const r = await browser.call('teamSync.join', input(bad), 'renderer');
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    }
    const outside = join(dir, 'elsewhere', 'team.marginalia');
    const refused = await desktop.call('teamSync.join', input(outside), 'renderer');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(existsSync(outside)).toBe(false);
    // In the projects folder the path passes the policy; the (absent) server is what fails then.
    mkdirSync(desktop.projectsDir, { recursive: true });
    const inProjects = await desktop.call('teamSync.join', input(join(desktop.projectsDir, 'team.marginalia')), 'renderer');
    expect(inProjects).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!inProjects.ok) expect(inProjects.error.message).toMatch(/cannot be reached/);
  }, 60_000);
});
