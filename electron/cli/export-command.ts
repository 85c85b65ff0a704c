import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import { buildCodeTree, flattenTree, type CodeNode } from '../../shared/domain/code-tree.ts';
import type { FileDownload } from '../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../shared/domain/types.ts';

export const EXPORT_USAGE = `  export --project P --format csv|xlsx|docx|md|html|qdc|qdpx -o FILE
         [--code NAME]… [--subcodes] [--participant LABEL]… [--attribute "NAME=VALUE"]…
         [--source-kind interview|questionnaire|document]… [--coder NAME]… [--memos] [--title T]
         [--kind excerpts|codebook] [--examples N] [--json]
                               coded excerpts (all codes unless --code; a code by name or by
                               path "Why / Value added"), or with --kind codebook the codebook
                               (docx, md); qdc and qdpx write REFI-QDA exchange files`;

type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
type Io = { out: (line: string) => void; err: (line: string) => void };

const FORMATS = ['csv', 'xlsx', 'docx', 'md', 'html', 'qdc', 'qdpx'] as const;
const KINDS: SourceKind[] = ['interview', 'questionnaire', 'document'];
type Format = (typeof FORMATS)[number];

export type ExportArgs = {
  format: Format;
  out: string;
  kind: 'excerpts' | 'codebook';
  codes: string[];
  subcodes: boolean;
  participants: string[];
  attributes: { name: string; value: string }[];
  sourceKinds: SourceKind[];
  coders: string[];
  memos: boolean;
  title: string | null;
  examples: number;
  json: boolean;
};

export class ExportUsageError extends Error {}

const FLAGS = new Set(['--subcodes', '--memos', '--json']);

/** Reads `export` options; every problem is a usage error naming the option. */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const a: Omit<ExportArgs, 'format' | 'out'> & { format: Format | null; out: string | null } = {
    format: null, out: null, kind: 'excerpts', codes: [], subcodes: false, participants: [], attributes: [], sourceKinds: [], coders: [],
    memos: false, title: null, examples: 3, json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(flag)) {
      if (flag === '--subcodes') a.subcodes = true;
      else if (flag === '--memos') a.memos = true;
      else a.json = true;
      continue;
    }
    if (!flag.startsWith('-')) throw new ExportUsageError(`export: unexpected argument "${arg}"`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new ExportUsageError(`export: ${flag} needs a value`);
    if (flag === '--format') {
      if (!FORMATS.includes(value as Format)) throw new ExportUsageError(`export: --format must be one of ${FORMATS.join(', ')}, not "${value}"`);
      a.format = value as Format;
    } else if (flag === '-o' || flag === '--output') a.out = value;
    else if (flag === '--kind') {
      if (value !== 'excerpts' && value !== 'codebook') throw new ExportUsageError(`export: --kind must be excerpts or codebook, not "${value}"`);
      a.kind = value;
    } else if (flag === '--code') a.codes.push(value);
    else if (flag === '--participant') a.participants.push(value);
    else if (flag === '--attribute') {
      const at = value.indexOf('=');
      if (at <= 0) throw new ExportUsageError(`export: --attribute needs "NAME=VALUE", not "${value}"`);
      a.attributes.push({ name: value.slice(0, at).trim(), value: value.slice(at + 1).trim() });
    } else if (flag === '--source-kind') {
      if (!KINDS.includes(value as SourceKind)) throw new ExportUsageError(`export: --source-kind must be one of ${KINDS.join(', ')}, not "${value}"`);
      a.sourceKinds.push(value as SourceKind);
    } else if (flag === '--coder') a.coders.push(value);
    else if (flag === '--title') a.title = value;
    else if (flag === '--examples') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 20) throw new ExportUsageError(`export: --examples must be a whole number from 0 to 20, not "${value}"`);
      a.examples = n;
    } else throw new ExportUsageError(`export: unknown option ${flag}`);
  }
  if (!a.format) throw new ExportUsageError(`export: --format is required (${FORMATS.join(', ')})`);
  if (!a.out) throw new ExportUsageError('export: -o FILE is required');
  if (a.kind === 'codebook' && !['docx', 'md', 'qdc'].includes(a.format)) throw new ExportUsageError(`export: a codebook is written as docx, md or qdc, not ${a.format}`);
  return { ...a, format: a.format, out: a.out };
}

/** The code a name or a path ("Why / Value added") names; a name shared by several codes must be given as a path. */
export function findCode(nodes: readonly CodeNode[], wanted: string, command = 'export'): CodeNode {
  const key = (s: string) => s.trim().toLowerCase();
  const path = wanted.split('/').map(key).join('/');
  const byPath = nodes.filter((n) => n.path.map(key).join('/') === path);
  if (byPath.length === 1) return byPath[0]!;
  const byName = nodes.filter((n) => key(n.code.name) === key(wanted));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new ExportUsageError(`${command}: several codes are called "${wanted}"; give one by its path: ${byName.map((n) => `"${n.path.join(' / ')}"`).join(', ')}`);
  throw new ExportUsageError(`${command}: no code called "${wanted}"`);
}

