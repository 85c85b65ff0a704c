import type { EditorView } from '@tiptap/pm/view';

/** Document position at a height on screen, trying a few points in case one falls in a gap. */
export function posAtHeight(view: EditorView, y: number): number | null {
  const box = view.dom.getBoundingClientRect();
  for (const dy of [0, 6, -6, 14, -14]) {
    const hit = view.posAtCoords({ left: box.left + 40, top: Math.min(Math.max(y + dy, box.top + 1), box.bottom - 1) });
    if (hit) return hit.pos;
  }
  return null;
}

/** The document positions shown in the scroll area. */
export function visibleRange(view: EditorView, scrollEl: HTMLElement): { from: number; to: number } {
  const box = scrollEl.getBoundingClientRect();
  const size = view.state.doc.content.size;
  return { from: posAtHeight(view, box.top) ?? 0, to: posAtHeight(view, box.bottom) ?? size };
}
