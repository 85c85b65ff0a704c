import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import type { AnonymizationReport } from '../../shared/domain/anonymize/api-types.ts';
import type { VerifyReport } from '../../shared/domain/anonymize/integrity-types.ts';
import { parseNamesList, parseTermsList } from '../../shared/domain/anonymize/lists.ts';
import { KIND_LABELS, type DetectionKind, type RuleKind } from '../../shared/domain/anonymize/types.ts';
import { openKeyFile } from '../backend/anonymize/key-file.ts';
import { decodeText } from '../backend/import/parsers/decode.ts';
import { ImportError } from '../backend/import/parsers/errors.ts';
import { writeAtomically } from './export-command.ts';

/** Research integrity from the command line: `marginalia anonymize`, `verify`, `audit` and `key`. */

export const INTEGRITY_USAGE = `  anonymize --project P --names FILE --terms FILE --out COPY --key KEYFILE
         --passphrase-env VAR [--dates] [--no-guesses] [--json]
                               a pseudonymized copy of P in the new file COPY, every proposal
                               applied (names, terms, e-mail, web addresses, phone and ID
                               numbers, capitalised names unless --no-guesses, dates with
                               --dates); the key goes to KEYFILE, encrypted with the
                               passphrase held in the environment variable VAR; prints the
                               report (kinds and counts, no originals). P's texts, codings
                               and audit trail stay as they were
  verify --project P [--key KEYFILE --passphrase-env VAR] [--json]
                               checks the audit chain and compares P with its latest seal;
                               names what was tampered with and exits 1 if anything was. With
                               a key, also checks that the copy is the one the key was made for
  audit --project P --format csv [--out FILE] [--coder NAME] [--action A] [--from YYYY-MM-DD]
        [--to YYYY-MM-DD]      the audit trail as CSV (oldest first, with the hashes), to
                               stdout or FILE
  key --key KEYFILE --passphrase-env VAR [--json]
                               what a pseudonymized copy's key holds: which original each
                               replacement stands for`;

type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
type Io = { out: (line: string) => void; err: (line: string) => void };

export class IntegrityUsageError extends Error {}

/** `--flag value` and `--flag=value` options of one command; flags without a value listed in `switches`. */
function readOptions(command: string, argv: readonly string[], valued: readonly string[], switches: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (switches.includes(flag) && eq < 0) {
      out.set(flag, 'true');
      continue;
    }
    if (!valued.includes(flag)) {
      throw new IntegrityUsageError(flag.startsWith('-') ? `${command}: unknown option ${flag}` : `${command}: unexpected argument "${arg}"`);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new IntegrityUsageError(`${command}: ${flag} needs a value`);
    out.set(flag, value);
  }
  return out;
}

const required = (command: string, options: Map<string, string>, flag: string, what: string): string => {
  const value = options.get(flag);
  if (value === undefined) throw new IntegrityUsageError(`${command}: ${flag} ${what} is required`);
  return value;
};

/** The passphrase from the environment variable a command names; never from the command line, where others could see it. */
export function passphraseFrom(command: string, variable: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new IntegrityUsageError(`${command}: --passphrase-env takes the name of an environment variable (such as KEY_PASSPHRASE), not "${variable}"`);
  const value = env[variable];
  if (value === undefined || value === '') {
    throw new IntegrityUsageError(`${command}: the environment variable ${variable} is not set: put the key's passphrase in it (for example \`read -rs ${variable} && export ${variable}\`)`);
  }
  return value;
}

/**
 * A list file as text: UTF-8, UTF-16 (with or without a byte order mark) and Windows-1252 are
 * decoded as the importers decode them; its lines are checked here so a problem is named by
 * file and line before anything is read from the project.
 */
export function readListFile(command: string, path: string, list: 'names' | 'terms'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new IntegrityUsageError(`${command}: the ${list} file ${path} cannot be read${code === 'ENOENT' ? ': there is no such file' : code === 'EISDIR' ? ': it is a folder' : ''}`);
  }
  let text: string;
  try {
    text = decodeText(bytes, path);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    throw new IntegrityUsageError(`${command}: the ${list} file ${err.message}: save it as plain text (UTF-8, UTF-16 or Windows-1252), one entry a line`);
  }
  const { problems } = list === 'names' ? parseNamesList(text) : parseTermsList(text);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((p) => `  ${path}:${p.line}: ${p.message}`);
    const more = problems.length > 5 ? [`  …and ${problems.length - 5} more`] : [];
    throw new IntegrityUsageError([`${command}: the ${list} file has lines that cannot be read (nothing was written):`, ...shown, ...more].join('\n'));
  }
  return text;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const RULE_NAMES: Record<RuleKind, string> = { email: 'e-mail addresses', url: 'web addresses', phone: 'phone numbers', id: 'ID-like numbers', date: 'dates', candidate: 'capitalised names (guessed)' };

