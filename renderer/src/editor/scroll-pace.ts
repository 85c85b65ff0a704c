/**
 * Scrolled by at least this share of the screen in a frame, twice running, the text is
 * flying by faster than anyone reads it (24 screens a second: a fling, a dragged scroll
 * thumb, Page Down held). Below it the view draws every frame; a mouse wheel or a single
 * Page Down moves a tenth of a screen a frame or less.
 */
export const FLING_SCREENS = 0.4;

/**
 * Tells the frame loop when a frame should only scroll. Highlights and stripes drawn for text
 * that is gone by the next frame are wasted work, and at a screen per frame that work (new
 * highlight elements and the garbage of the old ones) is what made frames miss their slot.
 * A single jump (the scroll thumb clicked, a search hit, "next coding") is drawn at once; from
 * the second fast frame on nothing is drawn, and the first slower frame, or the frame after
 * the scroll stops, draws the screen where it landed.
 */
export class ScrollPace {
  private lastTop: number | null = null;
  private fastFrames = 0;

  /** Records this frame's scroll position; true when the frame should skip drawing. */
  flinging(scrollTop: number, screenHeight: number): boolean {
    const moved = this.lastTop === null ? 0 : Math.abs(scrollTop - this.lastTop);
    this.lastTop = scrollTop;
    this.fastFrames = screenHeight > 0 && moved >= FLING_SCREENS * screenHeight ? this.fastFrames + 1 : 0;
    return this.fastFrames >= 2;
  }

  /** True while the last frame measured was a fling. */
  get inFling(): boolean {
    return this.fastFrames >= 2;
  }
}
