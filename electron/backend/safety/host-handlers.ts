import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ProjectInfo } from '../../../shared/domain/types.ts';
import type { HostHandlerMap } from '../handler-types.ts';
import type { Project } from '../project.ts';
import type { ProjectGuard } from './guard.ts';
import { listSnapshots } from './snapshots.ts';

/** What the snapshot and restore handlers need of the Host. */
export type SafetyHost = {
  guard: ProjectGuard;
  project: () => Project | null;
  /** Opens a project file (the Host's open, with its recent list and coder). */
  open: (path: string) => ProjectInfo;
  /** Refuses while a job writes into the open project. */
  assertIdle: (what: string) => void;
};

type SafetyMethod = 'project.snapshots' | 'project.snapshot' | 'project.restore';

/** The project a call names: the open one, or (`damaged`) the one just refused as damaged. */
function target(host: SafetyHost, damaged: true | undefined): { path: string; open: boolean } {
  if (damaged) {
    const path = host.guard.lastDamaged;
    if (!path) throw new ApiFailure('not_found', 'No project was refused as damaged', 'damaged');
    return { path, open: false };
  }
  const open = host.guard.openPath;
  if (!open) throw new ApiFailure('no_project', 'No project is open');
  return { path: open, open: true };
}

export function safetyHandlers(host: SafetyHost): HostHandlerMap<SafetyMethod> {
  return {
    'project.snapshots': async (i) => {
      const { path, open } = target(host, i.damaged);
      // The automatic snapshot being written is listed once it has its name.
      if (open) await host.guard.whenSnapshotted();
      return listSnapshots(path);
    },
    'project.snapshot': () => {
      host.assertIdle('taking a snapshot');
      const project = host.project();
      if (!project) throw new ApiFailure('no_project', 'No project is open');
      return host.guard.snapshotNow(project);
    },
    'project.restore': (i) => {
      host.assertIdle('restoring a snapshot');
      const t = target(host, i.damaged);
      const project = host.project();
      if (t.open && project) {
        const r = host.guard.restoreOpen(project, i.snapshot, () => project.close(), () => host.open(t.path));
        return { info: r.value, before: r.before?.name ?? null, keptAs: r.keptAs };
      }
      const { keptAs } = host.guard.restoreClosed(t.path, i.snapshot);
      host.guard.lastDamaged = null;
      return { info: host.open(t.path), before: null, keptAs };
    },
  };
}
