import { fileNameFor, toCsv } from '../../../../shared/domain/analysis/csv.ts';
import type { ExportTable } from '../../../../shared/domain/analysis/types.ts';
import { call } from '../../api/client.ts';

/** Saves a blob through a temporary <a download>: the same path in browser mode and Electron. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV with a byte-order mark, so Excel reads the UTF-8 (accents, emoji) correctly. */
export function downloadCsv(table: ExportTable): void {
  saveBlob(new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileNameFor(table.title, 'csv'));
}

export async function downloadXlsx(tables: ExportTable[]): Promise<void> {
  const file = await call('analysis.exportXlsx', { tables });
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mime }), file.fileName);
}

/**
 * A standalone copy of a rendered chart: fonts and colours inlined (page CSS does not travel
 * with the file), a white background, explicit size.
 */
export function chartSvgText(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  copy.setAttribute('font-size', '12');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  copy.insertBefore(bg, copy.firstChild);
  const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  copy.insertBefore(t, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(svg: SVGSVGElement, title: string): void {
  saveBlob(new Blob([chartSvgText(svg, title)], { type: 'image/svg+xml' }), fileNameFor(title, 'svg'));
}

/** PNG at twice the screen size: the SVG drawn onto a canvas. */
export async function downloadPng(svg: SVGSVGElement, title: string): Promise<void> {
  const text = chartSvgText(svg, title);
  const { width, height } = svg.getBoundingClientRect();
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
