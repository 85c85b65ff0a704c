import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { withAlpha } from '../../../shared/domain/palette.ts';

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

/** What the view needs to draw one coding; `from`/`to` are document positions. */
export type CodingDraw = { id: number; from: number; to: number; color: string; lane: number; selected: boolean; memo: boolean };

export type DocWindow = { from: number; to: number };

type Entry = { key: string; decos: Decoration[] };
type State = {
  /** Every coding, ordered by `from`. */
  draws: CodingDraw[];
  maxLength: number;
  window: DocWindow;
  set: DecorationSet;
  entries: Map<number, Entry>;
};
type Meta = { draws?: CodingDraw[]; maxLength?: number; window?: DocWindow };

export const codingsKey = new PluginKey<State>('marginalia-codings');

/** Before the first measurement: enough positions for the first screens of any document. */
const INITIAL_WINDOW: DocWindow = { from: 0, to: 30_000 };

/** Underlines sit at distinct depths for the first lanes; deeper lanes share the last depth. */
const UNDERLINE_LANES = 4;

const keyOf = (c: CodingDraw) => `${c.from}:${c.to}:${c.color}:${c.lane}:${c.selected ? 1 : 0}:${c.memo ? 1 : 0}`;

function decorationsOf(c: CodingDraw): Decoration[] {
  const lane = Math.min(c.lane, UNDERLINE_LANES - 1);
  const style =
    `background-color:${withAlpha(c.color, c.selected ? 0.34 : 0.15)};` +
    `text-decoration-color:${c.color};text-underline-offset:${3 + lane * 3}px`;
  return [
    Decoration.inline(
      c.from,
      c.to,
      // <mark>: screen readers announce highlighted text; one element per coding and stretch.
      { nodeName: 'mark', class: `coded mg-coding${c.selected ? ' mg-selected' : ''}`, style, 'data-coding-id': String(c.id) },
      { codingId: c.id },
    ),
  ];
}

/** The draws overlapping the window, by binary search on `from` (bounded by the longest coding). */
function inWindow(draws: readonly CodingDraw[], maxLength: number, w: DocWindow): CodingDraw[] {
  let lo = 0;
  let hi = draws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (draws[mid]!.from < w.from - maxLength) lo = mid + 1;
    else hi = mid;
  }
  const out: CodingDraw[] = [];
  for (let i = lo; i < draws.length && draws[i]!.from < w.to; i++) if (draws[i]!.to > w.from) out.push(draws[i]!);
  return out;
}

function update(state: State, tr: Transaction, meta: Meta): State {
  const draws = meta.draws ?? state.draws;
  const maxLength = meta.maxLength ?? state.maxLength;
  const window = meta.window ?? state.window;
  const next = new Map<number, Entry>();
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  for (const c of inWindow(draws, maxLength, window)) {
    const key = keyOf(c);
    const old = state.entries.get(c.id);
    if (old && old.key === key) {
      next.set(c.id, old);
      continue;
    }
    if (old) removed.push(...old.decos);
    const decos = decorationsOf(c);
    added.push(...decos);
    next.set(c.id, { key, decos });
  }
  for (const [id, old] of state.entries) if (!next.has(id)) removed.push(...old.decos);
  let set = state.set;
  if (removed.length > 0) set = set.remove(removed);
  if (added.length > 0) set = set.add(tr.doc, added);
  return { draws, maxLength, window, set, entries: next };
}

/** Sends the codings to draw (ordered by `from`); the plugin works out the difference. */
export const setCodingsMeta = (tr: Transaction, draws: CodingDraw[], maxLength: number): Transaction =>
  tr.setMeta(codingsKey, { draws, maxLength } satisfies Meta);

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
          init: () => ({ draws: [], maxLength: 0, window: INITIAL_WINDOW, set: DecorationSet.empty, entries: new Map() }),
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
