import type { JSONContent } from '@tiptap/core';
import { DocPositionMap, documentBlocks, type DocBlock } from '../../../shared/domain/doc-blocks.ts';
import type { SourceDetail } from '../../../shared/domain/types.ts';
import type { UnitBlockAttrs } from './schema.ts';

export const formatTimestamp = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

export type BuiltDocument = { content: JSONContent; map: DocPositionMap; blocks: DocBlock[] };

/** Blocks per chunk node: small enough to skip most of a long transcript, large enough to stay few. */
export const CHUNK_SIZE = 32;

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
  for (let i = 0; i < content.length; i += CHUNK_SIZE) chunks.push({ type: 'chunk', content: content.slice(i, i + CHUNK_SIZE) });
  return { content: { type: 'doc', content: chunks }, map: new DocPositionMap(blocks, CHUNK_SIZE), blocks };
}
