import { Node, type AnyExtension } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';

/**
 * The document schema of the coding view. It holds the source text and nothing else: chunks
 * of one `unitBlock` per unit (turn, question, answer, paragraph, heading) and `pageMark` leaves.
 * Speaker, respondent and timestamp live in node attributes and are drawn outside the
 * editable content, so every text position maps 1:1 to a source offset (see doc-blocks.ts).
 */

const attr = <T>(value: T) => ({ default: value, rendered: false });

const Doc = Node.create({ name: 'doc', topNode: true, content: 'chunk+' });

/** Size of a chunk's content, from which its height is estimated until it is laid out (chunk-sizing.ts). */
export type ChunkAttrs = {
  /** Characters of text. */
  chars: number;
  /** CSS pixels drawn besides the lines of text: margins, speaker lines, page marks. */
  fixed: number;
  /** Text blocks (each ends in a part-filled line). */
  blocks: number;
};

/**
 * A run of consecutive blocks. Two levels let ProseMirror skip unchanged chunks when
 * decorations change and let the browser skip laying out chunks off screen
 * (content-visibility), which a flat list of thousands of turns would not allow.
 */
const Chunk = Node.create({
  name: 'chunk',
  content: '(unitBlock | pageMark)+',
  addAttributes: () => ({ chars: attr(0), fixed: attr(0), blocks: attr(0) }),
  renderHTML: ({ node }): DOMOutputSpec => {
    const a = node.attrs as ChunkAttrs;
    return ['div', { class: 'mg-chunk', style: `--mg-chars:${a.chars};--mg-fixed:${a.fixed};--mg-blocks:${a.blocks}` }, 0];
  },
});

const Text = Node.create({ name: 'text', group: 'inline' });

export type UnitBlockAttrs = {
  kind: 'turn' | 'question' | 'answer' | 'paragraph' | 'heading';
  /** Speaker of a turn or respondent of an answer. */
  label: string | null;
  /** Participant label when it differs from the speaker name. */
  tag: string | null;
  time: string | null;
  interviewer: boolean;
  unitId: number | null;
  start: number;
};

const UnitBlock = Node.create({
  name: 'unitBlock',
  content: 'text*',
  marks: '',
  // Source text keeps its line breaks and runs of spaces as they are.
  whitespace: 'pre',
  defining: true,
  addAttributes: () => ({
    kind: attr('paragraph'),
    label: attr(null),
    tag: attr(null),
    time: attr(null),
    interviewer: attr(false),
    unitId: attr(null),
    start: attr(0),
  }),
  renderHTML({ node }): DOMOutputSpec {
    const a = node.attrs as UnitBlockAttrs;
    const cls = `mg-block mg-${a.kind}${a.interviewer ? ' mg-interviewer' : ''}`;
    const data = { class: cls, 'data-unit-id': a.unitId === null ? '' : String(a.unitId), 'data-start': String(a.start) };
    if (a.kind === 'turn' || (a.kind === 'answer' && a.label)) {
      const head: DOMOutputSpec[] = [['span', { class: 'mg-speaker' }, a.label ?? 'Unknown speaker']];
      if (a.tag) head.push(['span', { class: 'mg-tag' }, a.tag]);
      if (a.time) head.push(['span', { class: 'mg-time' }, a.time]);
      return ['div', data, ['div', { class: 'mg-head', contenteditable: 'false' }, ...head], ['p', { class: 'mg-text' }, 0]];
    }
    return ['div', data, ['p', { class: 'mg-text' }, 0]];
  },
});

const PageMark = Node.create({
  name: 'pageMark',
  atom: true,
  selectable: false,
  addAttributes: () => ({ page: attr(1) }),
  renderHTML: ({ node }): DOMOutputSpec => ['div', { class: 'mg-page', contenteditable: 'false' }, `Page ${String(node.attrs['page'])}`],
});

/** The node extensions of the coding view, shared by the editor and its tests. */
export const documentNodes = (): AnyExtension[] => [Doc, Chunk, Text, UnitBlock, PageMark];
