import type { EditorView } from '@tiptap/pm/view';
import { visibleRange, type VisibleRange } from './visible-range.ts';

/** Work that follows the scroll, given the document positions on screen. */
export type FrameStep = (range: VisibleRange) => void;

/**
 * One animation-frame callback per open document for everything that follows the scroll or a
 * resize. The visible range is measured once a frame, then the steps run in `order`: steps that
 * read layout (the margin stripes measure their codings) go before steps that change the text's
 * DOM (the decoration window), so the text is laid out once a frame. With a callback of its own
 * each, a read after the other's write forced a second, synchronous layout of the new text.
 */
export class FrameLoop {
  private frame = 0;
  private remeasured = 0;
  private steps: { order: number; run: FrameStep }[] = [];

  constructor(
    readonly view: EditorView,
    readonly scrollEl: HTMLElement,
  ) {}

  /** Adds a step (lower `order` first); returns its removal. */
  add(order: number, run: FrameStep): () => void {
    const entry = { order, run };
    this.steps = [...this.steps, entry].sort((a, b) => a.order - b.order);
    return () => {
      this.steps = this.steps.filter((s) => s !== entry);
    };
  }

  /** Runs the steps in the next animation frame, once however often it is asked. */
  readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(this.run);
  };

  /** Listens for scrolls and resizes until the returned function is called. */
  attach(): () => void {
    const { scrollEl, view, schedule } = this;
    scrollEl.addEventListener('scroll', schedule, { passive: true });
    // The text's own size changes too when chunks are laid out for the first time (content-visibility).
    const resize = new ResizeObserver(schedule);
    resize.observe(scrollEl);
    resize.observe(view.dom);
    return () => {
      scrollEl.removeEventListener('scroll', schedule);
      resize.disconnect();
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  private readonly run = (): void => {
    this.frame = 0;
    // A hidden or collapsed pane shows nothing: measured, it would span the whole document.
    if (this.view.isDestroyed || this.scrollEl.clientHeight === 0) return;
    const range = visibleRange(this.view, this.scrollEl);
    for (const step of this.steps) step.run(range);
    // Text just jumped to is measured by blocks, before this frame lays out what is around it
    // (visible-range.ts): measure it again next frame, even if nothing else happens.
    if (!range.coarse) this.remeasured = 0;
    else if (this.remeasured++ < 2) this.schedule();
  };
}
