import { basename, resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import type { ApiResult } from '../../shared/api/errors.ts';
import type { SnapshotInfo } from '../../shared/domain/safety-types.ts';
import type { Host } from '../backend/host.ts';
import { latestGoodSnapshot, listSnapshots } from '../backend/safety/snapshots.ts';

/** `marginalia snapshots`, `marginalia snapshot` and `marginalia restore`. */

export const SNAPSHOT_USAGE = `  snapshots --project P [--json]
                               the project's snapshots (kept in P's .marginalia-snapshots
                               folder), newest first: time, why, size, what each holds
  snapshot --project P         takes a snapshot now
  restore --project P [--from SNAPSHOT] [--json]
                               puts a snapshot (its name as listed; the latest good one by
                               default) in P's place; the current state is snapshotted first,
                               a damaged P is kept aside under another name`;

/** host.call typed by the contract, the failure kept (restore needs to see a 'damaged' refusal). */
const typed = <M extends MethodName>(host: Host, method: M, input: Input<M>) => host.call(method, input) as Promise<ApiResult<Output<M>>>;

type Io = { out: (line: string) => void; err: (line: string) => void };

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

const describe = (s: SnapshotInfo): string =>
  `${s.name}  ${s.reason.padEnd(8)}  ${size(s.size).padStart(8)}  ${s.counts ? `${s.counts.sources} sources, ${s.counts.codes} codes, ${s.counts.codings} codings, ${s.counts.memos} memos` : `unreadable: ${s.problem ?? ''}`}`;

export function runSnapshotsCommand(projectPath: string, argv: readonly string[], io: Io): number {
  const list = listSnapshots(resolve(projectPath));
  if (argv.includes('--json')) {
    io.out(JSON.stringify(list));
    return 0;
  }
  io.out(`Snapshots of ${list.project} in ${list.folder}:`);
  if (list.snapshots.length === 0) io.out('  none yet (one is taken each time the project is opened)');
  for (const s of list.snapshots) io.out(`  ${describe(s)}`);
  return 0;
}

export async function runSnapshotCommand(host: Host, projectPath: string, io: Io): Promise<number> {
  const opened = await typed(host, 'project.open', { path: resolve(projectPath) });
  if (!opened.ok) throw new Error(opened.error.message);
  const r = await typed(host, 'project.snapshot', {});
  if (!r.ok) throw new Error(r.error.message);
  io.out(`Snapshot taken: ${describe(r.value)}`);
  return 0;
}

/** `--from` takes the name as listed; a path to a file in the snapshots folder works too. */
function fromArg(argv: readonly string[]): string | undefined | Error {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') continue;
    if (arg === '--from') {
      const value = argv[++i];
      if (!value) return new Error('restore: --from needs a snapshot name (see `marginalia snapshots`)');
      return basename(value);
    }
    if (arg.startsWith('--from=')) return basename(arg.slice('--from='.length));
    return new Error(`restore: unexpected argument "${arg}"`);
  }
  return undefined;
}

export async function runRestoreCommand(host: Host, projectPath: string, argv: readonly string[], io: Io): Promise<number> {
  const path = resolve(projectPath);
  const from = fromArg(argv);
  if (from instanceof Error) {
    io.err(`${from.message}\n${SNAPSHOT_USAGE}`);
    return 2;
  }
  const opened = await typed(host, 'project.open', { path });
  if (!opened.ok && opened.error.code !== 'damaged') throw new Error(opened.error.message);
  if (opened.ok && opened.value.safety?.readOnly) {
    io.err(`Not restored: ${opened.value.safety.readOnly}`);
    return 1;
  }
  const snapshot = from ?? latestGoodSnapshot(path)?.name;
  if (!snapshot) {
    io.err(`Not restored: ${path} has no good snapshot to restore`);
    return 1;
  }
  const r = await typed(host, 'project.restore', opened.ok ? { snapshot } : { snapshot, damaged: true });
  if (!r.ok) throw new Error(r.error.message);
  if (argv.includes('--json')) io.out(JSON.stringify({ project: path, restored: snapshot, before: r.value.before, keptAs: r.value.keptAs, counts: r.value.info.counts }));
  else {
    io.out(`Restored ${path} from ${snapshot}.`);
    if (r.value.before) io.out(`The state before the restore is kept as snapshot ${r.value.before}.`);
    if (r.value.keptAs) io.out(`The damaged file is kept as ${r.value.keptAs}.`);
  }
  return 0;
}
