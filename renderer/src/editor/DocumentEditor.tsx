import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Editor } from '@tiptap/react';
import type { Code, Coding, SourceDetail } from '../../../shared/domain/types.ts';
import { buildDocument, type BuiltDocument } from './build-doc.ts';

export type { DocumentHandle, Range } from './use-document-handle.ts';
import { patchModel, placeCodings, type CodingModel, type CodingsChange, type PlacedCoding } from './coding-model.ts';
import { CodingDecorations, setCodingsMeta } from './codings-plugin.ts';
import { CodingTooltip } from './CodingTooltip.tsx';
import { FrameLoop } from './frame-loop.ts';
import { hideEditableFromReact } from './react-selection-guard.ts';
import { encodePassage, PASSAGE_MIME } from './passage-drag.ts';
import { ReadOnlyText } from './read-only.ts';
import { documentNodes } from './schema.ts';
import { StripeLayer } from './StripeLayer.tsx';
import { useDocumentHandle, type DocumentHandle, type Range } from './use-document-handle.ts';
import { useDecorationWindow } from './use-decoration-window.ts';
import './editor.css';

export type DocumentEditorProps = {
  source: SourceDetail;
  participantLabel: (id: number) => string | undefined;
  codings: Coding[];
  /**
   * How `codings` differs from the list before it, when a single action changed it (the
   * workbench's store says so); the view then places only what changed. Absent or not
   * following on from the last list: everything is placed anew.
   */
  change?: { from: readonly Coding[]; change: CodingsChange } | null;
  codes: ReadonlyMap<number, Code>;
  /** Coders' colours for the margin when the view tells coders apart; null when one coder is shown. */
  coderColors?: ReadonlyMap<number, string> | null;
  selectedCodingId: number | null;
  handleRef: RefObject<DocumentHandle | null>;
  onSelectionChange: (range: Range | null) => void;
  onSelectCoding: (id: number | null) => void;
  /** Keys pressed in the document; return true when handled. */
  onKeyDown: (event: KeyboardEvent) => boolean;
  loadMemo: (codingId: number) => Promise<string | null>;
};

type Hover = { ids: number[]; at: { x: number; y: number } };

/**
 * The source as a read-only tiptap document with codings as decorations and coding stripes
 * in the margin. The editor is made once per source; codings reach it as plugin meta.
 */
