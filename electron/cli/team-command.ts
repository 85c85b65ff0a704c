import { resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import { toCsv } from '../../shared/domain/analysis/csv.ts';
import { buildCodeTree, flattenTree } from '../../shared/domain/code-tree.ts';
import { agreementTable } from '../../shared/domain/team/agreement-table.ts';
import type { MergeItem, MergePlan } from '../../shared/domain/team/merge-types.ts';
import { mergeCountsInWords } from '../../shared/domain/team/merge-words.ts';
import { ExportUsageError, findCode, writeAtomically } from './export-command.ts';

export const TEAM_USAGE = `  agreement --project P --coders A,B[,C…] [--code NAME]… [--source NAME]… [--unit character|unit]
            [--format table|csv|xlsx|json] [--out FILE]
                               inter-coder agreement per code and overall: percent agreement,
                               Cohen's kappa, the share agreed by coding neither, Krippendorff's
                               alpha (all codes the coders used unless --code; all sources
                               unless --source); csv and table print unless --out, xlsx needs it
  merge --project P COPY [--answer ID=VALUE]… [--dry-run] [--json]
                               merges a coder's copy (.marginalia or a REFI-QDA .qdpx): prints the
                               plan, and merges nothing while a conflict is unanswered
  distribute --project P --coder NAME [--with-others] -o FILE
                               a coder's copy of the project, without the other coders' codings
                               unless --with-others`;

type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
type Io = { out: (line: string) => void; err: (line: string) => void };

/** Options of one command: flags and repeated `--name value` (or `--name=value`). */
function parseOptions(command: string, argv: readonly string[], flags: readonly string[], values: readonly string[]): { flags: Set<string>; values: Map<string, string[]>; rest: string[] } {
  const out = { flags: new Set<string>(), values: new Map<string, string[]>(), rest: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flags.includes(flag)) out.flags.add(flag);
    else if (values.includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new ExportUsageError(`${command}: ${flag} needs a value`);
      out.values.set(flag, [...(out.values.get(flag) ?? []), value]);
    } else if (flag.startsWith('-')) throw new ExportUsageError(`${command}: unknown option ${flag}`);
    else out.rest.push(arg);
  }
  return out;
}

const one = (command: string, values: Map<string, string[]>, flag: string): string | undefined => {
  const list = values.get(flag) ?? [];
  if (list.length > 1) throw new ExportUsageError(`${command}: give ${flag} once`);
  return list[0];
};

const AGREEMENT_FORMATS = ['table', 'csv', 'xlsx', 'json'] as const;

