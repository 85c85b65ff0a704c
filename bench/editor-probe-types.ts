import type { PageElement } from './editor-dom.ts';

/** What the in-page probe (editor-probe.ts) measures and how Node reaches it. Times in ms. */

export type ApiCall = { method: string; start: number; end: number; codingId: number | null };

/**
 * The open source's layout as the view builds it (shared/domain/doc-blocks.ts): how many
 * top-level blocks, and for each coding [id, first block, last block] it covers.
 */
export type DocLayout = { blockCount: number; codings: [number, number, number][] };

export type OpenTiming = {
  /** Click → first frame painted with the text on screen and every coding touching it highlighted, probe's own checks taken out. */
  shownMs: number;
  /** Click → the frame in which the DOM first held every coding. */
  domMs: number;
  /** Click → sources.get and codings.listForSource answered and parsed. */
  dataMs: number | null;
  /** Codings touching the blocks on screen, which had to be highlighted. */
  onScreenCodings: number;
  /** Codings with a highlight anywhere in the document when it was readable (a view may draw only near the screen). */
  codingsDrawn: number;
  marks: number;
  stripes: number;
  /** Time the probe spent counting highlights (subtracted from shownMs). */
  checkMs: number;
};

/**
 * One apply or remove: from the key's event to the first frame painted with the change
 * (`shownMs`; the view draws an applied coding before the backend answers), and to the DOM
 * holding the backend's own coding (`confirmedMs`; for a remove, the same as shownMs).
 */
export type ChangeTiming = { codingId: number; shownMs: number; domMs: number; confirmedMs: number; apiStartMs: number | null; apiEndMs: number | null };

/** The codings of the blocks on screen: how many, how many lack a highlight, stripes drawn; complete = all highlighted and the margin drawn. */
export type ScreenCheck = { expected: number; missing: number; stripes: number; complete: boolean };
export type ScreenState = ScreenCheck & { doc: PageElement };

export type ScrollTiming = {
  steps: number;
  stepPx: number;
  scrollHeight: number;
  frames: number;
  longestFrameMs: number;
  frameP95Ms: number;
  framesOver50Ms: number;
  /** Longest long-animation-frame entry (> 50 ms only); null when the browser does not report them. */
  longestLoafMs: number | null;
  /** What the longest of them spent its time on. */
  longestLoaf: string;
  /** How far down the scroll got (1 = the bottom); below 1 when it ran out of time. */
  reached: number;
  /**
   * A fling of FLING_STEPS screens (one a frame) up from the bottom, then still: from the frame
   * of its last step to the first frame painted with the screen complete (screenState), the
   * probe's own checks taken out. A view may leave highlights out while the text flies by.
   */
  settleMs: number;
  /** Then 0.3 of a screen per frame from the top, still drawing every frame: frames and whether the screen was complete at the end. */
  skim: { frames: number; stepPx: number; longestFrameMs: number; frameP95Ms: number; completeAtEnd: boolean };
};

export type Probe = {
  armOpen: (layout: DocLayout) => void;
  openResult: () => Promise<OpenTiming>;
  codeRowIds: () => number[];
  selectedCodeId: () => number | null;
  /** Selects document positions from–to in the editor and scrolls them into view. */
  select: (from: number, to: number) => boolean;
  /**
   * Arms the timing of the next Enter (apply) or Delete (remove), then waits for the next frame
   * and `phaseMs` more: the key then comes at that point of a frame, as a person's key would at
   * any point, not always just after a frame (where it waits longest for the next one).
   */
  armChange: (kind: 'apply' | 'remove', codingId: number | null, phaseMs: number) => Promise<void>;
  changeResult: () => Promise<ChangeTiming>;
  /** Scrolls to the coding (at document position `from`) and clicks its margin stripe once drawn; false if it never is. */
  clickStripe: (codingId: number, from: number) => Promise<boolean>;
  /** Resolves once no API call is pending and a few frames have passed. */
  idle: () => Promise<void>;
  /** Whether the screen shows every coding on it (null until the view holds the whole document). */
  screenState: (layout: DocLayout) => ScreenCheck | null;
  /** Resolves with the time once the next frame has been painted. */
  afterPaint: () => Promise<number>;
  /** Scrolls to the bottom (for at most `maxMs` when frames are so slow that the bottom is minutes away), flings and skims (ScrollTiming). */
  scroll: (maxMs: number, layout: DocLayout) => Promise<ScrollTiming>;
};

export type ProbeHost = { __mgBench: Probe };
