import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import type { CodebookChange, ExchangeExportSummary, ExchangeImportReport } from '../../shared/domain/exchange-types.ts';
import type { Host } from '../backend/host.ts';
import { writeAtomically } from './export-command.ts';

/** REFI-QDA files from the command line: `marginalia import` of a .qdpx or .qdc, `marginalia new`, and `marginalia export --format qdc|qdpx` writes through here. */

async function call<M extends MethodName>(host: Host, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await host.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<M>;
}

/**
 * Exports the host's open project as a REFI-QDA codebook (.qdc) or project (.qdpx) to
 * `outFile`, through the same API methods the UI calls (progress goes to the host's listener).
 */
export async function exportExchangeFile(host: Host, format: 'qdc' | 'qdpx', outFile: string): Promise<ExchangeExportSummary> {
  const exported = format === 'qdc' ? await call(host, 'exchange.exportCodebook', {}) : await call(host, 'exchange.exportProject', {});
  const out = resolve(outFile);
  writeAtomically(out, Buffer.from(exported.file.base64, 'base64'));
  return { ...exported.summary, fileName: basename(out) };
}

export const EXCHANGE_USAGE = `  import --project P FILE.qdpx|FILE.qdc [--json]
                               a REFI-QDA project or codebook (NVivo, ATLAS.ti, MAXQDA,
                               QualCoder, Taguette…) in one step; creates P from the file when
                               P does not exist; a codebook merges into P's by name path
  new --project P [--scheme five-questions|empty] [--json]
                               creates a project file (the five-question scheme by default)`;

type Io = { out: (line: string) => void; err: (line: string) => void };

export const isExchangeFile = (arg: string): boolean => /\.(qdpx|qdc)$/i.test(arg);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const CHANGE_MARK: Record<CodebookChange['action'], string> = { add: '+', describe: '~', keep: '=', same: ' ' };
const CHANGE_NOTE: Record<CodebookChange['action'], string> = { add: '', describe: ' (definition added)', keep: ' (our definition kept)', same: '' };

function printReport(report: ExchangeImportReport, project: string, created: boolean, io: Io): void {
  const c = report.counts;
  io.out(`Imported ${report.name}${report.origin ? ` (${report.origin})` : ''} into ${project}${created ? ' (new project)' : ''}:`);
  io.out(`  codes: ${c.codesAdded} added, ${c.codesMatched} matched; framework elements: ${c.frameworkElements}`);
  if (report.format === 'qdpx') {
    io.out(`  coders: ${c.coders}; participants: ${c.participantsAdded} added, ${c.participantsMatched} matched; attributes: ${c.attributes}`);
    io.out(`  sources: ${c.sources}; codings: ${c.codings}; memos: ${c.memos}`);
  } else {
    for (const change of report.codebook.filter((x) => x.action !== 'same')) io.out(`  ${CHANGE_MARK[change.action]} ${change.path.join(' / ')}${CHANGE_NOTE[change.action]}`);
  }
  const unusual = report.positions.filter((p) => p.unit !== 'code points' || p.lineBreaks !== 'as in the file');
  if (unusual.length > 0) io.out(`  positions read as ${unusual[0]!.unit}${unusual[0]!.lineBreaks === 'one character' ? ', a line break as one character,' : ''} in ${plural(unusual.length, 'source')}`);
  if (report.notImported.length > 0) {
    io.out('Not imported:');
    for (const n of report.notImported) io.out(`  ${n.what}: ${n.count}${n.detail ? ` (${n.detail})` : ''}`);
  }
  if (report.warningCount > 0) {
    io.out(`Warnings (${report.warningCount}):`);
    for (const w of report.warnings) io.out(`  ${w.where}: ${w.message}`);
    if (report.warningCount > report.warnings.length) io.out(`  … and ${report.warningCount - report.warnings.length} more`);
  }
}

/** Removes a project file this command created, with its WAL and shared-memory files. */
function removeProjectFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * `marginalia import --project P FILE.qdpx|FILE.qdc`: into P, or into a new P made from the
 * file. The import is one step; if it fails, a P this command created is removed again.
 */
export async function runExchangeImport(host: Host, projectPath: string, argv: readonly string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) {
    io.err(`${unknown.length > 0 ? `import: ${unknown[0]} does not apply to a REFI-QDA file` : 'import: give one .qdpx or .qdc file (other files are imported in a separate command)'}\n${EXCHANGE_USAGE}`);
    return 2;
  }
  const path = resolve(projectPath);
  const created = !existsSync(path);
  try {
    await call(host, created ? 'project.create' : 'project.open', created ? { path, template: 'empty' } : { path });
    const staged = await call(host, 'exchange.stage', { file: { path: resolve(files[0]!) } });
    const report = staged.format === 'qdc' ? await call(host, 'exchange.applyCodebook', { stagedId: staged.stagedId }) : await call(host, 'exchange.importProject', { stagedId: staged.stagedId });
    if (json) io.out(JSON.stringify({ project: path, created, report }));
    else printReport(report, path, created, io);
    return 0;
  } catch (error) {
    if (created) {
      host.close();
      removeProjectFile(path);
    }
    io.err(`${error instanceof Error ? error.message : String(error)}\nNothing was imported${created ? `; ${path} was not created` : ''}.`);
    return 1;
  }
}

/** `marginalia new --project P [--scheme five-questions|empty]`. */
export async function runNewCommand(host: Host, projectPath: string, argv: readonly string[], io: Io): Promise<number> {
  let scheme: 'five-questions' | 'empty' = 'five-questions';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') continue;
    const value = arg === '--scheme' ? argv[++i] : arg.startsWith('--scheme=') ? arg.slice('--scheme='.length) : null;
    if (value === 'five-questions' || value === 'empty') scheme = value;
    else {
      io.err(`${value === null ? `new: unexpected argument "${arg}"` : `new: --scheme is five-questions or empty, not "${value ?? ''}"`}\n${EXCHANGE_USAGE}`);
      return 2;
    }
  }
  const info = await call(host, 'project.create', { path: resolve(projectPath), template: scheme });
  if (argv.includes('--json')) io.out(JSON.stringify({ project: info.path, name: info.name, scheme, ...info.counts }));
  else io.out(`Created ${info.path} (${scheme === 'empty' ? 'empty codebook' : `the five-question scheme, ${plural(info.counts.codes, 'code')}`})`);
  return 0;
}
