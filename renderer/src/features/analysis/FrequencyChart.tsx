import { memo, useCallback, useMemo, useRef, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  DefaultTooltipContent,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
  type XAxisTickContentProps,
} from 'recharts';
import type { ChartDatum, ChartSeries } from '../../../../shared/domain/analysis/chart-data.ts';
import { readableShade } from '../../../../shared/domain/palette.ts';
import { attempt } from '../../ui/notify.ts';
import { CategoryTick, ValueTick } from './AxisTicks.tsx';
import { barRows, groupedBars, isBarRow, rowExtent, stackedBars } from './chart-shaping.ts';
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

type GroupProps = { box: BarShapeProps; onBar: (row: number, column: number) => void };

/**
 * One category's bars, one plain rect per series, each naming its row and series so a bar can be
 * found (and tested) by what it shows. Values are read from the tooltip, not from a <title> per
 * bar, which made 1,000-bar charts slow to draw.
 */
function BarGroup({ box, onBar }: GroupProps) {
  const row = box.payload;
  if (!isBarRow(row)) return null;
  const frame = { x: box.x, y: box.y, width: Math.max(0, box.width), height: Math.max(0, box.height) };
  const bars = row.stacked ? stackedBars(frame, row.values) : groupedBars(frame, row.values);
  return (
    <g>
      {bars.map((b, k) => {
        const s = row.series[k]!;
        return (
          // The class recharts gives a bar: styles and tests find bars by it.
          <rect
            key={s.key}
            className="recharts-bar-rectangle"
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            fill={s.color}
            data-row={row.label}
            data-series={s.label}
            onClick={() => onBar(row.row, s.column)}
          />
        );
      })}
    </g>
  );
}

/**
 * The series key, drawn in HTML beside the chart rather than by recharts' <Legend>: recharts
 * measures its legend after mounting and then lays out and draws every bar a second time, and its
 * fixed-height box let a legend that wraps over several lines cover the first bars. Its names
 * are in their series' colour, darkened where a pale one would not read on the white figure.
 */
const CHART_GROUND = '#ffffff'; // .chart-figure

const ChartLegend = memo(function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key} style={{ color: readableShade(s.color, CHART_GROUND, 1) }}>
          <span className="chart-legend-swatch" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
});

const MARGIN = { top: 4, right: 24, bottom: 4, left: 8 };
// No horizontal grid lines: recharts would still work out where they go, measuring every category label in the DOM to thin them out.
const NO_LINES = (): number[] => [];
const CURSOR = { fill: 'rgba(47, 93, 138, 0.06)' };
const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 4 };

/**
 * Horizontal bars (long category names stay readable), grouped or stacked by column. Memoised:
 * pass stable props.
 *
 * One recharts <Bar> per category group, not one per series: recharts lays out the categories,
 * the value axis and the box of each group (its extent: the largest value, or the total when
 * stacked), and the group's shape draws the series' bars inside that box by recharts' own
 * grouping rule (chart-shaping.ts). With a <Bar> per series, 50 participants × 20 categories meant
 * 51 Bars, each registering itself in recharts' store and rendering five components per bar:
 * the first draw of 1,020 bars took most of a second.
 */
export const FrequencyChart = memo(function FrequencyChart({ title, data, series, mode, unit, onBar, modePicker }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The chart's own surface, not any other SVG in the box.
  const svg = () => box.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? null;
  const legend = () => series.map((s) => ({ label: s.label, color: s.color }));
  const per = mode === 'stacked' ? 26 : Math.max(22, series.length * 9 + 10);
  // The legend is not in the box any more: the plot keeps the height it had below recharts' 26 px legend.
  const height = Math.max(200, data.length * per + 44);
  const rows = useMemo(() => barRows(data, series, mode === 'stacked'), [data, series, mode]);
  const valueTick = useMemo(() => (p: XAxisTickContentProps) => <ValueTick {...p} unit={unit} />, [unit]);
  const shape = useCallback((b: BarShapeProps) => <BarGroup box={b} onBar={onBar} />, [onBar]);
  // The tooltip lists every series of the hovered category, as it did with a <Bar> per series.
  const tooltip = useCallback((p: TooltipContentProps) => {
    const group = p.payload[0];
    const row: unknown = group?.payload;
    const entries = group && isBarRow(row) ? row.series.map((s, k) => ({ ...group, name: s.label, value: row.values[k] ?? 0, color: s.color, fill: s.color, dataKey: s.key })) : [];
    return <DefaultTooltipContent {...p} payload={entries} />;
  }, []);
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
      <ChartLegend series={series} />
      <div ref={box} className="chart-box" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={MARGIN} barCategoryGap={mode === 'stacked' ? 6 : 5}>
            <CartesianGrid horizontal={false} horizontalCoordinatesGenerator={NO_LINES} stroke="#ebe8e2" />
            {/* interval 0: a handful of number ticks never collide, and recharts then skips measuring their text in the DOM (a forced layout of the whole view). */}
            <XAxis type="number" interval={0} allowDecimals={unit !== ''} tick={valueTick} unit={unit} stroke="#bdb8ae" />
            <YAxis type="category" dataKey="label" width={170} tick={CategoryTick} interval={0} stroke="#bdb8ae" />
            <Tooltip cursor={CURSOR} formatter={(v) => `${String(v)}${unit}`} contentStyle={TOOLTIP_STYLE} content={tooltip} />
            <Bar dataKey={rowExtent} name={title} isAnimationActive={false} legendType="none" shape={shape} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
