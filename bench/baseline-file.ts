/**
 * bench/baseline.json on disk: `--compare` reads it and adds a `compare` object to the report,
 * `--accept` writes this run's figures into it (see compare.ts for the rules, README for use).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptIntoBaseline, compareWithBaseline, comparisonLines, type Baseline, type Comparison } from './compare.ts';
import type { Figure } from './stats.ts';

export const DEFAULT_BASELINE = join(import.meta.dirname, 'baseline.json');

export function readBaseline(path: string): Baseline | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as Baseline;
}

/** The short commit the tree is at, with `+changes` when files differ from it. */
function commitOfTree(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

export type BaselineArgs = { compare: boolean; accept: boolean; baseline: string };

/**
 * Compares the run with the baseline file (when asked) and accepts the run into it (when asked).
 * Returns the comparison for the report; writes human-readable lines to `log`.
 */
export function applyBaseline(
  args: BaselineArgs,
  figures: Record<string, Figure>,
  corpusOf: (name: string) => string | null,
  machine: { cpuModel: string; cpus: number; os: string },
  log: (line: string) => void,
): Comparison | { error: string } | null {
  let compared: Comparison | { error: string } | null = null;
  const previous = readBaseline(args.baseline);
  if (args.compare) {
    if (!previous) {
      compared = { error: `no baseline at ${args.baseline}` };
      log(`compare: no baseline at ${args.baseline}`);
    } else {
      const c = compareWithBaseline(figures, corpusOf, previous);
      log(`compare with ${args.baseline} (${previous.machine}, ${previous.date}, ${previous.commit}), medians, tolerance ${Math.round(c.tolerance * 100)}%:`);
      for (const line of comparisonLines(c)) log(`  ${line}`);
      compared = c;
    }
  }
  if (args.accept) {
    const about = { machine: `${machine.cpus}× ${machine.cpuModel}, ${machine.os}`, date: new Date().toISOString().slice(0, 10), commit: commitOfTree() };
    writeFileSync(args.baseline, `${JSON.stringify(acceptIntoBaseline(previous, figures, corpusOf, about), null, 2)}\n`);
    log(`accepted ${Object.keys(figures).length} figures into ${args.baseline}`);
  }
  return compared;
}