/** The anonymization report as lines: kinds and counts, never an original. */
export function reportLines(report: AnonymizationReport): string[] {
  const lines: string[] = [];
  const kinds = (Object.keys(report.replaced) as DetectionKind[]).filter((k) => (report.replaced[k] ?? 0) > 0);
  const total = kinds.reduce((n, k) => n + (report.replaced[k] ?? 0), 0);
  const terms = kinds.reduce((n, k) => n + (report.terms[k] ?? 0), 0);
  lines.push(`Replaced ${plural(total, 'occurrence')} of ${plural(terms, 'term')}:`);
  const width = Math.max(0, ...kinds.map((k) => KIND_LABELS[k].length));
  for (const k of kinds) lines.push(`  ${KIND_LABELS[k].padEnd(width)}  ${plural(report.replaced[k] ?? 0, 'occurrence')} of ${plural(report.terms[k] ?? 0, 'term')}`);
  if (report.kept > 0) lines.push(`Left as they were by a decision: ${plural(report.kept, 'occurrence')}`);
  const on = (Object.keys(RULE_NAMES) as RuleKind[]).filter((r) => report.rules[r]);
  const off = (Object.keys(RULE_NAMES) as RuleKind[]).filter((r) => !report.rules[r]);
  lines.push(`Rules run: names list, terms list${on.map((r) => `, ${RULE_NAMES[r]}`).join('')}${off.length > 0 ? ` (not run: ${off.map((r) => RULE_NAMES[r]).join(', ')})` : ''}`);
  lines.push(`Lists: ${plural(report.lists.people, 'person', 'people')}, ${plural(report.lists.terms, 'term')}`);
  const c = report.copy;
  lines.push(`The copy holds ${plural(c.sources, 'source')}, ${plural(c.units, 'unit')}, ${plural(c.codings, 'coding')}, ${plural(c.memos, 'memo')}, ${plural(c.participants, 'participant')} (labels only)`);
  lines.push(`Approved by ${report.approvedBy} on ${report.at}${report.reviewers.length > 0 ? `; review decisions by ${report.reviewers.join(', ')}` : ''}`);
  lines.push(`Audit chain head of the copy: ${report.chainHead}`);
  return lines;
}

/** `marginalia anonymize` on the project already open (as its writer); returns the exit code. */
export async function runAnonymizeCommand(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  const cmd = 'anonymize';
  const o = readOptions(cmd, argv, ['--names', '--terms', '--out', '-o', '--key', '--passphrase-env'], ['--dates', '--no-guesses', '--json']);
  const out = o.get('--out') ?? o.get('-o');
  if (out === undefined) throw new IntegrityUsageError(`${cmd}: --out COPY (the new project file for the copy) is required`);
  const keyPath = required(cmd, o, '--key', 'KEYFILE (a new file for the encrypted key, apart from the copy)');
  const passphrase = passphraseFrom(cmd, required(cmd, o, '--passphrase-env', 'VAR (the environment variable holding the key\'s passphrase)'));
  if (passphrase.length < 8) throw new IntegrityUsageError(`${cmd}: the passphrase in ${o.get('--passphrase-env')} is shorter than 8 characters; choose a longer one`);
  const namesFile = o.get('--names');
  const termsFile = o.get('--terms');
  if (namesFile === undefined && termsFile === undefined) {
    throw new IntegrityUsageError(`${cmd}: give --names FILE (the people to replace, one a line) and/or --terms FILE (institutions, places, projects); participants' names the project holds are replaced either way`);
  }
  const names = namesFile === undefined ? '' : readListFile(cmd, namesFile, 'names');
  const terms = termsFile === undefined ? '' : readListFile(cmd, termsFile, 'terms');
  const result = await call('anonymize.apply', {
    out: resolve(out),
    keyPath: resolve(keyPath),
    passphrase,
    lists: { names, terms, rules: { date: o.has('--dates'), candidate: !o.has('--no-guesses') } },
    acceptAll: true,
  });
  if (o.has('--json')) {
    io.out(JSON.stringify({ copy: result.out, key: result.keyPath, report: result.report }));
    return 0;
  }
  io.out(`Pseudonymized copy written to ${result.out}`);
  io.out(`Key written to ${result.keyPath} (encrypted with the passphrase; keep it apart from the copy)`);
  for (const line of reportLines(result.report)) io.out(line);
  return 0;
}

