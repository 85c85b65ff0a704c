import { memo, useMemo, useRef, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { ChartDatum, ChartSeries } from '../../../../shared/domain/analysis/chart-data.ts';
import { attempt } from '../../ui/notify.ts';
import { downloadPng, downloadSvg } from './download.ts';
import type { ChartMode } from './store.ts';

type Props = {
  title: string;
  data: ChartDatum[];
  series: ChartSeries[];
  mode: ChartMode;
  unit: string;
  onBar: (row: number, column: number) => void;
  modePicker?: ReactNode;
};

const isDatum = (x: unknown): x is ChartDatum => typeof x === 'object' && x !== null && 'row' in x && typeof (x as { row: unknown }).row === 'number';

/**
 * A plain rect that names its row and series, so a bar can be found (and tested) by what it shows.
 * One function for every bar (recharts passes the Bar's own name and fill); values are read from
 * recharts' Tooltip, not from a <title> per bar, which made 1,000-bar charts slow to draw.
 */
const barShape = (b: BarShapeProps) => (
  <rect
    x={b.x}
    y={b.y}
    width={Math.max(0, b.width)}
    height={Math.max(0, b.height)}
    fill={b.fill}
    data-row={isDatum(b.payload) ? b.payload.label : ''}
    data-series={b.name == null ? '' : String(b.name)}
  />
);

const MARGIN = { top: 4, right: 24, bottom: 4, left: 8 };
const X_TICK = { fontSize: 11, fill: '#75716a' };
const Y_TICK = { fontSize: 12, fill: '#23221f' };
const CURSOR = { fill: 'rgba(47, 93, 138, 0.06)' };
const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 4 };
const LEGEND_STYLE = { fontSize: 12, paddingLeft: 170 };

/** Horizontal bars (long category names stay readable), grouped or stacked by column. Memoised: pass stable props. */
export const FrequencyChart = memo(function FrequencyChart({ title, data, series, mode, unit, onBar, modePicker }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The chart's own surface, not the little legend-icon SVGs recharts also draws.
  const svg = () => box.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? null;
  const legend = () => series.map((s) => ({ label: s.label, color: s.color }));
  const per = mode === 'stacked' ? 26 : Math.max(22, series.length * 9 + 10);
  const height = Math.max(200, data.length * per + 70);
  const bars = useMemo(
    () =>
      series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={s.color}
          isAnimationActive={false}
          cursor="pointer"
          shape={barShape}
          {...(mode === 'stacked' ? { stackId: 'all' } : {})}
          onClick={(d) => {
            if (isDatum(d.payload)) onBar(d.payload.row, s.column);
          }}
        />
      )),
    [series, mode, onBar],
  );
  return (
    <figure className="chart-figure" aria-label={title}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="spacer" />
        {modePicker}
        <span className="export-buttons" role="group" aria-label="Export chart">
          <button onClick={() => { const s = svg(); if (s) void attempt(() => downloadPng(s, title, legend())); }} title="Save the chart as a PNG image">PNG</button>
          <button onClick={() => { const s = svg(); if (s) downloadSvg(s, title, legend()); }} title="Save the chart as SVG (scalable, for print)">SVG</button>
        </span>
      </figcaption>
      <div ref={box} className="chart-box" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={MARGIN} barCategoryGap={mode === 'stacked' ? 6 : 5}>
            <CartesianGrid horizontal={false} stroke="#ebe8e2" />
            {/* interval 0: a handful of number ticks never collide, and recharts then skips measuring their text in the DOM (a forced layout of the whole view). */}
            <XAxis type="number" interval={0} allowDecimals={unit !== ''} tick={X_TICK} unit={unit} stroke="#bdb8ae" />
            <YAxis type="category" dataKey="label" width={170} tick={Y_TICK} interval={0} stroke="#bdb8ae" />
            <Tooltip cursor={CURSOR} formatter={(v) => `${String(v)}${unit}`} contentStyle={TOOLTIP_STYLE} />
            <Legend verticalAlign="top" align="left" height={26} iconType="square" iconSize={10} wrapperStyle={LEGEND_STYLE} />
            {bars}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
