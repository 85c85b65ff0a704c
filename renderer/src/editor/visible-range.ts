import type { EditorView } from '@tiptap/pm/view';

type Band = { top: number; bottom: number };

/**
 * Document positions of the first and last text on screen. `coarse`: the screen had not been
 * laid out (a jump to text not seen before), the range runs from the start of its first block
 * to the end of its last, and may still move when this frame lays out the text around it.
 */
export type VisibleRange = { from: number; to: number; coarse?: boolean };

/**
 * Document position at a height on screen, trying a few points in case one falls in a gap.
 * Every probe stays strictly inside `band` (the scroll area): a point on its edge lands on
 * the pane's footer or header, and ProseMirror's posAtCoords then falls back to measuring
 * every block above it (31 ms per call deep in a 200k-word transcript, every scroll frame).
 */
export function posAtHeight(view: EditorView, y: number, band?: Band): number | null {
  const box = view.dom.getBoundingClientRect();
  const top = Math.max(box.top, band?.top ?? box.top) + 2;
  const bottom = Math.min(box.bottom, band?.bottom ?? box.bottom) - 2;
  if (bottom <= top) return null;
  for (const dy of [0, 6, -6, 14, -14]) {
    const hit = view.posAtCoords({ left: box.left + 40, top: Math.min(Math.max(y + dy, top), bottom) });
    if (hit) return hit.pos;
  }
  return null;
}

/** Index of the first element whose box ends below `y` (the last one if none). */
export function firstEndingBelow(els: HTMLCollection | NodeListOf<Element>, y: number): number {
  let lo = 0;
  let hi = els.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (els[mid]!.getBoundingClientRect().bottom <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, els.length - 1);
}

/**
 * The screen's range by blocks, for text content-visibility has not laid out yet: Chrome hit
 * tests no text in a chunk it skips, so posAtCoords finds only the chunk's edge. Asking for
 * the box of a block inside a chunk lays the chunk out now (this frame lays it out anyway);
 * that can change its height, so the chunks on screen are found again until they hold still.
 * Chunks near the screen that this frame's rendering lays out can still change height after
 * this, and scroll anchoring then moves the screen by as much.
 */
function blocksAcross(view: EditorView, band: Band): VisibleRange | null {
  const chunks = view.dom.children;
  if (chunks.length === 0) return null;
  let first = 0;
  let last = 0;
  for (let pass = 0; pass < 4; pass++) {
    const a = firstEndingBelow(chunks, band.top);
    const z = Math.max(a, firstEndingBelow(chunks, band.bottom));
    if (pass > 0 && a === first && z === last) break;
    first = a;
    last = z;
    for (let i = a; i <= z; i++) chunks[i]!.firstElementChild?.getBoundingClientRect();
  }
  const blocks = (i: number) => chunks[i]!.children;
  const top = blocks(first)[firstEndingBelow(blocks(first), band.top)];
  const bottom = blocks(last)[firstEndingBelow(blocks(last), band.bottom)];
  if (!top || !bottom) return null;
  // Text positions at the start of the first block and the end of the last (their text element).
  const text = (block: Element) => block.querySelector('.mg-text') ?? block;
  const end = text(bottom);
  return { from: view.posAtDOM(text(top), 0), to: view.posAtDOM(end, end.childNodes.length) };
}

/**
 * The document positions shown in the scroll area. Never more than what is there: a range
 * that ran to the document's ends when a hit test found nothing had every coding of the
 * transcript measured for the margin (1.3 s in one frame).
 */
export function visibleRange(view: EditorView, scrollEl: HTMLElement): VisibleRange {
  const box = scrollEl.getBoundingClientRect();
  const size = view.state.doc.content.size;
  const band = { top: box.top, bottom: box.bottom };
  const text = view.dom.getBoundingClientRect();
  // Scrolled past the text (it shrank as its chunks were laid out) or above it: only its edge shows.
  if (text.bottom <= band.top) return { from: size, to: size };
  if (text.top >= band.bottom) return { from: 0, to: 0 };
  const from = posAtHeight(view, box.top, band);
  const to = posAtHeight(view, box.bottom, band);
  // A screen of text spans hundreds of positions; a few mean the hit tests fell on unlaid chunks.
  if (from !== null && to !== null && to - from >= (box.bottom - box.top) / 10) return { from, to };
  const blocks = blocksAcross(view, band);
  if (blocks) return { ...blocks, coarse: true };
  const a = from ?? to ?? 0;
  const z = to ?? from ?? 0;
  return { from: Math.min(a, z), to: Math.max(a, z) };
}
