import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLaunchArgs } from '../launch-args.ts';
import { Host, defaultHome } from '../backend/host.ts';
import { checkProject } from '../backend/check.ts';
import { REPORT_USAGE, runReport } from './report.ts';
import { IMPORT_USAGE } from './import-args.ts';
import { runImportCommand } from './import-command.ts';
import { EXPORT_USAGE, runExportCommand } from './export-command.ts';
import { EXCHANGE_USAGE, exportExchangeFile, isExchangeFile, runExchangeImport, runNewCommand } from './exchange-command.ts';
import type { MethodName, Output, ProgressEvent } from '../../shared/api/contract.ts';
import { SNAPSHOT_USAGE, runRestoreCommand, runSnapshotCommand, runSnapshotsCommand } from './snapshot-command.ts';
import { TEAM_USAGE, runAgreementCommand, runDistributeCommand, runMergeCommand } from './team-command.ts';
import { TEAM_SERVER_ADMIN, TEAM_SERVER_USAGE, runTeamServerAdmin, runTeamServerCommand } from './team-server-command.ts';
import { TEAM_SYNC_COMMANDS, TEAM_SYNC_USAGE, runTeamSyncCommand } from './team-sync-command.ts';
import { INTEGRITY_USAGE, IntegrityUsageError, runAnonymizeCommand, runAuditCommand, runKeyCommand, runVerifyCommand } from './integrity-command.ts';

const USAGE = `Usage: marginalia <command> [options]

Commands:
  stats --project P [--json]   counts of participants, sources, codes, codings and memos
  check --project P            SQLite integrity check plus Marginalia's own invariants
${REPORT_USAGE}
${IMPORT_USAGE}
${EXCHANGE_USAGE}
${EXPORT_USAGE}
${SNAPSHOT_USAGE}
${TEAM_USAGE}
${TEAM_SERVER_USAGE}
${TEAM_SYNC_USAGE}
${INTEGRITY_USAGE}
  serve [--project P] [--port N]  browser mode (same as npm run serve)
`;

type Io = { out: (line: string) => void; err: (line: string) => void; progress?: (event: ProgressEvent) => void };

/**
 * Progress of long jobs on a terminal: one line rewritten in place on stderr, so stdout stays
 * the report (and `--json` stays parseable). Off when stderr is not a terminal.
 */
