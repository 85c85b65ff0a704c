import type { PageEditor, PageElement, PageEvent, PageWindow } from './editor-dom.ts';
import type { ApiCall, ChangeTiming, DocLayout, OpenTiming, Probe, ProbeHost, ScreenState } from './editor-probe-types.ts';
import { installScrollProbe } from './editor-probe-scroll.ts';

/**
 * The in-page half of the document-view bench. `installProbe` is serialized into the page as
 * an init script (it must not reference anything outside its own body) and leaves
 * `globalThis.__mgBench` behind. All times are performance.now() deltas inside the page, from
 * the user's event (its timeStamp) to the first frame that shows the result: the rAF after
 * the DOM change, plus a message task, which runs once that frame's style, layout and paint
 * are done.
 */

export function installProbe(): void {
  // Constants live inside: the function's source is all the page gets.
  const MARK = 'mark.mg-coding';
  /** A stretch of coded text names every coding over it. */
  const idsOf = (mark: { getAttribute(name: string): string | null }): string[] => (mark.getAttribute('data-coding-ids') ?? '').split(' ').filter((id: string) => id !== '');
  const TIMEOUT_MS = 60_000;
  const w = globalThis as unknown as PageWindow & ProbeHost;
  const now = () => w.performance.now();
  const calls: ApiCall[] = [];
  let pending = 0;

  // Which API call is which: every method goes to POST /api/call, so resource timing cannot tell.
  const realFetch = w.fetch.bind(w);
  w.fetch = async (input, init) => {
    let method: string | null = null;
    if (input === '/api/call' && typeof init?.body === 'string') method = (JSON.parse(init.body) as { method?: string }).method ?? null;
    if (method === null) return realFetch(input, init);
    const record: ApiCall = { method, start: now(), end: Number.NaN, codingId: null };
    calls.push(record);
    pending++;
    try {
      const res = await realFetch(input, init);
      const json = res.json.bind(res);
      res.json = async () => {
        try {
          const value = await json();
          if (method === 'codings.apply') record.codingId = (value as { value?: { id?: number } }).value?.id ?? null;
          return value;
        } finally {
          record.end = now();
          pending--;
        }
      };
      return res;
    } catch (err) {
      pending--;
      throw err;
    }
  };

  const frame = () => new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
  const afterPaint = () =>
    new Promise<number>((resolve) => {
      w.requestAnimationFrame(() => {
        const channel = new w.MessageChannel();
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(0);
      });
    });
  const docEl = (): PageElement => {
    const el = w.document.querySelector('.mg-doc');
    if (!el) throw new Error('no document is open');
    return el;
  };
  const callSince = (from: number, method: string) => calls.slice(from).find((c) => c.method === method) ?? null;
  const editorOf = (): PageEditor => {
    const editor = (docEl() as unknown as { editor?: PageEditor }).editor;
    if (!editor) throw new Error('the document element carries no tiptap editor');
    return editor;
  };
  /**
   * Brings document position `pos` to a third of the way down the scroll area, where a reader
   * looks: ProseMirror's own scrollIntoView stops as soon as the position touches the edge.
   */
  const centre = (editor: PageEditor, pos: number) => {
    const scroller = w.document.querySelector('.mg-scroll');
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += editor.view.coordsAtPos(pos).top - (box.top + (box.bottom - box.top) / 3);
  };
  /** The text blocks (turns, answers, paragraphs), inside the editor's chunks when it groups them. */
  const blocksOf = (doc: PageElement): ArrayLike<PageElement> =>
    doc.querySelector('.mg-chunk') ? doc.querySelectorAll('.mg-chunk > *') : doc.children;
  /** First and last top-level block of the document that the scroll area shows, by binary search on their boxes. */
  const visibleBlocks = (doc: PageElement, scroller: PageElement): [number, number] => {
    const blocks = blocksOf(doc);
    const box = scroller.getBoundingClientRect();
    const firstReaching = (y: number) => {
      let lo = 0;
      let hi = blocks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (blocks[mid]!.getBoundingClientRect().bottom < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const first = firstReaching(box.top);
    let last = Math.min(blocks.length - 1, firstReaching(box.bottom));
    if (last > first && blocks[last]!.getBoundingClientRect().top > box.bottom) last--;
    return [first, last];
  };
  /**
   * What the screen shows of the codings that should be on it: readable = the text on screen
   * with every coding that touches it highlighted, and the margin drawn. Null until the view
   * holds every block of the document.
   */
  const screenState = (layout: DocLayout): ScreenState | null => {
    const doc = w.document.querySelector('.mg-doc');
    const scroller = w.document.querySelector('.mg-scroll');
    if (!doc || !scroller || blocksOf(doc).length !== layout.blockCount || !doc.querySelector('.mg-text')) return null;
    const stripes = w.document.querySelectorAll('.mg-stripe').length;
    const [first, last] = visibleBlocks(doc, scroller);
    const drawn = new Set<string | null>();
    for (let b = first; b <= last; b++) {
      const marks = blocksOf(doc)[b]!.querySelectorAll(MARK);
      for (let i = 0; i < marks.length; i++) for (const id of idsOf(marks[i]!)) drawn.add(id);
    }
    const expected = layout.codings.filter(([, a, z]) => a <= last && z >= first);
    const missing = expected.filter(([id]) => !drawn.has(String(id))).length;
    return { doc, expected: expected.length, missing, stripes, complete: missing === 0 && (expected.length === 0 || stripes > 0) };
  };
  /** `seen` says what the view last showed, so a timeout names what never came. */
  const withTimeout = <T>(what: string, run: (resolve: (v: T) => void) => void, seen: () => string = () => '') =>
    new Promise<T>((resolve, reject) => {
      const timer = w.setTimeout(() => reject(new Error(`${what}: not done within ${TIMEOUT_MS} ms ${seen()}`.trim())), TIMEOUT_MS);
      run((v) => {
        w.clearTimeout(timer);
        resolve(v);
      });
    });

  let open: Promise<OpenTiming> | null = null;
  let change: Promise<ChangeTiming> | null = null;

  const probe: Omit<Probe, 'scroll'> = {
    armOpen: (layout) => {
      let seen = '(no click on the source seen)';
      open = withTimeout<OpenTiming>('opening the source', (resolve) => {
        const onClick = (e: PageEvent) => {
          w.document.removeEventListener('click', onClick, true);
          const t0 = e.timeStamp;
          const firstCall = calls.length;
          let checkMs = 0;
          // Polled once a frame: while the page builds the view no frame runs, so this costs nothing then.
          const poll = () => {
            const t = now();
            const state = screenState(layout);
            if (state) {
              const { doc, expected, missing, stripes, complete } = state;
              seen = `(last seen: ${missing} of ${expected} codings on screen not highlighted, ${stripes} stripes)`;
              checkMs += now() - t;
              if (complete) {
                const data = [callSince(firstCall, 'sources.get'), callSince(firstCall, 'codings.listForSource')];
                const dataMs = data.every((c) => c && !Number.isNaN(c.end)) ? Math.max(...data.map((c) => c!.end)) - t0 : null;
                void afterPaint().then((painted) => {
                  const marks = doc.querySelectorAll(MARK);
                  const all = new Set<string | null>();
                  for (let i = 0; i < marks.length; i++) for (const id of idsOf(marks[i]!)) all.add(id);
                  resolve({
                    shownMs: painted - t0 - checkMs,
                    domMs: t - t0,
                    dataMs,
                    onScreenCodings: expected,
                    codingsDrawn: all.size,
                    marks: marks.length,
                    stripes,
                    checkMs,
                  });
                });
                return;
              }
            } else {
              const doc = w.document.querySelector('.mg-doc');
              seen = `(last seen: ${doc ? blocksOf(doc).length : 'no'} blocks in the view of ${layout.blockCount} expected)`;
            }
            w.requestAnimationFrame(poll);
          };
          w.requestAnimationFrame(poll);
        };
        w.document.addEventListener('click', onClick, true);
      }, () => seen);
    },
    openResult: () => open ?? Promise.reject(new Error('armOpen first')),

    codeRowIds: () => Array.from(w.document.querySelector('[role="tree"][aria-label="Codes"]')?.querySelectorAll('[role="treeitem"]') ?? []).map((r) => Number(r.dataset['codeId'])),
    selectedCodeId: () => {
      const row = w.document.querySelector('[role="tree"][aria-label="Codes"] [role="treeitem"][aria-selected="true"]');
      return row ? Number(row.dataset['codeId']) : null;
    },
    select: (from, to) => {
      const editor = editorOf();
      // ProseMirror scrolls to the selection only when it holds the DOM selection, that is, when focused.
      editor.view.focus();
      const done = editor.chain().setTextSelection({ from, to }).scrollIntoView().run();
      centre(editor, from);
      return done;
    },

    armChange: async (kind, codingId, phaseMs) => {
      const doc = docEl();
      const key = kind === 'apply' ? 'Enter' : 'Delete';
      const method = kind === 'apply' ? 'codings.apply' : 'codings.remove';
      change = withTimeout<ChangeTiming>(`${kind} a coding`, (resolve) => {
        let t0: number | null = null;
        let firstCall = 0;
        let done = false;
        // An applied coding shows first under a provisional id below zero (drawn ahead of the
        // answer), then under the API's id. Looked up by selector, not by listing every mark:
        // at 100,000 codings a screen holds ten thousand, and the probe must not slow the page.
        let first: { dom: number; painted: Promise<number> } | null = null;
        const onKey = (e: PageEvent) => {
          if (e.key !== key) return;
          w.document.removeEventListener('keydown', onKey, true);
          t0 = e.timeStamp;
          firstCall = calls.length;
        };
        w.document.addEventListener('keydown', onKey, true);
        // Checked on every DOM change after the key. ProseMirror may reuse a <mark> and only
        // change its attributes, hence the attribute filter.
        const observer = new w.MutationObserver(() => {
          if (t0 === null || done) return;
          const start = t0;
          const tDom = now();
          if (kind === 'apply' && first === null && doc.querySelector('mark[data-coding-ids*="-"]') !== null) {
            first = { dom: tDom, painted: afterPaint() };
          }
          const api = callSince(firstCall, method);
          const id = kind === 'apply' ? (api?.codingId ?? null) : codingId;
          if (id === null) return;
          const present = doc.querySelector(`mark[data-coding-ids~="${id}"]`) !== null;
          if (present !== (kind === 'apply')) return;
          done = true;
          observer.disconnect();
          const shown = first ?? { dom: tDom, painted: afterPaint() };
          void shown.painted.then((painted) =>
            resolve({
              codingId: id,
              shownMs: painted - start,
              domMs: shown.dom - start,
              confirmedMs: tDom - start,
              apiStartMs: api ? api.start - start : null,
              apiEndMs: api && !Number.isNaN(api.end) ? api.end - start : null,
            }),
          );
        });
        observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-coding-ids'] });
      });
      await frame();
      await new Promise<void>((resolve) => w.setTimeout(() => resolve(), phaseMs));
    },
    changeResult: () => change ?? Promise.reject(new Error('armChange first')),

    clickStripe: async (codingId, from) => {
      // Off-screen text may be neither laid out (content-visibility) nor highlighted (a view may
      // draw only near the screen): put the caret there and let the editor scroll, again if the
      // first scroll lands short. Clicked in the same task as it is found, before a
      // scroll-driven redraw of the margin can replace it.
      for (let attempt = 0; attempt < 120; attempt++) {
        if (attempt % 10 === 0) {
          const editor = editorOf();
          editor.view.focus();
          editor.chain().setTextSelection(from).scrollIntoView().run();
          centre(editor, from);
        }
        await frame();
        const stripe = w.document.querySelector(`.mg-stripe[data-coding-id="${codingId}"]`);
        if (stripe) {
          stripe.click();
          return true;
        }
      }
      return false;
    },
    screenState: (layout) => {
      const state = screenState(layout);
      return state && { expected: state.expected, missing: state.missing, stripes: state.stripes, complete: state.complete };
    },
    afterPaint,
    idle: async () => {
      for (let quiet = 0; quiet < 3; ) {
        await frame();
        quiet = pending === 0 ? quiet + 1 : 0;
      }
    },

  };
  // installScrollProbe puts the real one in place.
  w.__mgBench = { ...probe, scroll: () => Promise.reject(new Error('the scroll probe is not installed')) };
}

/**
 * The init script: the probes' own source, plus a stand-in for esbuild's `__name` helper,
 * which tsx (keepNames) wraps around named inner functions and which does not exist in the page.
 */
export const PROBE_SCRIPT = [
  'globalThis.__name = globalThis.__name || ((f) => f);',
  `(${installProbe.toString()})();`,
  `(${installScrollProbe.toString()})();`,
].join('\n');
