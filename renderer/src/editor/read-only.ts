import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

/**
 * Keeps the source text as it is while leaving the view "editable" for the browser. An
 * editable view gives a caret, Shift+arrow selection and focus, which a keyboard-first coder
 * needs; every path that would change the text is refused here instead.
 */
export const loadKey = new PluginKey('marginalia-load');

/** Marks a transaction that may replace the document (loading another source). */
export const allowDocChange = (tr: Transaction): Transaction => tr.setMeta(loadKey, true);

const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete']);

export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: loadKey,
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta(loadKey) === true,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleKeyDown: (_view, event) => EDITING_KEYS.has(event.key),
          handleKeyPress: () => true,
          handleDOMEvents: {
            // Typing, deleting, IME and spelling fixes all arrive as beforeinput: refuse them.
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              event.preventDefault();
              return true;
            },
            dragover: (_view, event) => {
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
              return true;
            },
          },
        },
      }),
    ];
  },
});
