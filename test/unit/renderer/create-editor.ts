import { Editor } from '@tiptap/core';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { SourceDetail } from '../../../shared/domain/types.ts';
import { buildDocument, type BuiltDocument } from '../../../renderer/src/editor/build-doc.ts';
import { CodingDecorations } from '../../../renderer/src/editor/codings-plugin.ts';
import { ReadOnlyText } from '../../../renderer/src/editor/read-only.ts';
import { documentNodes } from '../../../renderer/src/editor/schema.ts';

export type TestEditor = { state: () => EditorState; dispatch: (tr: Transaction) => void; built: BuiltDocument };

/**
 * The coding view's editor without a DOM: tiptap builds the schema and the plugins, the
 * state runs them. The one way editor tests build it.
 */
export function createEditor(source: Pick<SourceDetail, 'text' | 'units'>, labels: Record<number, string> = {}): TestEditor {
  const built = buildDocument(source, (id) => labels[id]);
  const editor = new Editor({
    element: null,
    extensions: [...documentNodes(), ReadOnlyText, CodingDecorations],
    content: built.content,
    injectCSS: false,
    enableCoreExtensions: false,
  });
  let state = EditorState.create({ doc: editor.state.doc, plugins: editor.extensionManager.plugins });
  editor.destroy();
  return {
    state: () => state,
    // What a view does with a transaction: ask every filter, then apply.
    dispatch: (tr) => {
      state = state.applyTransaction(tr).state;
    },
    built,
  };
}
