import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { withAlpha } from '../../../shared/domain/palette.ts';

/**
 * Codings drawn as inline decorations kept in plugin state. A new list of codings arrives as
 * transaction meta; only the codings whose look or place changed are removed and re-added,
 * so applying one code to a 200-page transcript touches one decoration, not ten thousand.
 */

/** What the view needs to draw one coding; `from`/`to` are document positions. */
export type CodingDraw = { id: number; from: number; to: number; color: string; lane: number; selected: boolean; memo: boolean };

type Entry = { key: string; decos: Decoration[] };
type State = { set: DecorationSet; entries: Map<number, Entry> };

export const codingsKey = new PluginKey<State>('marginalia-codings');

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

function update(state: State, tr: Transaction, draws: CodingDraw[]): State {
  const next = new Map<number, Entry>();
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  for (const c of draws) {
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
  return { set, entries: next };
}

/** Sends the codings to draw; call with the full list, the plugin works out the difference. */
export const setCodingsMeta = (tr: Transaction, draws: CodingDraw[]): Transaction => tr.setMeta(codingsKey, draws);

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
          init: () => ({ set: DecorationSet.empty, entries: new Map() }),
          apply(tr, value) {
            const draws = tr.getMeta(codingsKey) as CodingDraw[] | undefined;
            // The document never changes (the view is read-only), so mapping is only for safety.
            const mapped = tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value;
            return draws ? update(mapped, tr, draws) : mapped;
          },
        },
        props: { decorations: (state) => codingsKey.getState(state)?.set ?? DecorationSet.empty },
      }),
      // A plugin of its own: ProseMirror draws the decorations of all plugins together.
      focusPlugin(),
    ];
  },
});