/** The filter of `export.excerpts` from names and labels, each checked against the project. */
async function filterOf(call: Caller, a: ExportArgs): Promise<Input<'export.excerpts'>['filter']> {
  const nodes = flattenTree(buildCodeTree(await call('codes.list', {})));
  if (nodes.length === 0) throw new ExportUsageError('export: the project has no codes, so no coded excerpts');
  const codeIds = a.codes.length > 0 ? a.codes.map((c) => findCode(nodes, c).code.id) : nodes.map((n) => n.code.id);
  const filter: Input<'export.excerpts'>['filter'] = { codeIds, includeDescendants: a.codes.length === 0 || a.subcodes };
  if (a.participants.length > 0) {
    const participants = await call('participants.list', {});
    filter.participantIds = a.participants.map((label) => {
      const p = participants.find((x) => x.label.toLowerCase() === label.toLowerCase());
      if (!p) throw new ExportUsageError(`export: no participant "${label}"; this project has ${participants.map((x) => x.label).join(', ') || 'none'}`);
      return p.id;
    });
  }
  if (a.attributes.length > 0) {
    const attributes = await call('attributes.list', {});
    const byAttribute = new Map<number, string[]>();
    for (const { name, value } of a.attributes) {
      const attribute = attributes.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!attribute) throw new ExportUsageError(`export: no attribute "${name}"; this project has ${attributes.map((x) => x.name).join(', ') || 'none'}`);
      byAttribute.set(attribute.id, [...(byAttribute.get(attribute.id) ?? []), value]);
    }
    filter.attributeValues = [...byAttribute].map(([attributeId, values]) => ({ attributeId, values }));
  }
  if (a.sourceKinds.length > 0) filter.sourceKinds = a.sourceKinds;
  if (a.coders.length > 0) {
    const coders = await call('coders.list', {});
    filter.coderIds = a.coders.map((name) => {
      const c = coders.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) throw new ExportUsageError(`export: no coder "${name}"; this project has ${coders.map((x) => x.name).join(', ')}`);
      return c.id;
    });
  }
  return filter;
}

/** Writes beside the target and renames, so a failed export never leaves half a file. */
export function writeAtomically(path: string, bytes: Buffer): void {
  const partial = resolve(dirname(path), `.${Date.now()}-${process.pid}.partial`);
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Writes a REFI-QDA file through the exchange command (the project is open in the host already). */
export type ExchangeWriter = (format: 'qdc' | 'qdpx', outFile: string) => Promise<unknown>;

/** Runs `marginalia export` on the project already open; returns the exit code. */
export async function runExportCommand(argv: readonly string[], call: Caller, io: Io, exchange: ExchangeWriter): Promise<number> {
  let a: ExportArgs;
  let filter: Input<'export.excerpts'>['filter'] | null = null;
  try {
    a = parseExportArgs(argv);
    if (a.kind === 'excerpts' && a.format !== 'qdc' && a.format !== 'qdpx') filter = await filterOf(call, a);
  } catch (error) {
    if (!(error instanceof ExportUsageError)) throw error;
    io.err(error.message);
    return 2;
  }
  const out = resolve(a.out);
  if (a.format === 'qdc' || a.format === 'qdpx') {
    const report = await exchange(a.format, out);
    io.out(a.json ? JSON.stringify({ format: a.format, file: out, report }) : `Wrote ${out}`);
    return 0;
  }
  let file: FileDownload;
  let excerpts: number | null = null;
  if (filter) {
    excerpts = (await call('export.count', filter)).excerpts;
    file = await call('export.excerpts', { filter, format: a.format, memos: a.memos, ...(a.title ? { title: a.title } : {}) });
  } else {
    file = await call('export.codebook', { format: a.format as 'docx' | 'md', examples: a.examples });
  }
  const bytes = Buffer.from(file.base64, 'base64');
  writeAtomically(out, bytes);
  if (a.json) io.out(JSON.stringify({ kind: a.kind, format: a.format, file: out, bytes: bytes.length, ...(excerpts === null ? {} : { excerpts }) }));
  else io.out(`Wrote ${excerpts === null ? 'the codebook' : `${excerpts.toLocaleString('en')} excerpt${excerpts === 1 ? '' : 's'}`} to ${out} (${Math.max(1, Math.round(bytes.length / 1024))} KB)`);
  return 0;
}
