import { useEffect, type RefObject } from 'react';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type { DocTextBlock } from '../../../shared/domain/doc-blocks.ts';
import type { BuiltDocument } from './build-doc.ts';
import type { CodingModel } from './coding-model.ts';

export type Range = { start: number; end: number };

/** What the workbench can ask of the open document. Offsets are UTF-16 units in the source. */
export type DocumentHandle = {
  focus: () => void;
  selection: () => Range | null;
  selectRange: (range: Range) => void;
  placeCaret: (offset: number) => void;
  /** The unit (turn, answer, paragraph) at the caret or the start of the selection. */
  blockAtCaret: () => DocTextBlock | null;
  /** The coding after (1) or before (-1) the caret, in reading order. */
  neighbourCoding: (direction: 1 | -1, fromCodingId: number | null) => number | null;
  /** Codings covering the caret, innermost (shortest) first. */
  codingsAtCaret: () => number[];
  scrollToCoding: (id: number) => void;
};

/** Fills the workbench's handle on the open document; offsets in, offsets out. */
export function useDocumentHandle(
  ref: RefObject<DocumentHandle | null>,
  state: { editor: Editor; built: BuiltDocument } | null,
  model: CodingModel | null,
  scrollEl: HTMLElement | null,
) {
  useEffect(() => {
    if (!state || !model) {
      ref.current = null;
      return;
    }
    const { editor, built } = state;
    const map = built.map;
    const caretPos = () => editor.state.selection.from;
    const handle: DocumentHandle = {
      focus: () => editor.view.focus(),
      selection: () => {
        const sel = editor.state.selection;
        if (sel.empty) return null;
        const start = map.toOffset(sel.from, 'start');
        const end = map.toOffset(sel.to, 'end');
        return end > start ? { start, end } : null;
      },
      selectRange: ({ start, end }) => {
        const range = map.toRange(start, end);
        if (!range) return;
        const { view } = editor;
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
        view.focus();
      },
      placeCaret: (offset) => {
        const { view } = editor;
        const pos = map.toPos(offset, 'start');
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
      },
      blockAtCaret: () => {
        const index = map.blockIndexAt(map.toOffset(caretPos(), 'start'));
        const block = index === null ? undefined : built.blocks[index];
        return block && block.type === 'text' ? block : null;
      },
      neighbourCoding: (direction, fromId) => {
        const list = model.placed;
        if (list.length === 0) return null;
        const current = fromId === null ? -1 : list.findIndex((p) => p.coding.id === fromId);
        if (current >= 0) return list[(current + direction + list.length) % list.length]!.coding.id;
        const pos = caretPos();
        const next = direction > 0 ? list.find((p) => p.from >= pos) : [...list].reverse().find((p) => p.from < pos);
        return (next ?? (direction > 0 ? list[0] : list[list.length - 1]))!.coding.id;
      },
      codingsAtCaret: () => {
        const pos = caretPos();
        return model.placed.filter((p) => p.from <= pos && p.to >= pos).sort((a, b) => a.to - a.from - (b.to - b.from)).map((p) => p.coding.id);
      },
      scrollToCoding: (id) => {
        const p = model.byId.get(id);
        if (!p || !scrollEl) return;
        // Where the coding begins, not where its turn does: a turn can run for screens. Measuring
        // it lays out its chunk if content-visibility had skipped it.
        const box = scrollEl.getBoundingClientRect();
        const at = editor.view.coordsAtPos(p.from, 1);
        if (at.top >= box.top + 30 && at.bottom <= box.bottom - 60) return;
        // A third of the way down, where a reader looks.
        scrollEl.scrollTop += at.top - (box.top + (box.bottom - box.top) / 3);
      },
    };
    ref.current = handle;
  }, [ref, state, model, scrollEl]);
}