/** `marginalia agreement` on the project already open; returns the exit code. */
export async function runAgreementCommand(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  let input: Input<'team.agreement'>;
  let format: (typeof AGREEMENT_FORMATS)[number];
  let out: string | undefined;
  try {
    const o = parseOptions('agreement', argv, [], ['--coders', '--code', '--source', '--unit', '--format', '--out', '-o']);
    if (o.rest.length > 0) throw new ExportUsageError(`agreement: unexpected argument "${o.rest[0]}"`);
    const names = (one('agreement', o.values, '--coders') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length < 2) throw new ExportUsageError('agreement: --coders needs two or more coder names, separated by commas (--coders Ana,Ben)');
    const coders = await call('coders.list', {});
    const coderIds = names.map((name) => {
      const c = coders.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) throw new ExportUsageError(`agreement: no coder "${name}"; this project has ${coders.map((x) => x.name).join(', ')}`);
      return c.id;
    });
    const level = one('agreement', o.values, '--unit') ?? 'character';
    if (level !== 'character' && level !== 'unit') throw new ExportUsageError(`agreement: --unit must be character or unit, not "${level}"`);
    format = (one('agreement', o.values, '--format') ?? 'table') as typeof format;
    if (!AGREEMENT_FORMATS.includes(format)) throw new ExportUsageError(`agreement: --format must be one of ${AGREEMENT_FORMATS.join(', ')}, not "${format}"`);
    out = one('agreement', o.values, '--out') ?? one('agreement', o.values, '-o');
    if (format === 'xlsx' && !out) throw new ExportUsageError('agreement: --format xlsx needs --out FILE');
    input = { coderIds, level };
    const codes = o.values.get('--code') ?? [];
    if (codes.length > 0) {
      const nodes = flattenTree(buildCodeTree(await call('codes.list', {})));
      input.codeIds = codes.map((c) => findCode(nodes, c, 'agreement').code.id);
    }
    const sources = o.values.get('--source') ?? [];
    if (sources.length > 0) {
      const all = await call('sources.list', {});
      input.sourceIds = sources.map((name) => {
        const s = all.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!s) throw new ExportUsageError(`agreement: no source "${name}"`);
        return s.id;
      });
    }
  } catch (error) {
    if (!(error instanceof ExportUsageError)) throw error;
    io.err(error.message);
    return 2;
  }
  if (format === 'csv' || format === 'xlsx') {
    const file = await call('team.exportAgreement', { ...input, format });
    const bytes = Buffer.from(file.base64, 'base64');
    if (!out) io.out(bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd());
    else {
      writeAtomically(resolve(out), bytes);
      io.out(`Wrote the agreement table to ${resolve(out)}`);
    }
    return 0;
  }
  const report = await call('team.agreement', input);
  const table = agreementTable(report);
  if (format === 'json') {
    const text = JSON.stringify(report, null, 2);
    if (out) {
      writeAtomically(resolve(out), Buffer.from(text, 'utf8'));
      io.out(`Wrote the agreement report to ${resolve(out)}`);
    } else io.out(text);
    return 0;
  }
  if (out) {
    writeAtomically(resolve(out), Buffer.from(`\uFEFF${toCsv(table)}`, 'utf8'));
    io.out(`Wrote the agreement table to ${resolve(out)}`);
    return 0;
  }
  // A plain table for the terminal: the statistics, then the notes.
  const shown = table.columns.slice(0, 6);
  const rows = table.rows.map((r) => r.slice(0, 6).map((c, i) => (c === null ? '—' : typeof c === 'number' ? (i === 1 ? c.toLocaleString('en') : c.toFixed(3)) : c)));
  const widths = shown.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  io.out(`${table.title} — ${report.level} level`);
  io.out(shown.map((h, i) => (i === 0 ? h.padEnd(widths[i]!) : h.padStart(widths[i]!))).join('  '));
  for (const r of rows) io.out(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  '));
  for (const note of [...table.notes!, ...new Set(table.rows.map((r) => String(r[r.length - 1] ?? '')).filter(Boolean))]) io.out(`  ${note}`);
  return 0;
}

function printPlan(plan: MergePlan, answers: Record<string, string>, io: Io): MergeItem[] {
  io.out(`${plan.name} (${plan.format === 'qdpx' ? 'REFI-QDA project' : 'Marginalia project'})${plan.manifest ? `: ${plan.manifest.coder}’s copy of “${plan.manifest.projectName}”, made ${plan.manifest.madeAt}${plan.manifest.blind ? ', blind' : ''}` : ''}`);
  for (const c of plan.coders) io.out(`  ${c.name}${c.existing ? '' : ' (new coder)'}: ${c.codings} codings, ${c.memos} memos`);
  io.out(`  ${mergeCountsInWords(plan.counts, false) || 'nothing to add'}`);
  for (const n of plan.notes) io.out(`  note: ${n}`);
  const open: MergeItem[] = [];
  if (plan.items.length > 0) io.out('Questions (answer with --answer ID=VALUE):');
  for (const item of plan.items) {
    const answer = answers[item.id] ?? item.choice;
    if (item.conflict && answers[item.id] === undefined) open.push(item);
    io.out(`  ${item.conflict ? 'CONFLICT ' : ''}${item.id}  ${item.subject}: ${item.detail}`);
    io.out(`      ${item.options.map((o) => `${o.value}${o.value === 'map' ? ':CODE' : ''} = ${o.label}`).join('; ')}`);
    io.out(`      ${answer === null ? 'unanswered' : `answer: ${answer}`}`);
  }
  for (const w of plan.warnings) io.out(`  warning: ${w}`);
  return open;
}

