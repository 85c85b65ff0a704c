import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutationScores, scoreTable } from '../../../scripts/mutation-score.mjs';

const mutants = (...statuses: string[]) => statuses.map((status, i) => ({ id: String(i), mutatorName: 'EqualityOperator', status }));
const report = (files: Record<string, string[]>) => ({ schemaVersion: '2', thresholds: { high: 90, low: 85 }, files: Object.fromEntries(Object.entries(files).map(([p, s]) => [p, { language: 'typescript', source: '', mutants: mutants(...s) }])) });

describe('mutation score over reports of parts of the scope', () => {
  it('counts killed and timed-out mutants as detected, survived and uncovered as not, and leaves out the rest', () => {
    const { rows, total } = mutationScores([report({ 'shared/domain/a.ts': ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored'] })]);
    expect(rows).toEqual([{ path: 'shared/domain/a.ts', detected: 3, survived: 1, noCoverage: 1, score: 60 }]);
    expect(total.score).toBe(60);
  });

  it('adds files of several parts, the last report counting for a file run twice', () => {
    const first = report({ 'a.ts': ['Survived', 'Survived'], 'b.ts': ['Killed'] });
    const second = report({ 'a.ts': ['Killed', 'Survived'] });
    const { rows, total } = mutationScores([first, second]);
    expect(rows.map((r) => [r.path, r.score])).toEqual([['a.ts', 50], ['b.ts', 100]]);
    expect(total).toEqual({ path: 'total', detected: 2, survived: 1, noCoverage: 0, score: (100 * 2) / 3 });
    expect(scoreTable({ rows, total }).split('\n').at(-1)).toBe('| **total** | 2 | 1 | 0 | 66.7% |');
  });

  it('says which file is not a report, and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-mutation-'));
    try {
      writeFileSync(join(dir, 'good.json'), JSON.stringify(report({ 'a.ts': ['Killed'] })));
      writeFileSync(join(dir, 'bad.json'), '<html>');
      const ok = spawnSync(process.execPath, ['scripts/mutation-score.mjs', join(dir, 'good.json')], { encoding: 'utf8' });
      expect(ok.stdout).toContain('| **total** | 1 | 0 | 0 | 100.0% |');
      const bad = spawnSync(process.execPath, ['scripts/mutation-score.mjs', join(dir, 'bad.json')], { encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('bad.json: not a StrykerJS JSON report');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