export function DocumentEditor(props: DocumentEditorProps) {
  const { source, codings, codes, selectedCodingId } = props;
  const host = useRef<HTMLDivElement>(null);
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const [editor, setEditor] = useState<{ editor: Editor; built: BuiltDocument } | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const hoverTimer = useRef(0);
  // Callbacks change every render; the editor reads them through this ref.
  const cb = useRef(props);
  cb.current = props;

  useLayoutEffect(() => {
    if (!host.current) return;
    const built = buildDocument(source, (id) => cb.current.participantLabel(id));
    const toRange = (ed: Editor): Range | null => {
      const sel = ed.state.selection;
      if (sel.empty) return null;
      const start = built.map.toOffset(sel.from, 'start');
      const end = built.map.toOffset(sel.to, 'end');
      return end > start ? { start, end } : null;
    };
    const ed = new Editor({
      element: host.current,
      extensions: [...documentNodes(), ReadOnlyText, CodingDecorations],
      content: built.content,
      injectCSS: false,
      enableInputRules: false,
      enablePasteRules: false,
      enableCoreExtensions: { keymap: false, paste: false, drop: false, delete: false },
      editorProps: {
        attributes: {
          class: 'mg-doc',
          role: 'textbox',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          'aria-label': `Text of ${source.name}`,
          spellcheck: 'false',
          translate: 'no',
        },
        handleKeyDown: (_view, event) => {
          const handled = cb.current.onKeyDown(event);
          // A key the document handled (Ctrl+I: in vivo) must not also trigger an app-wide shortcut.
          if (handled) event.stopPropagation();
          return handled;
        },
        handleDOMEvents: {
          dragstart: (view, event) => {
            const range = toRange(ed);
            if (!range || !event.dataTransfer) return false;
            event.dataTransfer.clearData();
            event.dataTransfer.setData(PASSAGE_MIME, encodePassage({ sourceId: source.id, ...range }));
            event.dataTransfer.setData('text/plain', source.text.slice(range.start, range.end));
            event.dataTransfer.effectAllowed = 'copy';
            return true;
          },
        },
      },
      onSelectionUpdate: ({ editor: e }) => cb.current.onSelectionChange(toRange(e as Editor)),
    });
    hideEditableFromReact(ed.view.dom);
    setEditor({ editor: ed, built });
    return () => {
      setEditor(null);
      ed.destroy();
    };
    // A new editor only for another source or changed text; participants come through the ref.
  }, [source.id, source.contentHash]);

  const coderColors = props.coderColors ?? null;
  const change = props.change ?? null;
  // The model of the last list, and what it was made from: one coding action patches it.
  const last = useRef<{ codings: readonly Coding[]; codes: ReadonlyMap<number, Code>; colors: ReadonlyMap<number, string> | null; built: BuiltDocument; model: CodingModel } | null>(null);
  const model = useMemo(() => {
    if (!editor) return null;
    const prev = last.current;
    const follows = prev && change && change.from === prev.codings && prev.codes === codes && prev.colors === coderColors && prev.built === editor.built;
    const next = follows ? patchModel(prev.model, change.change, codes, editor.built.map, coderColors) : placeCodings(codings, codes, editor.built.map, coderColors);
    last.current = { codings, codes, colors: coderColors, built: editor.built, model: next };
    return next;
  }, [editor, codings, change, codes, coderColors]);

  useLayoutEffect(() => {
    if (!editor || !model || editor.editor.isDestroyed) return;
    const { view } = editor.editor;
    view.dispatch(setCodingsMeta(view.state.tr, model.placed, model.maxLength, selectedCodingId));
  }, [editor, model, selectedCodingId]);

  // One frame loop for what follows the scroll: the stripes read the layout, then the window writes.
  const loop = useMemo(() => (editor && scrollEl ? new FrameLoop(editor.editor.view, scrollEl) : null), [editor, scrollEl]);
  useEffect(() => loop?.attach(), [loop]);

  useDocumentHandle(props.handleRef, editor, model, scrollEl);
  useDecorationWindow(loop);

  // A coding selected from elsewhere (a stripe below the fold, the inductive list) comes into view.
  useEffect(() => {
    if (selectedCodingId !== null) props.handleRef.current?.scrollToCoding(selectedCodingId);
  }, [selectedCodingId, editor, props.handleRef]);

  const hoverItems = useMemo(
    () => (hover && model ? hover.ids.map((id) => model.byId.get(id)).filter((p): p is PlacedCoding => !!p) : []),
    [hover, model],
  );

  const parentsOf = (codeId: number): string[] => {
    const names: string[] = [];
    for (let c = codes.get(codes.get(codeId)?.parentId ?? -1); c; c = c.parentId === null ? undefined : codes.get(c.parentId)) names.unshift(c.name);
    return names;
  };

  const showHover = (ids: number[], at: Hover['at'] | null) => {
    window.clearTimeout(hoverTimer.current);
    setHover(ids.length > 0 && at ? { ids, at } : null);
  };

  return (
    <div className="mg-scroll" ref={setScrollEl}>
      <div className="mg-sheet">
        <article
          className="mg-article doc-article"
          aria-label={`Text of ${source.name}`}
          data-source-id={source.id}
          onMouseMove={(e) => {
            const ids = codingIdsAt(e.target);
            window.clearTimeout(hoverTimer.current);
            if (ids.length === 0) { if (hover) setHover(null); return; }
            if (hover && sameIds(hover.ids, ids)) return;
            const at = { x: e.clientX, y: e.clientY };
            // Text hover waits a moment: reading over coded text should not flicker cards.
            hoverTimer.current = window.setTimeout(() => setHover({ ids, at }), 350);
          }}
          onMouseLeave={() => showHover([], null)}
          onMouseDown={(e) => {
            if (!e.altKey) return;
            const ids = codingIdsAt(e.target);
            if (ids.length > 0) { e.preventDefault(); props.onSelectCoding(ids[0]!); }
          }}
        >
          <div ref={host} />
        </article>
        {loop && model && (
          <StripeLayer
            loop={loop}
            model={model}
            selectedId={selectedCodingId}
            onSelect={(id) => props.onSelectCoding(id)}
            onHover={showHover}
          />
        )}
      </div>
      {hoverItems.length > 0 && hover && <CodingTooltip items={hoverItems} at={hover.at} loadMemo={props.loadMemo} parentsOf={parentsOf} />}
    </div>
  );
}

/** Coding ids of the stretch of coded text under an element, innermost first. */
function codingIdsAt(target: EventTarget | null): number[] {
  const el = target instanceof Element ? target.closest<HTMLElement>('mark[data-coding-ids]') : null;
  const ids = el?.dataset['codingIds'];
  return ids ? ids.split(' ').map(Number).filter((id) => id !== 0 && Number.isFinite(id)) : [];
}

const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
