import type { XAxisTickContentProps, YAxisTickContentProps } from 'recharts';
import { wrapWords } from './chart-shaping.ts';

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/**
 * A word's width in the page's body font, as recharts measures label words (that font, not the
 * tick's 12 px, so lines break where they always have). A canvas measures without touching the
 * DOM: recharts' own <Text> puts each word in a span and reads its box, a forced layout of the
 * whole view while the chart mounts.
 */
function textWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context) {
      const body = getComputedStyle(document.body);
      context.font = `${body.fontStyle} ${body.fontWeight} ${body.fontSize} ${body.fontFamily}`;
    }
  }
  const width = context ? context.measureText(text).width : text.length * 7;
  widths.set(text, width);
  return width;
}

const AXIS_TEXT = '#23221f';
const VALUE_TEXT = '#6b675f';

/** A category label on the vertical axis, wrapped to the axis width and centred on its band like recharts' default tick. */
export function CategoryTick(p: YAxisTickContentProps) {
  const label = String(p.payload.value ?? '');
  const width = Number(p.width ?? 0);
  // recharts' word breaks: spaces and line breaks, not no-break spaces.
  const words = label.split(/[ \f\n\r\t\v\u2028\u2029]+/).filter((w) => w !== '');
  const lines = width > 0 && words.length > 1 ? wrapWords(words.map((word) => ({ word, width: textWidth(word) })), textWidth('\u00A0'), width) : [label];
  // recharts' default: 1em line height, the block centred on the tick with half a 0.71em cap height.
  const firstDy = `${0.355 - (lines.length - 1) / 2}em`;
  return (
    <text x={p.x} y={p.y} textAnchor="end" fontSize={12} fill={AXIS_TEXT} className="recharts-text">
      {lines.map((line, i) => (
        <tspan key={i} x={p.x} dy={i === 0 ? firstDy : '1em'}>{line}</tspan>
      ))}
    </text>
  );
}

/**
 * A value on the horizontal axis, drawn as recharts' default tick draws it (hanging below the
 * tick by a 0.71em cap height) but without handing the number to <Text>, which measures it in
 * the DOM to see whether it needs wrapping.
 */
export function ValueTick(p: XAxisTickContentProps & { unit?: string }) {
  return (
    <text x={p.x} y={p.y} textAnchor="middle" fontSize={11} fill={VALUE_TEXT} className="recharts-text">
      <tspan x={p.x} dy="0.71em">{`${String(p.payload.value)}${p.unit ?? ''}`}</tspan>
    </text>
  );
}
