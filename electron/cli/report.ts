import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import { toCsv } from '../../shared/domain/analysis/csv.ts';
import { cooccurrenceTable, crosswalkTable, frameworkSummaryTable, frequencyTable } from '../../shared/domain/analysis/tables.ts';
import type { ColumnSpec, Measure } from '../../shared/domain/analysis/types.ts';

export const REPORT_USAGE = `  report --project P --kind frequency|cooccurrence|coverage [--by participant|ATTRIBUTE]
         [--measure codings|sources|coverage] [--rows codes|sections] [--mode overlap|unit] [--format csv|json]
                               prints an analysis table to stdout (coverage in percent; CSV for
                               coverage: the summary, then one crosswalk per framework after a blank line)`;

type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
type Io = { out: (line: string) => void; err: (line: string) => void };

const CHOICES = {
  kind: ['frequency', 'cooccurrence', 'coverage'],
  measure: ['codings', 'sources', 'coverage'],
  rows: ['codes', 'sections'],
  mode: ['overlap', 'unit'],
  format: ['csv', 'json'],
} as const;

/** Reads `--name value` / `--name=value` options; fails on unknown ones and bad choices. */
function options(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`report: unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (!['kind', 'by', 'measure', 'rows', 'mode', 'format'].includes(name)) throw new Error(`report: unknown option --${name}`);
    if (value === undefined || value === '') throw new Error(`report: --${name} needs a value`);
    const allowed = (CHOICES as Record<string, readonly string[]>)[name];
    if (allowed && !allowed.includes(value)) throw new Error(`report: --${name} must be one of ${allowed.join(', ')}, not "${value}"`);
    out[name] = value;
  }
  if (!out['kind']) throw new Error(`report: --kind is required (${CHOICES.kind.join(', ')})`);
  return out;
}

/** Runs `marginalia report` on the project already open in the host; returns the exit code. */
export async function runReport(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  let o: Record<string, string>;
  try {
    o = options(argv);
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const json = o['format'] === 'json';
  const rows = { kind: (o['rows'] ?? 'codes') as 'codes' | 'sections' };
  if (o['kind'] === 'frequency') {
    const measure = (o['measure'] ?? 'codings') as Measure;
    let columns: ColumnSpec = { kind: 'participant' };
    const by = o['by'] ?? 'participant';
    if (by !== 'participant') {
      const attributes = await call('attributes.list', {});
      const attribute = attributes.find((a) => a.name.toLowerCase() === by.toLowerCase());
      if (!attribute) {
        io.err(`report: no attribute called "${by}"; this project has: participant${attributes.map((a) => `, ${a.name}`).join('')}`);
        return 2;
      }
      columns = { kind: 'attribute', attributeId: attribute.id };
    }
    const m = await call('analysis.frequency', { rows, columns, measure });
    const table = frequencyTable(m, `${measure === 'coverage' ? 'Coverage' : measure === 'sources' ? 'Sources' : 'Codings'} by ${by}`, true);
    if (!json) io.out(toCsv(table).trimEnd());
    else {
      io.out(JSON.stringify({
        kind: 'frequency',
        by,
        measure,
        columns: m.columns.map((c) => c.label),
        rows: table.rows.map((r) => ({ code: r[0], values: Object.fromEntries(m.columns.map((c, i) => [c.label, r[i + 1]])), total: r[r.length - 1] })),
      }, null, 2));
    }
    return 0;
  }
  if (o['kind'] === 'cooccurrence') {
    const m = await call('analysis.cooccurrence', { rows, mode: (o['mode'] ?? 'overlap') as 'overlap' | 'unit' });
    const table = cooccurrenceTable(m, 'Co-occurrence');
    if (json) io.out(JSON.stringify({ kind: 'cooccurrence', mode: m.mode, codes: m.rows.map((r) => r.path.join(' / ')), counts: m.counts }, null, 2));
    else io.out(toCsv(table).trimEnd());
    return 0;
  }
  const coverage = await call('analysis.frameworkCoverage', {});
  if (json) io.out(JSON.stringify({ kind: 'coverage', ...coverage }, null, 2));
  else {
    const tables = [frameworkSummaryTable(coverage), ...coverage.frameworks.map((f) => crosswalkTable(coverage, f.id))];
    io.out(tables.map((t) => toCsv(t).trimEnd()).join('\r\n\r\n'));
  }
  return 0;
}
