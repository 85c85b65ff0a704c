import { useRef } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';

export type MemoEditorProps = {
  initialHtml: string;
  onChange: (html: string) => void;
  /** Ctrl+Enter (or Cmd+Enter) in the text: save. */
  onSubmit: () => void;
  label: string;
};

/** Rich text for memos (StarterKit): paragraphs, headings, lists, bold, italic, quotes. */
export function MemoEditor({ initialHtml, onChange, onSubmit, label }: MemoEditorProps) {
  // The editor keeps the callbacks it was made with; these refs hand it the latest ones.
  const latest = useRef({ onChange, onSubmit });
  latest.current = { onChange, onSubmit };
  const editor = useEditor({
    extensions: [StarterKit.configure({ codeBlock: false, horizontalRule: false, link: false })],
    content: initialHtml || '<p></p>',
    injectCSS: false,
    editorProps: {
      attributes: { class: 'memo-editor-text', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          latest.current.onSubmit();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => latest.current.onChange(e.isEmpty ? '' : e.getHTML()),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      heading: e.isActive('heading', { level: 3 }),
    }),
  });
  const button = (key: keyof typeof active, text: string, title: string, run: () => void) => (
    <button type="button" className={`memo-tool${active[key] ? ' on' : ''}`} aria-pressed={active[key]} title={title} onClick={run}>
      {text}
    </button>
  );
  return (
    <div className="memo-editor">
      <div className="memo-toolbar" role="toolbar" aria-label="Memo formatting">
        {button('bold', 'B', 'Bold (Ctrl+B)', () => editor.chain().focus().toggleBold().run())}
        {button('italic', 'I', 'Italic (Ctrl+I)', () => editor.chain().focus().toggleItalic().run())}
        {button('heading', 'H', 'Heading', () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
        {button('bullet', '•', 'Bulleted list', () => editor.chain().focus().toggleBulletList().run())}
        {button('ordered', '1.', 'Numbered list', () => editor.chain().focus().toggleOrderedList().run())}
        {button('quote', '❝', 'Quote', () => editor.chain().focus().toggleBlockquote().run())}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