/** `marginalia merge` on the project already open; returns the exit code. */
export async function runMergeCommand(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  let o;
  try {
    o = parseOptions('merge', argv, ['--dry-run', '--json'], ['--answer']);
    if (o.rest.length !== 1) throw new ExportUsageError('merge: name one coder’s copy to merge (a .marginalia or .qdpx file)');
  } catch (error) {
    if (!(error instanceof ExportUsageError)) throw error;
    io.err(error.message);
    return 2;
  }
  const nodes = flattenTree(buildCodeTree(await call('codes.list', {})));
  const answers: Record<string, string> = {};
  for (const a of o.values.get('--answer') ?? []) {
    const at = a.indexOf('=');
    if (at <= 0) {
      io.err(`merge: --answer needs ID=VALUE, not "${a}"`);
      return 2;
    }
    let value = a.slice(at + 1).trim();
    // map:CODE may name the code by name or path.
    if (value.startsWith('map:') && !/^map:\d+$/.test(value)) value = `map:${findCode(nodes, value.slice(4), 'merge').code.id}`;
    answers[a.slice(0, at).trim()] = value;
  }
  const staged = await call('team.stage', { file: { path: resolve(o.rest[0]!) } });
  try {
    const plan = await call('team.preview', { stagedId: staged.stagedId, decisions: answers });
    const open = o.flags.has('--json') ? plan.items.filter((i) => i.conflict && answers[i.id] === undefined) : printPlan(plan, answers, io);
    if (o.flags.has('--dry-run')) {
      if (o.flags.has('--json')) io.out(JSON.stringify(plan));
      return 0;
    }
    if (open.length > 0) {
      if (o.flags.has('--json')) io.out(JSON.stringify(plan));
      io.err(`Nothing was merged: ${open.length} conflict${open.length === 1 ? '' : 's'} unanswered (${open.map((i) => i.id).join(', ')}). Answer each with --answer ID=VALUE.`);
      return 1;
    }
    const report = await call('team.merge', { stagedId: staged.stagedId, decisions: answers });
    if (o.flags.has('--json')) io.out(JSON.stringify(report));
    else io.out(`Merged ${report.name}: ${mergeCountsInWords(report.counts, true) || 'nothing new'}. One step: Undo takes it back.`);
    return 0;
  } finally {
    await call('team.discard', { stagedIds: [staged.stagedId] });
  }
}

/** `marginalia distribute`: a coder's copy written to a file. */
export async function runDistributeCommand(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  let coder: string | undefined;
  let out: string | undefined;
  let blind = true;
  try {
    const o = parseOptions('distribute', argv, ['--with-others'], ['--coder', '--out', '-o']);
    if (o.rest.length > 0) throw new ExportUsageError(`distribute: unexpected argument "${o.rest[0]}"`);
    coder = one('distribute', o.values, '--coder');
    out = one('distribute', o.values, '--out') ?? one('distribute', o.values, '-o');
    blind = !o.flags.has('--with-others');
    if (!coder) throw new ExportUsageError('distribute: --coder NAME is required');
    if (!out) throw new ExportUsageError('distribute: -o FILE is required');
  } catch (error) {
    if (!(error instanceof ExportUsageError)) throw error;
    io.err(error.message);
    return 2;
  }
  const copy = await call('team.distribute', { coder, blind });
  writeAtomically(resolve(out), Buffer.from(copy.file.base64, 'base64'));
  io.out(`Wrote ${coder}’s copy to ${resolve(out)}: ${copy.counts.sources} sources, ${copy.counts.codes} codes, ${copy.counts.codings} codings${blind ? ` (blind: ${copy.counts.codingsLeftOut} codings of other coders left out)` : ''}`);
  return 0;
}
