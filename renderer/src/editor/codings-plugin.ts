import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { firstReaching } from './coding-model.ts';
import { stretchClasses } from './highlight-looks.ts';
import { stretchesIn } from './stretches.ts';
import { unionSpans } from '../../../shared/domain/team/coverage.ts';

/**
 * Codings drawn as inline decorations kept in plugin state.
 *
 * Three things keep a 200-page transcript with 10,000 codings fluid, and 100,000 too:
 * - only codings inside a window around what is on screen are decorated (the window moves
 *   with the scroll, see use-decoration-window.ts), so ProseMirror draws hundreds of
 *   highlights, not tens of thousands;
 * - the text is drawn in stretches (stretches.ts): one `<mark>` per stretch of words under the
 *   same codings, with the looks of all of them, not one nested `<mark>` per coding — under
 *   dense coding the nested chains were most of the page's elements;
 * - a new list of codings is diffed against what is drawn by coding: only the text of codings
 *   whose look or place changed is cut into stretches again, so applying one code redraws the
 *   words under it and nothing else.
 */

/**
 * What the view needs to draw one coding; `from`/`to` are document positions. The coding
 * model's placed codings are drawn as they are (no copy per coding per change): the selected
 * one is named by id beside them, `selected` marks one by itself (tests).
 */
export type CodingDraw = { id: number; from: number; to: number; color: string; lane: number; memo: boolean; selected?: boolean };

export type DocWindow = { from: number; to: number };

/** A coding drawn in the window: what it looked like, to tell whether its words need drawing again. */
type Entry = { key: string; from: number; to: number };
type State = {
  /** Every coding, ordered by `from`. */
  draws: readonly CodingDraw[];
  selectedId: number | null;
  maxLength: number;
  window: DocWindow;
  set: DecorationSet;
  entries: Map<number, Entry>;
};
type Meta = { draws?: readonly CodingDraw[]; maxLength?: number; selectedId?: number | null; window?: DocWindow };

/** The spec of a stretch's decoration: the codings over it, innermost first. */
export type StretchSpec = { codingIds: readonly number[]; cls: string; from: number; to: number };

export const codingsKey = new PluginKey<State>('marginalia-codings');

/** Before the first measurement: about four screens of text, more than any first screen shows. */
const INITIAL_WINDOW: DocWindow = { from: 0, to: 8_000 };

const isSelected = (c: CodingDraw, selectedId: number | null) => c.selected === true || c.id === selectedId;
const keyOf = (c: CodingDraw, selectedId: number | null) => `${c.from}:${c.to}:${c.color}:${c.lane}:${isSelected(c, selectedId) ? 1 : 0}`;

const overlaps = (c: { from: number; to: number }, w: DocWindow) => c.from < w.to && c.to > w.from;

/** Calls `fn` for each draw overlapping the window, found by binary search on `from` (bounded by the longest coding). */
function forEachInWindow(draws: readonly CodingDraw[], maxLength: number, w: DocWindow, fn: (c: CodingDraw) => void): void {
  for (let i = firstReaching(draws, w.from, maxLength); i < draws.length && draws[i]!.from < w.to; i++) if (overlaps(draws[i]!, w)) fn(draws[i]!);
}

/** Tells a stretch drawn before from one to draw: same place, same look, same codings. */
const stretchKey = (from: number, to: number, cls: string, ids: readonly number[]) => `${from}:${to}:${cls}:${ids.join(' ')}`;

/** Ranges sorted and joined where they overlap or touch. */
const joined = (ranges: readonly DocWindow[]): DocWindow[] => unionSpans(ranges.map((r) => ({ start: r.from, end: r.to }))).map((s) => ({ from: s.start, to: s.end }));

/**
 * Draws the stretches of `dirty` (within the window) again: the stretches drawn there now,
 * widened to the whole of those that reach into it, are replaced by the stretches the codings
 * give; a stretch drawn the same as before is kept (ProseMirror then leaves its element alone).
 */
