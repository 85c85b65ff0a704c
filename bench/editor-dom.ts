/**
 * The few browser shapes the in-page probe touches. bench/ is type-checked with the Node-side
 * tsconfig, which has no DOM lib (and must not get one: electron/ would then compile against
 * `window`), so the probe reads `globalThis` through these structural types instead.
 */

export type PageNode = { readonly nodeType: number; readonly isConnected: boolean; readonly childNodes: ArrayLike<PageNode> };

export type PageRect = { readonly top: number; readonly bottom: number };

export type PageElement = PageNode & {
  readonly children: ArrayLike<PageElement>;
  getBoundingClientRect: () => PageRect;
  readonly dataset: Record<string, string | undefined>;
  readonly className: string;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly textContent: string | null;
  matches: (selector: string) => boolean;
  getAttribute: (name: string) => string | null;
  querySelector: (selector: string) => PageElement | null;
  querySelectorAll: (selector: string) => ArrayLike<PageElement>;
  focus: () => void;
  click: () => void;
  scrollIntoView: (options: { block: 'center' | 'start' | 'nearest' }) => void;
};

export type PageEvent = { readonly type: string; readonly timeStamp: number; readonly key?: string; readonly target: unknown };

type PageMutation = { readonly addedNodes: ArrayLike<PageNode>; readonly removedNodes: ArrayLike<PageNode> };
type PageObserver = {
  observe: (target: PageNode, options: { childList: boolean; subtree: boolean; attributes?: boolean; attributeFilter?: string[] }) => void;
  disconnect: () => void;
};
type PerfEntry = {
  readonly duration: number;
  readonly startTime: number;
  /** long-animation-frame entries only. */
  readonly renderStart?: number;
  readonly styleAndLayoutStart?: number;
  readonly scripts?: readonly { readonly invoker: string; readonly duration: number; readonly forcedStyleAndLayoutDuration: number }[];
};
type PerfObserver = { observe: (options: { type: string; buffered: boolean }) => void; disconnect: () => void };

/** The tiptap editor that DocumentEditor hangs on its `.mg-doc` element (tiptap does so for tests). */
type PageChain = {
  setTextSelection: (at: number | { from: number; to: number }) => PageChain;
  scrollIntoView: () => PageChain;
  run: () => boolean;
};
export type PageEditor = {
  chain: () => PageChain;
  view: { focus: () => void; coordsAtPos: (pos: number) => PageRect; state: { doc: { content: { size: number } } } };
};

export type PageWindow = {
  document: {
    querySelector: (selector: string) => PageElement | null;
    querySelectorAll: (selector: string) => ArrayLike<PageElement>;
    addEventListener: (type: string, listener: (event: PageEvent) => void, capture: boolean) => void;
    removeEventListener: (type: string, listener: (event: PageEvent) => void, capture: boolean) => void;
  };
  performance: { now: () => number };
  requestAnimationFrame: (callback: (time: number) => void) => number;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage: (value: number) => void } };
  MutationObserver: new (callback: (records: PageMutation[]) => void) => PageObserver;
  PerformanceObserver: { new (callback: (list: { getEntries: () => PerfEntry[] }) => void): PerfObserver; readonly supportedEntryTypes: readonly string[] };
  fetch: (input: unknown, init?: { body?: unknown }) => Promise<{ json: () => Promise<unknown> }>;
};
