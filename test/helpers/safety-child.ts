/**
 * A second process for the reliability tests: opens a project through a Host as the
 * transports do, says "ready" on stdout, then works until it is killed.
 *   hold PROJECT HOME      keeps the project open for writing, adding codes in a loop
 *   restore PROJECT HOME   restores the project's snapshots back and forth in a loop
 */
import type { ProjectInfo } from '../../shared/domain/types.ts';
import type { SnapshotList } from '../../shared/domain/safety-types.ts';
import { Host } from '../../electron/backend/host.ts';

const [mode, project, home] = process.argv.slice(2);
if (!mode || !project || !home) throw new Error('usage: safety-child MODE PROJECT HOME');
const host = new Host({ home, coderName: `child-${process.pid}` });
const opened = await host.call('project.open', { path: project });
if (!opened.ok) throw new Error(opened.error.message);
const info = opened.value as ProjectInfo;
if (info.safety?.readOnly) throw new Error(`read-only: ${info.safety.readOnly}`);
process.stdout.write('ready\n');

for (let n = 0; ; n++) {
  if (mode === 'hold') {
    const r = await host.call('codes.create', { name: `child ${process.pid} ${n}`, parentId: null });
    if (!r.ok) throw new Error(r.error.message);
  } else if (mode === 'restore') {
    const list = await host.call('project.snapshots', {});
    if (!list.ok) throw new Error(list.error.message);
    const { snapshots } = list.value as SnapshotList;
    const pick = snapshots[n % snapshots.length]!;
    const r = await host.call('project.restore', { snapshot: pick.name });
    if (!r.ok) throw new Error(r.error.message);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await new Promise((resolve) => setImmediate(resolve));
}