function redraw(set: DecorationSet, doc: Transaction['doc'], dirty: DocWindow[], draws: readonly CodingDraw[], maxLength: number, selectedId: number | null, w: DocWindow): DecorationSet {
  const spans: DocWindow[] = [];
  for (const r of dirty) {
    const from = Math.max(r.from, w.from);
    const to = Math.min(r.to, w.to);
    if (from < to) spans.push({ from, to });
  }
  if (spans.length === 0) return set;
  // Stretches that reach into a span are drawn again whole: widen the spans to them. (A
  // decoration over several blocks is stored in pieces; its spec has the whole stretch.)
  const piecesIn = (r: DocWindow): Map<StretchSpec, Decoration[]> => {
    const pieces = new Map<StretchSpec, Decoration[]>();
    for (const d of set.find(r.from, r.to)) {
      const spec = d.spec as StretchSpec;
      const list = pieces.get(spec);
      if (list) list.push(d);
      else pieces.set(spec, [d]);
    }
    return pieces;
  };
  const widened = joined(
    spans.map((s) => {
      let { from, to } = s;
      for (const spec of piecesIn(s).keys()) {
        from = Math.min(from, spec.from);
        to = Math.max(to, spec.to);
      }
      return { from, to };
    }),
  );
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  for (const span of widened) {
    // What is drawn in the span now, by how it is drawn; what the codings give and is drawn so already stays.
    const old = new Map<string, Decoration[]>();
    for (const [spec, pieces] of piecesIn(span)) if (spec.from < span.to && spec.to > span.from) old.set(stretchKey(spec.from, spec.to, spec.cls, spec.codingIds), pieces);
    const over: CodingDraw[] = [];
    forEachInWindow(draws, maxLength, span, (c) => over.push(c));
    const sel = over.find((c) => c.selected === true)?.id ?? selectedId;
    for (const s of stretchesIn(over, span.from, span.to, sel)) {
      const cls = stretchClasses(s.look);
      if (old.delete(stretchKey(s.from, s.to, cls, s.ids))) continue;
      added.push(
        Decoration.inline(
          s.from,
          s.to,
          // <mark>: screen readers announce highlighted text; one element per stretch.
          { nodeName: 'mark', class: cls, 'data-coding-ids': s.ids.join(' ') },
          { codingIds: s.ids, cls, from: s.from, to: s.to } satisfies StretchSpec,
        ),
      );
    }
    for (const pieces of old.values()) removed.push(...pieces);
  }
  let next = set;
  if (removed.length > 0) next = next.remove(removed);
  if (added.length > 0) next = next.add(doc, added);
  return next;
}

function update(state: State, tr: Transaction, meta: Meta): State {
  const draws = meta.draws ?? state.draws;
  const maxLength = meta.maxLength ?? state.maxLength;
  const selectedId = meta.selectedId !== undefined ? meta.selectedId : state.selectedId;
  const window = meta.window ?? state.window;
  const dirty: DocWindow[] = [];
  let set = state.set;
  const moved = window.from !== state.window.from || window.to !== state.window.to;
  if (moved) {
    // Stretches wholly outside the new window go; the text that came into it is drawn.
    const outside = (spec: StretchSpec) => spec.to <= window.from || spec.from >= window.to;
    const gone = [...set.find(0, window.from, outside), ...set.find(window.to, tr.doc.content.size, outside)];
    if (gone.length > 0) set = set.remove(gone);
    if (window.from < state.window.from) dirty.push({ from: window.from, to: Math.min(state.window.from, window.to) });
    if (window.to > state.window.to) dirty.push({ from: Math.max(state.window.to, window.from), to: window.to });
    if (window.to <= state.window.from || window.from >= state.window.to) dirty.push({ ...window });
  }
  let next: Map<number, Entry>;
  if (draws === state.draws && selectedId === state.selectedId) {
    // Only the window moved: only codings entering or leaving it are looked at (no key to
    // build for the hundreds that stay). The map is updated in place, not copied, as it moves
    // every frame of a scroll: only the newest state of this read-only view is ever read again.
    const entries = state.entries;
    entries.forEach((old, id) => {
      if (!overlaps(old, window)) entries.delete(id);
    });
    forEachInWindow(draws, maxLength, window, (c) => {
      if (!entries.has(c.id)) entries.set(c.id, { key: keyOf(c, selectedId), from: c.from, to: c.to });
    });
    next = entries;
  } else {
    const entries = new Map<number, Entry>();
    forEachInWindow(draws, maxLength, window, (c) => {
      const key = keyOf(c, selectedId);
      const old = state.entries.get(c.id);
      entries.set(c.id, old && old.key === key ? old : { key, from: c.from, to: c.to });
      if (old && old.key === key) return;
      if (old) dirty.push({ from: old.from, to: old.to });
      dirty.push({ from: c.from, to: c.to });
    });
    state.entries.forEach((old, id) => {
      if (!entries.has(id)) dirty.push({ from: old.from, to: old.to });
    });
    next = entries;
  }
  if (dirty.length > 0) set = redraw(set, tr.doc, dirty, draws, maxLength, selectedId, window);
  return { draws, maxLength, selectedId, window, set, entries: next };
}

