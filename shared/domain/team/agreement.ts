import { characterRatings, characterTable, unitRatings, unitTable, type Span } from './coverage.ts';
import { addTables, alphaFromUnits, emptyTable, kappaOf, meanStat, neitherShare, percentAgreement, tableTotal, type RatedUnit, type Stat, type TwoByTwo } from './statistics.ts';

/**
 * Agreement of two or more coders per code and overall, over chosen sources: the rows of the
 * agreement table. Pure: the backend reads the rows, a later team server can call the same.
 */

export type AgreementLevel = 'character' | 'unit';

export type AgreementInput = {
  level: AgreementLevel;
  coders: readonly { id: number; name: string }[];
  sources: readonly { id: number; name: string; length: number; units: readonly Span[] }[];
  codes: readonly { id: number; name: string }[];
  codings: readonly { sourceId: number; codeId: number; coderId: number; start: number; end: number }[];
  /** Whether a coder worked on a source; one who did not gives no value there (missing data), rather than "coded nothing". */
  worked: (coderId: number, sourceId: number) => boolean;
};

export type PairAgreement = { a: number; b: number; table: TwoByTwo; percent: Stat; kappa: Stat; neither: Stat };

export type AgreementRow = {
  codeId: number | null;
  name: string;
  /** Characters or units compared, summed over pairs of coders. */
  compared: number;
  pairs: PairAgreement[];
  /** With two coders, that pair's values; with more, the mean over pairs (kappa: Light's kappa). */
  percent: Stat;
  kappa: Stat;
  /** Share of the agreement that is text neither coder coded. */
  neither: Stat;
  alpha: Stat;
};

export type AgreementReport = {
  level: AgreementLevel;
  coders: { id: number; name: string }[];
  sources: { id: number; name: string }[];
  rows: AgreementRow[];
  overall: AgreementRow;
  /** How the numbers were made and what was left out, in words for the table's footnote. */
  notes: string[];
};

type Grouped = Map<number, Map<number, Map<number, Span[]>>>;

function group(codings: AgreementInput['codings']): Grouped {
  const byCode: Grouped = new Map();
  for (const c of codings) {
    let bySource = byCode.get(c.codeId);
    if (!bySource) byCode.set(c.codeId, (bySource = new Map()));
    let byCoder = bySource.get(c.sourceId);
    if (!byCoder) bySource.set(c.sourceId, (byCoder = new Map()));
    let spans = byCoder.get(c.coderId);
    if (!spans) byCoder.set(c.coderId, (spans = []));
    spans.push({ start: c.start, end: c.end });
  }
  return byCode;
}

const pairsOf = <T>(items: readonly T[]): [T, T][] => items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));

function summarise(codeId: number | null, name: string, tables: Map<string, TwoByTwo>, pairs: [number, number][], ratings: RatedUnit[]): AgreementRow {
  const results = pairs.map(([a, b]): PairAgreement => {
    const table = tables.get(`${a}:${b}`) ?? emptyTable();
    return { a, b, table, percent: percentAgreement(table), kappa: kappaOf(table), neither: neitherShare(table) };
  });
  const alpha = alphaFromUnits(ratings, 2);
  const compared = results.reduce((n, r) => n + tableTotal(r.table), 0);
  if (results.length === 1) {
    const [only] = results as [PairAgreement];
    return { codeId, name, compared, pairs: results, percent: only.percent, kappa: only.kappa, neither: only.neither, alpha };
  }
  const mean = `Mean over ${results.length} pairs of coders.`;
  return {
    codeId,
    name,
    compared,
    pairs: results,
    percent: meanStat(results.map((r) => r.percent), mean),
    kappa: meanStat(results.map((r) => r.kappa), `Light's kappa: the mean of Cohen's kappa over ${results.length} pairs of coders.`),
    neither: meanStat(results.map((r) => r.neither), mean),
    alpha,
  };
}

export function computeAgreement(input: AgreementInput): AgreementReport {
  const coderIds = input.coders.map((c) => c.id);
  if (coderIds.length < 2) throw new Error('Agreement needs two or more coders');
  const pairs = pairsOf(coderIds);
  const grouped = group(input.codings);
  const presentBySource = new Map(input.sources.map((s) => [s.id, coderIds.filter((c) => input.worked(c, s.id))]));
  const overallTables = new Map<string, TwoByTwo>();
  const overallRatings: RatedUnit[] = [];
  const rows: AgreementRow[] = [];

  for (const code of input.codes) {
    const tables = new Map<string, TwoByTwo>();
    const ratings: RatedUnit[] = [];
    for (const source of input.sources) {
      const present = presentBySource.get(source.id)!;
      const byCoder = grouped.get(code.id)?.get(source.id);
      const spansOf = (coder: number): Span[] => byCoder?.get(coder) ?? [];
      for (const [a, b] of pairs) {
        if (!present.includes(a) || !present.includes(b)) continue;
        const t = input.level === 'character' ? characterTable(source.length, spansOf(a), spansOf(b)) : unitTable(source.units, spansOf(a), spansOf(b));
        const key = `${a}:${b}`;
        addTables(tables.get(key) ?? tables.set(key, emptyTable()).get(key)!, t);
        addTables(overallTables.get(key) ?? overallTables.set(key, emptyTable()).get(key)!, t);
      }
      const spans = present.map(spansOf);
      const rated = input.level === 'character' ? characterRatings(source.length, present.length, spans) : unitRatings(source.units, present.length, spans);
      ratings.push(...rated);
      overallRatings.push(...rated);
    }
    rows.push(summarise(code.id, code.name, tables, pairs, ratings));
  }

  const notes: string[] = [];
  const unit = input.level === 'character' ? 'character' : 'unit (speaker turn, answer or paragraph)';
  notes.push(
    input.level === 'character'
      ? 'Character level: each character of each source is coded or not by each coder, for each code.'
      : 'Unit level: a unit (speaker turn, answer, paragraph) counts as coded by a coder when any coding of theirs with the code overlaps it.',
  );
  notes.push(`Overall: the ${unit} tables of every code pooled; alpha over every code's ratings pooled (nominal, coded or not).`);
  if (pairs.length > 1) notes.push(`With ${coderIds.length} coders, percent agreement and kappa are means over the ${pairs.length} pairs (Light's kappa); alpha uses every coder at once.`);
  const name = new Map(input.coders.map((c) => [c.id, c.name]));
  for (const source of input.sources) {
    const missing = coderIds.filter((c) => !presentBySource.get(source.id)!.includes(c));
    if (missing.length > 0) {
      notes.push(`${missing.map((c) => name.get(c)).join(', ')} did not code ${source.name}: missing there (left out of their pairs; alpha counts the others).`);
    }
  }
  return {
    level: input.level,
    coders: input.coders.map((c) => ({ id: c.id, name: c.name })),
    sources: input.sources.map((s) => ({ id: s.id, name: s.name })),
    rows,
    overall: summarise(null, 'All codes', overallTables, pairs, overallRatings),
    notes,
  };
}
