// npm run mutate:score -- REPORT.json…: one kill rate over StrykerJS JSON reports of parts of the
// scope (a run over the whole of it takes many hours on 2 cores; see test/README.md). For a file
// in several reports, the last one given counts. Prints a Markdown table: each file, then the total.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const DETECTED = new Set(['Killed', 'Timeout']);

/**
 * Per file and in total: mutants detected (killed or timed out), survived, not covered by any
 * test, and the score as Stryker computes it (detected / (detected + survived + no coverage));
 * mutants that did not compile or were ignored count in neither.
 */
export function mutationScores(reports) {
  const files = new Map();
  for (const report of reports) {
    for (const [path, file] of Object.entries(report.files ?? {})) {
      const row = { path, detected: 0, survived: 0, noCoverage: 0 };
      for (const m of file.mutants ?? []) {
        if (DETECTED.has(m.status)) row.detected++;
        else if (m.status === 'Survived') row.survived++;
        else if (m.status === 'NoCoverage') row.noCoverage++;
      }
      files.set(path, row);
    }
  }
  const rows = [...files.values()].sort((a, b) => a.path.localeCompare(b.path)).map(withScore);
  const total = withScore(rows.reduce((t, r) => ({ ...t, detected: t.detected + r.detected, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage }), { path: 'total', detected: 0, survived: 0, noCoverage: 0 }));
  return { rows, total };
}

function withScore(row) {
  const counted = row.detected + row.survived + row.noCoverage;
  return { ...row, score: counted === 0 ? null : (100 * row.detected) / counted };
}

export function scoreTable({ rows, total }) {
  const pct = (s) => (s === null ? '—' : `${s.toFixed(1)}%`);
  const line = (r) => `| ${r.path} | ${r.detected} | ${r.survived} | ${r.noCoverage} | ${pct(r.score)} |`;
  return ['| file | detected | survived | no coverage | score |', '|---|---|---|---|---|', ...rows.map(line), line({ ...total, path: `**${total.path}**` })].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: npm run mutate:score -- reports/mutation/mutation.json [more.json …]');
    process.exit(2);
  }
  const reports = paths.map((p) => {
    try {
      return JSON.parse(readFileSync(p, 'utf8'));
    } catch (error) {
      console.error(`${p}: not a StrykerJS JSON report (${error instanceof Error ? error.message : String(error)})`);
      process.exit(1);
    }
  });
  console.log(scoreTable(mutationScores(reports)));
}