/**
 * Sends the codings to draw (ordered by `from`) and which one is selected; the plugin works
 * out the difference within the window, so its cost does not grow with the number of codings.
 */
export const setCodingsMeta = (tr: Transaction, draws: readonly CodingDraw[], maxLength: number, selectedId: number | null = null): Transaction =>
  tr.setMeta(codingsKey, { draws, maxLength, selectedId } satisfies Meta);

/** Moves the window of decorated text (document positions). */
export const setWindowMeta = (tr: Transaction, window: DocWindow): Transaction => tr.setMeta(codingsKey, { window } satisfies Meta);

export const windowOf = (state: EditorState): DocWindow => codingsKey.getState(state)?.window ?? INITIAL_WINDOW;

const focusKey = new PluginKey<boolean>('marginalia-focus');

/**
 * The text selection stays visible while focus is in the codebook or a dialog, so the
 * researcher sees what a code will apply to. Drawn only without focus: changing the DOM
 * under a live mouse selection would disturb it.
 */
const selectionDecorations = (state: EditorState): DecorationSet =>
  focusKey.getState(state) || state.selection.empty
    ? DecorationSet.empty
    : DecorationSet.create(state.doc, [Decoration.inline(state.selection.from, state.selection.to, { class: 'mg-pending-selection' })]);

const focusPlugin = () =>
  new Plugin<boolean>({
    key: focusKey,
    state: { init: () => false, apply: (tr, focused) => (tr.getMeta(focusKey) as boolean | undefined) ?? focused },
    props: {
      decorations: selectionDecorations,
      handleDOMEvents: {
        focus: (view) => { view.dispatch(view.state.tr.setMeta(focusKey, true)); return false; },
        blur: (view) => { view.dispatch(view.state.tr.setMeta(focusKey, false)); return false; },
      },
    },
  });

export const CodingDecorations = Extension.create({
  name: 'codingDecorations',
  addProseMirrorPlugins() {
    return [
      new Plugin<State>({
        key: codingsKey,
        state: {
          init: () => ({ draws: [], maxLength: 0, selectedId: null, window: INITIAL_WINDOW, set: DecorationSet.empty, entries: new Map() }),
          apply(tr, value) {
            const meta = tr.getMeta(codingsKey) as Meta | undefined;
            // The document never changes (the view is read-only), so mapping is only for safety.
            const mapped = tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value;
            return meta ? update(mapped, tr, meta) : mapped;
          },
        },
        props: { decorations: (state) => codingsKey.getState(state)?.set ?? DecorationSet.empty },
      }),
      // A plugin of its own: ProseMirror draws the decorations of all plugins together.
      focusPlugin(),
    ];
  },
});
