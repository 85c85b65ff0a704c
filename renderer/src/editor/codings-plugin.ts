import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { firstReaching } from './coding-model.ts';
import { highlightLook } from './highlight-looks.ts';

/**
 * Codings drawn as inline decorations kept in plugin state.
 *
 * Two things keep a 200-page transcript with 10,000 codings fluid:
 * - only codings inside a window around what is on screen are decorated (the window moves
 *   with the scroll, see use-decoration-window.ts), so ProseMirror draws tens of highlights,
 *   not thousands;
 * - a new list of codings is diffed against what is drawn: only codings whose look or place
 *   changed are removed and re-added, so applying one code touches one decoration.
 */

/**
 * What the view needs to draw one coding; `from`/`to` are document positions. The coding
 * model's placed codings are drawn as they are (no copy per coding per change): the selected
 * one is named by id beside them, `selected` marks one by itself (tests).
 */
export type CodingDraw = { id: number; from: number; to: number; color: string; lane: number; memo: boolean; selected?: boolean };

export type DocWindow = { from: number; to: number };

type Entry = { key: string; decos: Decoration[]; from: number; to: number };
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

export const codingsKey = new PluginKey<State>('marginalia-codings');

/** Before the first measurement: about four screens of text, more than any first screen shows. */
const INITIAL_WINDOW: DocWindow = { from: 0, to: 8_000 };

const isSelected = (c: CodingDraw, selectedId: number | null) => c.selected === true || c.id === selectedId;
const keyOf = (c: CodingDraw, selectedId: number | null) => `${c.from}:${c.to}:${c.color}:${c.lane}:${isSelected(c, selectedId) ? 1 : 0}:${c.memo ? 1 : 0}`;

function decorationsOf(c: CodingDraw, selectedId: number | null): Decoration[] {
  const selected = isSelected(c, selectedId);
  const look = highlightLook(c.color, c.lane, selected);
  return [
    Decoration.inline(
      c.from,
      c.to,
      // <mark>: screen readers announce highlighted text; one element per coding and stretch.
      { nodeName: 'mark', class: `coded mg-coding ${look}${selected ? ' mg-selected' : ''}`, 'data-coding-id': String(c.id) },
      { codingId: c.id },
    ),
  ];
}

const overlaps = (c: { from: number; to: number }, w: DocWindow) => c.from < w.to && c.to > w.from;

/** Calls `fn` for each draw overlapping the window, found by binary search on `from` (bounded by the longest coding). */
function forEachInWindow(draws: readonly CodingDraw[], maxLength: number, w: DocWindow, fn: (c: CodingDraw) => void): void {
  for (let i = firstReaching(draws, w.from, maxLength); i < draws.length && draws[i]!.from < w.to; i++) if (overlaps(draws[i]!, w)) fn(draws[i]!);
}

function update(state: State, tr: Transaction, meta: Meta): State {
  const draws = meta.draws ?? state.draws;
  const maxLength = meta.maxLength ?? state.maxLength;
  const selectedId = meta.selectedId !== undefined ? meta.selectedId : state.selectedId;
  const window = meta.window ?? state.window;
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  let next: Map<number, Entry>;
  if (draws === state.draws && selectedId === state.selectedId) {
    // Only the window moved: what stays in it is drawn already, so only codings entering or
    // leaving it are looked at (no key to build for the hundreds that stay). The map is updated
    // in place, not copied, as it moves every frame of a scroll: only the newest state of this
    // read-only view is ever read again.
    const entries = state.entries;
    // forEach, not for…of over entries: no [key, value] pair allocated per coding per frame.
    entries.forEach((old, id) => {
      if (overlaps(old, window)) return;
      removed.push(...old.decos);
      entries.delete(id);
    });
    forEachInWindow(draws, maxLength, window, (c) => {
      if (overlaps(c, state.window)) return;
      const decos = decorationsOf(c, selectedId);
      added.push(...decos);
      entries.set(c.id, { key: keyOf(c, selectedId), decos, from: c.from, to: c.to });
    });
    next = entries;
  } else {
    const entries = new Map<number, Entry>();
    forEachInWindow(draws, maxLength, window, (c) => {
      const key = keyOf(c, selectedId);
      const old = state.entries.get(c.id);
      if (old && old.key === key) {
        entries.set(c.id, old);
        return;
      }
      if (old) removed.push(...old.decos);
      const decos = decorationsOf(c, selectedId);
      added.push(...decos);
      entries.set(c.id, { key, decos, from: c.from, to: c.to });
    });
    state.entries.forEach((old, id) => {
      if (!entries.has(id)) removed.push(...old.decos);
    });
    next = entries;
  }
  let set = state.set;
  if (removed.length > 0) set = set.remove(removed);
  if (added.length > 0) set = set.add(tr.doc, added);
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