/** The verify report as lines for a terminal. */
export function verifyLines(path: string, r: VerifyReport): string[] {
  const m = r.manifest;
  const lines = [`${path}: ${r.ok ? 'verified, nothing was tampered with' : `NOT verified: ${plural(r.problems.length, 'problem')}`}`];
  lines.push(`  audit chain: ${plural(m.audit.entries, 'entry', 'entries')}, head ${m.audit.head}`);
  if (r.seal) lines.push(`  sealed ${r.seal.at}${r.seal.coder ? ` by ${r.seal.coder}` : ''} (entry #${r.seal.entryId}); ${plural(r.entriesSinceSeal, 'entry', 'entries')} written since`);
  else lines.push('  never sealed: the audit chain was checked, but there is no manifest to compare the texts and codings with');
  lines.push(`  manifest: ${plural(m.sources.length, 'source text')}, the codebook ${m.codebook.slice(0, 16)}…, codings of ${plural(m.codings.length, 'source')} (${plural(m.codings.reduce((n, c) => n + c.count, 0), 'coding')})`);
  return lines;
}

export async function runVerifyCommand(path: string, argv: readonly string[], call: Caller, io: Io): Promise<number> {
  const cmd = 'verify';
  const o = readOptions(cmd, argv, ['--key', '--passphrase-env'], ['--json']);
  let expectHead: string | undefined;
  const keyPath = o.get('--key');
  if (keyPath !== undefined) {
    const passphrase = passphraseFrom(cmd, required(cmd, o, '--passphrase-env', 'VAR (the environment variable holding the key\'s passphrase) is needed with --key; it'));
    expectHead = openKeyFile(keyPath, passphrase).copyChainHead;
  } else if (o.has('--passphrase-env')) throw new IntegrityUsageError(`${cmd}: --passphrase-env goes with --key KEYFILE`);
  const report = await call('audit.verify', expectHead ? { expectHead } : {});
  if (o.has('--json')) io.out(JSON.stringify({ project: path, ...report }));
  else {
    for (const line of verifyLines(path, report)) io.out(line);
    if (expectHead && report.ok) io.out('  the copy is the one the key was made for: its audit chain ends where the key says');
    for (const p of report.problems) io.err(`${path}: ${p}`);
  }
  return report.ok ? 0 : 1;
}

export async function runAuditCommand(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  const cmd = 'audit';
  const o = readOptions(cmd, argv, ['--format', '--out', '-o', '--coder', '--action', '--from', '--to'], []);
  const format = o.get('--format') ?? 'csv';
  if (format !== 'csv') throw new IntegrityUsageError(`${cmd}: --format must be csv, not "${format}"`);
  for (const flag of ['--from', '--to']) {
    const day = o.get(flag);
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new IntegrityUsageError(`${cmd}: ${flag} takes a date as YYYY-MM-DD, not "${day}"`);
  }
  const filter: Input<'audit.exportCsv'> = {};
  const coder = o.get('--coder');
  const action = o.get('--action');
  if (coder !== undefined) filter.coder = coder;
  if (action !== undefined) filter.action = action;
  if (o.has('--from')) filter.from = o.get('--from')!;
  if (o.has('--to')) filter.to = o.get('--to')!;
  const file = await call('audit.exportCsv', filter);
  const bytes = Buffer.from(file.base64, 'base64');
  const out = o.get('--out') ?? o.get('-o');
  if (out !== undefined) {
    const full = resolve(out);
    writeAtomically(full, bytes);
    io.err(`Wrote the audit trail to ${full}`);
  } else {
    // On a terminal or into a pipe: no byte-order mark (that is for Excel, in a file), no trailing empty line.
    io.out(bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r?\n$/, ''));
  }
  return 0;
}

/** `marginalia key`: no project is opened; the key is a file of its own. */
export function runKeyCommand(argv: readonly string[], io: Io): number {
  const cmd = 'key';
  const o = readOptions(cmd, argv, ['--key', '--passphrase-env'], ['--json']);
  const keyPath = resolve(required(cmd, o, '--key', 'KEYFILE'));
  const passphrase = passphraseFrom(cmd, required(cmd, o, '--passphrase-env', 'VAR (the environment variable holding the passphrase)'));
  const key = openKeyFile(keyPath, passphrase);
  if (o.has('--json')) {
    io.out(JSON.stringify(key));
    return 0;
  }
  io.out(`Key of ${key.copy}, made ${key.createdAt}`);
  if (key.participants.length > 0) {
    io.out('Participants:');
    for (const p of key.participants) io.out(`  ${p.label}  ${p.name}`);
  }
  io.out('Replacements:');
  const width = Math.max(0, ...key.entries.map((e) => e.replacement.length));
  for (const e of key.entries) io.out(`  ${e.replacement.padEnd(width)}  ${e.original}  (${KIND_LABELS[e.kind]}, ${plural(e.occurrences, 'occurrence')})`);
  return 0;
}
