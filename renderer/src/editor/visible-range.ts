import type { EditorView } from '@tiptap/pm/view';

type Band = { top: number; bottom: number };

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

/** The document positions shown in the scroll area. */
export function visibleRange(view: EditorView, scrollEl: HTMLElement): { from: number; to: number } {
  const box = scrollEl.getBoundingClientRect();
  const size = view.state.doc.content.size;
  const band = { top: box.top, bottom: box.bottom };
  return { from: posAtHeight(view, box.top, band) ?? 0, to: posAtHeight(view, box.bottom, band) ?? size };
}
