import type { EditorView } from '@tiptap/pm/view';
import { calibrateChunks } from './chunk-sizing.ts';
import { ScrollPace } from './scroll-pace.ts';
import { visibleRange, type VisibleRange } from './visible-range.ts';

/** Work that follows the scroll, given the document positions on screen. */
export type FrameStep = (range: VisibleRange) => void;

/**
 * One animation-frame callback per open document for everything that follows the scroll or a
 * resize. The visible range is measured once a frame, then the steps run in `order`: steps that
 * read layout (the margin stripes measure their codings) go before steps that change the text's
 * DOM (the decoration window), so the text is laid out once a frame. With a callback of its own
 * each, a read after the other's write forced a second, synchronous layout of the new text.
 * During a fling the steps wait (scroll-pace.ts): a frame then only scrolls, and the frame
 * after the scroll slows or stops draws where it landed.
 */
export class FrameLoop {
  private frame = 0;
  private remeasured = 0;
  private steps: { order: number; run: FrameStep }[] = [];
  private readonly pace = new ScrollPace();
  /** Width of the text when the chunk estimates were last measured (chunk-sizing.ts). */
  private sizedWidth = -1;
  /** The last range measured, and the scroll and sizes it was measured at. */
  private measured: { range: VisibleRange; at: string } | null = null;

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

  /** True while the text is flung by faster than it can be read: work that can wait, waits. */
  get flinging(): boolean {
    return this.pace.inFling;
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

  /** Where the text is scrolled to and how big it is: while this holds, what is on screen holds. */
  private place(): string {
    return `${this.scrollEl.scrollTop}:${this.scrollEl.clientHeight}:${this.view.dom.clientWidth}:${this.view.dom.offsetHeight}`;
  }

  private measure(): VisibleRange {
    const range = visibleRange(this.view, this.scrollEl);
    this.measured = { range, at: this.place() };
    return range;
  }

  /**
   * The document positions on screen now. Measured again only when the text scrolled or changed
   * size: a coding applied or removed changes neither (highlights do not move the words), and at
   * 100,000 codings the hit tests of a measurement were a tenth of a coding action's time.
   */
  currentRange(): VisibleRange {
    const m = this.measured;
    if (m && !m.range.coarse && m.at === this.place()) return m.range;
    return this.measure();
  }

  private readonly run = (): void => {
    this.frame = 0;
    // A hidden or collapsed pane shows nothing: measured, it would span the whole document.
    if (this.view.isDestroyed || this.scrollEl.clientHeight === 0) return;
    if (this.pace.flinging(this.scrollEl.scrollTop, this.scrollEl.clientHeight)) {
      // Nothing is measured or drawn; a frame follows to draw once the scroll stops.
      this.schedule();
      return;
    }
    const width = this.view.dom.clientWidth;
    if (width !== this.sizedWidth) {
      // Once per width: a text too short to measure keeps the stylesheet's estimate.
      const box = this.scrollEl.getBoundingClientRect();
      calibrateChunks(this.view.dom, box.top, box.bottom);
      this.sizedWidth = width;
    }
    const range = this.measure();
    for (const step of this.steps) step.run(range);
    // Text just jumped to is measured by blocks, before this frame lays out what is around it
    // (visible-range.ts): measure it again next frame, even if nothing else happens.
    if (!range.coarse) this.remeasured = 0;
    else if (this.remeasured++ < 2) this.schedule();
  };
}
