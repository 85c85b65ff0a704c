import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { stageOne } from './helpers.ts';

const TRANSCRIPT = 'Interviewer: Hello.\nAnn: Hi there.\nInterviewer: Bye.\nAnn: Bye now.\n';

describe('a running import keeps its project open', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  it('refuses to open another project or change coder until the import is done, then allows it', async () => {
    const staged = await stageOne(t, 'ann.txt', utf8Bytes(TRANSCRIPT));
    const running = t.host.call('import.run', {
      files: [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'new', label: 'PA' }] } }],
    });
    const other = await t.host.call('project.create', { path: join(t.dir, 'other.marginalia'), template: 'empty' });
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error.message).toMatch(/import is still running/);
    const coder = await t.host.call('coders.setCurrent', { name: 'someone else' });
    expect(!coder.ok && coder.error.code).toBe('conflict');

    const done = await running;
    expect(done.ok, JSON.stringify(done)).toBe(true);
    expect((await t.ok('project.info', {})).counts.sources).toBe(1);
    expect((await t.host.call('project.create', { path: join(t.dir, 'other.marginalia'), template: 'empty' })).ok).toBe(true);
  });
});
