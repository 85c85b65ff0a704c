import { fileNameFor } from '../../../../shared/domain/analysis/csv.ts';
import { saveBlob } from '../../ui/download.ts';

export type LegendItem = { label: string; color: string };

const SVG_NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A standalone copy of a rendered chart: the title and the legend drawn into the SVG (recharts
 * draws its legend in HTML, which would not travel with the file), fonts inlined, a white
 * background and an explicit size.
 */
export function chartSvgText(svg: SVGSVGElement, title: string, legend: readonly LegendItem[]): string {
  const { width, height } = svg.getBoundingClientRect();
  const head = 50;
  const w = Math.round(width);
  const h = Math.round(height) + head;
  const out = el('svg', { xmlns: SVG_NS, width: w, height: h, viewBox: `0 0 ${w} ${h}`, 'font-family': getComputedStyle(svg).fontFamily || 'sans-serif', 'font-size': 12 });
  out.append(el('title', {}, title), el('rect', { width: w, height: h, fill: '#ffffff' }), el('text', { x: 8, y: 18, 'font-size': 14, 'font-weight': 600, fill: '#23221f' }, title));
  let x = 8;
  for (const item of legend) {
    out.append(el('rect', { x, y: 30, width: 10, height: 10, fill: item.color }), el('text', { x: x + 14, y: 39, fill: '#23221f' }, item.label));
    x += 24 + item.label.length * 7;
  }
  const body = el('g', { transform: `translate(0, ${head})` });
  for (const child of Array.from(svg.childNodes)) body.append(child.cloneNode(true));
  out.append(body);
  return new XMLSerializer().serializeToString(out);
}

export function downloadSvg(svg: SVGSVGElement, title: string, legend: readonly LegendItem[]): void {
  saveBlob(new Blob([chartSvgText(svg, title, legend)], { type: 'image/svg+xml' }), fileNameFor(title, 'svg'));
}

/** PNG at twice the screen size: the SVG drawn onto a canvas. */
export async function downloadPng(svg: SVGSVGElement, title: string, legend: readonly LegendItem[]): Promise<void> {
  const text = chartSvgText(svg, title, legend);
  const box = svg.getBoundingClientRect();
  const width = box.width;
  const height = box.height + 50;
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('This browser cannot draw images');
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be saved as PNG');
    saveBlob(blob, fileNameFor(title, 'png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
