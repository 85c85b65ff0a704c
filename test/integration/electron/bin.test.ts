import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { ensureBuilt } from './ensure-built.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the marginalia bin entry', () => {
  let t: TestHost;
  beforeAll(async () => {
    await ensureBuilt(root);
    t = testHost();
    await t.ok('project.openDemo', {});
    t.host.close();
  }, 240_000);
  afterAll(() => t.cleanup());

  it('runs the built CLI: stats of the demo project as JSON', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'marginalia.cjs'), 'stats', '--project', t.host.demoPath, '--json'], { encoding: 'utf8', env: { ...process.env, MARGINALIA_HOME: join(t.dir, 'h') } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ participants: 3, sources: 6 });
  });

  it('exits non-zero with the reason when a command is wrong', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'marginalia.cjs'), 'stats'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--project');
  });
});
