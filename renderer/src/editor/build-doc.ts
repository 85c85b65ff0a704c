import type { JSONContent } from '@tiptap/core';
import { DocPositionMap, documentBlocks, type DocBlock } from '../../../shared/domain/doc-blocks.ts';
import type { SourceDetail } from '../../../shared/domain/types.ts';
import type { ChunkAttrs, UnitBlockAttrs } from './schema.ts';

export const formatTimestamp = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

export type BuiltDocument = { content: JSONContent; map: DocPositionMap; blocks: DocBlock[] };

/** Blocks per chunk node: small enough to skip most of a long transcript, large enough to stay few. */
export const CHUNK_SIZE = 32;

/** Height of what a block draws besides its lines of text, in CSS pixels (editor.css). */
function fixedHeight(block: JSONContent): number {
  if (block.type === 'pageMark') return 46;
  const a = block.attrs as UnitBlockAttrs;
  const head = a.kind === 'turn' || (a.kind === 'answer' && a.label) ? 17 : 0;
  const extra = a.kind === 'question' ? 31 : a.kind === 'heading' ? 8 : 0;
  return 13 + head + extra;
}

/** What a chunk's height is estimated from before it is laid out (chunk-sizing.ts). */
function chunkMeasure(blocks: JSONContent[]): ChunkAttrs {
  let chars = 0;
  let fixed = 0;
  let lines = 0;
  for (const b of blocks) {
    fixed += fixedHeight(b);
    if (b.type !== 'unitBlock') continue;
    lines++;
    for (const t of b.content ?? []) chars += t.text?.length ?? 0;
  }
  return { chars, fixed, blocks: lines };
}

/**
 * The editor document of a source: one block per unit, text sliced from the canonical text
 * so that positions and offsets agree (DocPositionMap does the arithmetic).
 */
export function buildDocument(source: Pick<SourceDetail, 'text' | 'units'>, participantLabel: (id: number) => string | undefined): BuiltDocument {
  const blocks = documentBlocks(source.text, source.units);
  const content: JSONContent[] = blocks.map((b) => {
    if (b.type === 'page') return { type: 'pageMark', attrs: { page: b.page } };
    const u = b.unit;
    const who = u?.participantId != null ? participantLabel(u.participantId) ?? null : null;
    const label = u?.kind === 'turn' ? (u.speaker ?? who) : u?.kind === 'answer' ? (who ?? u.speaker) : null;
    const attrs: UnitBlockAttrs = {
      kind: b.kind,
      label,
      tag: u?.kind === 'turn' && who && who !== label ? who : null,
      time: u?.timestampMs != null ? formatTimestamp(u.timestampMs) : null,
      interviewer: u?.isInterviewer ?? false,
      unitId: u?.id ?? null,
      start: b.start,
    };
    const text = source.text.slice(b.start, b.end);
    return text ? { type: 'unitBlock', attrs, content: [{ type: 'text', text }] } : { type: 'unitBlock', attrs };
  });
  if (content.length === 0) content.push({ type: 'unitBlock', attrs: { kind: 'paragraph', start: 0 } });
  const chunks: JSONContent[] = [];
  for (let i = 0; i < content.length; i += CHUNK_SIZE) {
    const part = content.slice(i, i + CHUNK_SIZE);
    chunks.push({ type: 'chunk', attrs: chunkMeasure(part), content: part });
  }
  return { content: { type: 'doc', content: chunks }, map: new DocPositionMap(blocks, CHUNK_SIZE), blocks };
}
