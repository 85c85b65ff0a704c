import { firstEndingBelow } from './visible-range.ts';

/**
 * Heights of the chunks the browser has not laid out yet (content-visibility skips them):
 * estimated from their text, so that the scroll bar is about right and a jump lands where it
 * aimed. A flat guess was off by a factor of two to three, and every chunk laid out on the
 * way moved what lay below it by as much.
 *
 * A chunk's estimate (editor.css) is its fixed pixels (margins, speaker lines), plus half a
 * line per block (the last line of a block is part-filled), plus its characters times
 * `--mg-px-per-char`: the line height over the characters a line holds at the column's width.
 * That last one is measured here on a chunk that is laid out, whenever the column's width
 * changes.
 */

/** Chunk attributes as rendered (schema.ts). */
function measureOf(chunk: HTMLElement): { chars: number; fixed: number; blocks: number } {
  const v = (name: string) => Number(chunk.style.getPropertyValue(name)) || 0;
  return { chars: v('--mg-chars'), fixed: v('--mg-fixed'), blocks: v('--mg-blocks') };
}

/**
 * Sets `--mg-px-per-char` and `--mg-half-line` on the document element from the chunk at the
 * middle of the screen (laid out, as it is shown). Returns false when nothing could be measured.
 */
export function calibrateChunks(doc: HTMLElement, screenTop: number, screenBottom: number): boolean {
  const chunks = doc.children;
  const chunk = chunks[firstEndingBelow(chunks, (screenTop + screenBottom) / 2)] as HTMLElement | undefined;
  const text = chunk?.querySelector('.mg-text');
  if (!chunk || !text) return false;
  // The box of an element inside lays the chunk out if it was not (the frame would anyway).
  text.getBoundingClientRect();
  const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight);
  const { chars, fixed, blocks } = measureOf(chunk);
  const height = chunk.getBoundingClientRect().height;
  if (!(lineHeight > 0) || chars < 200) return false;
  const perChar = (height - fixed - (blocks * lineHeight) / 2) / chars;
  if (!(perChar > 0)) return false;
  doc.style.setProperty('--mg-half-line', `${(lineHeight / 2).toFixed(2)}px`);
  doc.style.setProperty('--mg-px-per-char', `${perChar.toFixed(4)}px`);
  return true;
}
