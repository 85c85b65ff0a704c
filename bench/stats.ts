import { cpus, arch, platform, release, totalmem } from 'node:os';

export type Budget = { op: '>=' | '<='; value: number };

/** One reported figure: every run's value, their spread, and how the median fares against its budget. */
export type Figure = {
  unit: string;
  runs: number[];
  min: number;
  median: number;
  max: number;
  budget: Budget | null;
  /** Judged on the median of the runs; null when the figure has no budget. */
  pass: boolean | null;
  /** Process peak resident memory when this figure was done (monotonic over the whole run). */
  peakRssMB: number;
  note?: string;
};

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const peakRssMB = (): number => round(process.resourceUsage().maxRSS / 1024, 1);

export function figure(unit: string, runs: readonly number[], budget: Budget | null, digits = 3, note?: string): Figure {
  const values = runs.map((v) => round(v, digits));
  const mid = round(median(values), digits);
  const pass = budget === null ? null : budget.op === '>=' ? mid >= budget.value : mid <= budget.value;
  return {
    unit,
    runs: values,
    min: Math.min(...values),
    median: mid,
    max: Math.max(...values),
    budget,
    pass,
    peakRssMB: peakRssMB(),
    ...(note ? { note } : {}),
  };
}

export function machine(sqliteVersion: string) {
  const list = cpus();
  return {
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemoryGB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    sqlite: sqliteVersion,
  };
}