function terminalProgress(): ((event: ProgressEvent) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (e) => {
    const now = Date.now();
    if (!e.finished && now - last < 100) return;
    last = now;
    const width = String(e.total).length;
    const line = `[${String(e.done).padStart(width)}/${e.total}] ${e.label}`.slice(0, (process.stderr.columns || 80) - 1);
    process.stderr.write(`\r\u001b[2K${line}${e.finished ? '\n' : ''}`);
  };
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(
  argv: readonly string[],
  io: Io = { out: (l) => console.log(l), err: (l) => console.error(l), progress: terminalProgress() },
): Promise<number> {
  let args;
  try {
    args = parseLaunchArgs(argv);
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const [command, ...rest] = args.rest;
  const json = rest.includes('--json');
  if (!command || command === 'help' || command === '--help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const needProject = (): string | null => {
    if (!args.project) {
      io.err(`${command} needs --project PATH`);
      return null;
    }
    if (!existsSync(args.project)) {
      io.err(`No project file at ${args.project}: create one with \`marginalia new --project ${args.project}\`, or import a .qdpx project into it to create it from that`);
      return null;
    }
    // A command line names files from where it runs; the API would take a bare name as one in the projects folder.
    return resolve(args.project);
  };
  // teamLive: false — a command does its one team sync itself and ends; no live connection.
  const host = new Host({ home: args.home ?? defaultHome(), teamLive: false, ...(io.progress ? { onProgress: io.progress } : {}) });
  const call = async <M extends MethodName>(method: M, input: unknown): Promise<Output<M>> => {
    const r = await host.call(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Output<M>;
  };
  try {
    switch (command) {
      case 'stats': {
        const path = needProject();
        if (!path) return 2;
        const info = await call('project.open', { path });
        if (json) io.out(JSON.stringify({ project: info.name, path: info.path, ...info.counts }));
        else for (const [k, v] of Object.entries(info.counts)) io.out(`${k.padEnd(14)}${v}`);
        return 0;
      }
      case 'check': {
        const path = needProject();
        if (!path) return 2;
        await call('project.open', { path });
        const problems = checkProject(host.current!.db);
        if (json) io.out(JSON.stringify({ ok: problems.length === 0, problems }));
        else if (problems.length === 0) io.out(`${path}: OK`);
        else for (const p of problems) io.err(`${path}: ${p}`);
        return problems.length === 0 ? 0 : 1;
      }
      case 'report': {
        const path = needProject();
        if (!path) return 2;
        await call('project.open', { path });
        return await runReport(rest, call, io);
      }
      case 'new': {
        if (!args.project) {
          io.err('new needs --project PATH');
          return 2;
        }
        return await runNewCommand(host, args.project, rest, io);
      }
      case 'import': {
        if (rest.some(isExchangeFile)) {
          if (!args.project) {
            io.err('import needs --project PATH');
            return 2;
          }
          return await runExchangeImport(host, args.project, rest, io);
        }
        const path = needProject();
        if (!path) return 2;
        const opened = await call('project.open', { path });
        // Never a second writer: refused before anything is read or staged.
        if (opened.safety?.readOnly) throw new Error(`Nothing was imported: ${opened.safety.readOnly}`);
        return await runImportCommand(rest, call, io);
      }
      case 'export': {
        const path = needProject();
        if (!path) return 2;
        await call('project.open', { path });
        return await runExportCommand(rest, call, io, (format, out) => exportExchangeFile(host, format, out));
      }
      case 'snapshots': {
        const path = needProject();
        if (!path) return 2;
        return runSnapshotsCommand(path, rest, io);
      }
      case 'snapshot': {
        const path = needProject();
        if (!path) return 2;
        return await runSnapshotCommand(host, path, io);
      }
      case 'restore': {
        const path = needProject();
        if (!path) return 2;
        return await runRestoreCommand(host, path, rest, io);
      }
      case 'anonymize': {
        const path = needProject();
        if (!path) return 2;
        const opened = await call('project.open', { path });
        if (opened.safety?.readOnly) throw new Error(`No copy was made: ${opened.safety.readOnly}`);
        return await runAnonymizeCommand(rest, call, io);
      }
      case 'verify':
      case 'audit': {
        const path = needProject();
        if (!path) return 2;
        // Read-only, as a reviewer opens it: checking a project never writes to it.
        await call('project.openForReview', { path });
        return command === 'verify' ? await runVerifyCommand(path, rest, call, io) : await runAuditCommand(rest, call, io);
      }
      case 'key':
        return runKeyCommand(rest, io);
      case 'agreement': {
        const path = needProject();
        if (!path) return 2;
        // Read-only, as a reviewer opens it: computing agreement never writes to the project.
        await call('project.openForReview', { path });
        return await runAgreementCommand(rest, call, io);
      }
      case 'merge':
      case 'distribute': {
        const path = needProject();
        if (!path) return 2;
        const opened = await call('project.open', { path });
        if (command === 'merge' && opened.safety?.readOnly) throw new Error(`Nothing was merged: ${opened.safety.readOnly}`);
        return command === 'merge' ? await runMergeCommand(rest, call, io) : await runDistributeCommand(rest, call, io);
      }
      case 'team-server':
        return await runTeamServerCommand(rest, { home: args.home ?? defaultHome(), ...(args.port !== undefined ? { port: args.port } : {}) }, io);
      case 'team': {
        const [sub, ...teamArgs] = rest;
        if (sub && TEAM_SERVER_ADMIN.has(sub)) return await runTeamServerAdmin(sub, teamArgs, io);
        if (sub && TEAM_SYNC_COMMANDS.has(sub)) return await runTeamSyncCommand(sub, teamArgs, args.project, call, io);
        io.err(`Unknown team command "${sub ?? ''}".\n${USAGE}`);
        return 2;
      }
      case 'serve': {
        const { serve } = await import('../server/serve.ts');
        await serve(argv.filter((a) => a !== 'serve'));
        return await new Promise<number>(() => {});
      }
      default:
        io.err(`Unknown command "${command}".\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return err instanceof IntegrityUsageError ? 2 : 1;
  } finally {
    if (command !== 'serve') host.close();
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(mjs|ts|js)$/.test(process.argv[1]);
if (isMain) void runCli(process.argv.slice(2)).then((code) => process.exit(code));
