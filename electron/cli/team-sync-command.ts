import { resolve } from 'node:path';
import type { MethodName, Output } from '../../shared/api/contract.ts';

export const TEAM_SYNC_USAGE = `  team share --project P --server URL --token T [--json]
                               uploads the project to a team server (an owner's token) and
                               makes it the first replica; prints the team project's id
  team join --server URL --token T --team-project ID --project LOCAL
                               makes LOCAL (a new .marginalia file) a replica of the team
                               project and brings it up to date
  team sync --project LOCAL [--json]
                               pushes LOCAL's pending operations and pulls the others'`;

export const TEAM_SYNC_COMMANDS = new Set(['share', 'join', 'sync']);

type Io = { out: (line: string) => void; err: (line: string) => void };
type Call = <M extends MethodName>(method: M, input: unknown) => Promise<Output<M>>;

/** `--server`, `--token`, `--team-project` (as `--x v` or `--x=v`) and `--json`; --project is read by the caller. */
function read(sub: string, argv: readonly string[]): { server?: string; token?: string; teamProject?: string; json: boolean } {
  const named: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--json') json = true;
    else if (flag === '--server' || flag === '--token' || flag === '--team-project') {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`team ${sub}: ${flag} needs a value`);
      named[flag.slice(2)] = v;
    } else throw new Error(`team ${sub}: unexpected ${flag}`);
  }
  return { server: named['server'], token: named['token'], teamProject: named['team-project'], json };
}

function need(sub: string, what: Record<string, string | undefined>): Record<string, string> {
  const missing = Object.entries(what).filter(([, v]) => !v).map(([k]) => `--${k}`);
  if (missing.length > 0) throw new Error(`team ${sub} needs ${missing.join(' and ')}`);
  return what as Record<string, string>;
}

/**
 * `marginalia team share|join|sync`. `project` is --project as given (share and sync open it;
 * join makes it). Returns the exit code.
 */
export async function runTeamSyncCommand(sub: string, argv: readonly string[], project: string | undefined, call: Call, io: Io): Promise<number> {
  const o = read(sub, argv);
  if (!project) throw new Error(`team ${sub} needs --project ${sub === 'join' ? 'LOCAL' : 'PATH'}`);
  if (sub === 'share') {
    const { server, token } = need(sub, { server: o.server, token: o.token });
    await call('project.open', { path: resolve(project) });
    const r = await call('teamSync.share', { server, token });
    io.out(o.json ? JSON.stringify({ teamProject: r.teamProject }) : r.teamProject);
    return 0;
  }
  if (sub === 'join') {
    const { server, token, 'team-project': teamProject } = need(sub, { server: o.server, token: o.token, 'team-project': o.teamProject });
    const info = await call('teamSync.join', { server, token, teamProject, path: resolve(project) });
    const status = await call('teamSync.status', {});
    if (o.json) io.out(JSON.stringify({ path: info.path, teamProject, user: status.user, role: status.role, last: status.cursor, lastError: status.lastError }));
    else {
      io.out(`Joined team project ${teamProject} as ${status.user} (${status.role}): ${info.path}`);
      io.out(status.lastError ? `The first sync failed: ${status.lastError}` : `Up to date with the log at ${status.cursor}.`);
    }
    return status.lastError ? 1 : 0;
  }
  await call('project.open', { path: resolve(project) });
  const r = await call('teamSync.sync', {});
  const status = await call('teamSync.status', {});
  if (o.json) io.out(JSON.stringify({ ...r, pending: status.pending }));
  else {
    io.out(`Pushed ${r.pushed} operation${r.pushed === 1 ? '' : 's'}${r.refused ? ` (${r.refused} refused)` : ''}, pulled ${r.pulled}; at ${r.last} in the log, ${status.pending} pending.`);
    for (const n of status.notices.filter((x) => !x.seen)) io.out(`Notice: ${n.message}`);
  }
  return 0;
}
