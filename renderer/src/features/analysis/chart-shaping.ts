import type { ChartDatum, ChartSeries } from '../../../../shared/domain/analysis/chart-data.ts';

/**
 * What recharts gets per category: everything its bar shape needs to draw the category's bars,
 * one per series. Recharts hands the shape the rows it holds in its store, which takes new data a
 * render after the chart's props change: a row that carries its own series, values and layout
 * never meets a shape drawn for other columns or another bar mode.
 */
export type BarRow = {
  rowKey: string;
  row: number;
  label: string;
  /** The row's value for each series, in series order. */
  values: number[];
  series: readonly ChartSeries[];
  stacked: boolean;
  /** How far the category's bars reach: its largest value side by side, its total when stacked. */
  extent: number;
};

export const isBarRow = (x: unknown): x is BarRow => typeof x === 'object' && x !== null && 'values' in x && 'series' in x && Array.isArray((x as { values: unknown }).values);

export const rowExtent = (r: BarRow): number => r.extent;

export function barRows(data: readonly ChartDatum[], series: readonly ChartSeries[], stacked: boolean): BarRow[] {
  return data.map((d) => {
    const values = series.map((s) => Number(d[s.key] ?? 0));
    const extent = stacked ? values.reduce((a, v) => a + v, 0) : values.reduce((m, v) => Math.max(m, v), 0);
    return { rowKey: d.rowKey, row: d.row, label: d.label, values, series, stacked, extent };
  });
}

export type MeasuredWord = { word: string; width: number };

/**
 * Words packed greedily into lines no wider than `width`, by recharts' own rule for wrapping
 * axis labels: a word joins the line while line + space + word stays under the width.
 */
export function wrapWords(words: readonly MeasuredWord[], spaceWidth: number, width: number): string[] {
  const lines: { words: string[]; width: number }[] = [];
  for (const w of words) {
    const line = lines.at(-1);
    if (line && line.width + w.width + spaceWidth < width) {
      line.words.push(w.word);
      line.width += w.width + spaceWidth;
    } else lines.push({ words: [w.word], width: w.width });
  }
  return lines.map((l) => l.words.join(' '));
}

export type Box = { x: number; y: number; width: number; height: number };

/**
 * A category's bars side by side, inside the box recharts gave the whole group (the band less the
 * category gap, its width the largest value). Placed by recharts' own rule for grouped bars
 * (combineAllBarPositions in recharts 3.11): a 4 px gap between bars, dropped when it leaves no
 * room, and each bar's thickness rounded to whole pixels once it is over 1 px. Lengths follow the
 * value axis, which is linear and starts at 0, so a bar is the box's width scaled by value / extent.
 */
export function groupedBars(box: Box, values: readonly number[], barGap = 4): Box[] {
  const n = values.length;
  if (n === 0) return [];
  const extent = values.reduce((m, v) => Math.max(m, v), 0);
  const gap = box.height - (n - 1) * barGap <= 0 ? 0 : barGap;
  let size = (box.height - (n - 1) * gap) / n;
  if (size > 1) size = Math.round(size);
  return values.map((v, k) => ({ x: box.x, y: box.y + (size + gap) * k, width: extent > 0 ? (box.width * v) / extent : 0, height: size }));
}

/** A category's bars end to end along the box recharts gave its total, in series order. */
export function stackedBars(box: Box, values: readonly number[]): Box[] {
  const total = values.reduce((a, v) => a + v, 0);
  let before = 0;
  return values.map((v) => {
    const bar = { x: total > 0 ? box.x + (box.width * before) / total : box.x, y: box.y, width: total > 0 ? (box.width * v) / total : 0, height: box.height };
    before += v;
    return bar;
  });
}
