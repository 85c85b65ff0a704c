import { z } from 'zod';
import { command, query } from '../define.ts';
import { empty, freeText, id, sourceKind } from '../schemas.ts';
import type { CodeHitsPreview, CodeHitsResult, SearchResult, SourceStructure } from '../../domain/analysis/types.ts';

const searchInput = {
  query: freeText('Query', 1000).trim().min(1, 'type a word or a "phrase" to search for'),
  sourceKinds: z.array(sourceKind).max(3).optional(),
  participantIds: z.array(id).max(10000).optional(),
};
const scope = z.enum(['hit', 'unit']).default('hit');

export const searchMethods = {
  /**
   * Full-text search. Syntax: words, "phrases", prefix*, AND / OR / NOT (capitals), ( ).
   * Hits are the matched words inside units (turns, answers, paragraphs) as KWIC lines.
   */
  'search.run': query(
    z
      .object({ ...searchInput, offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(2000).default(100) })
      .strict(),
  ).returns<SearchResult>(),
  /** What "code all hits" would do, without doing it. */
  'search.previewCodeHits': query(z.object({ ...searchInput, codeId: id, scope }).strict()).returns<CodeHitsPreview>(),
  /** Codes every hit (or every unit holding one) with one code: one command, one undo. */
  'search.codeHits': command(z.object({ ...searchInput, codeId: id, scope }).strict()).returns<CodeHitsResult>(),
  /** Speakers and questionnaire items, for coding by structure. */
  'search.structure': query(empty).returns<SourceStructure>(),
  /** Codes every turn of one speaker (as written in the transcripts). */
  'search.codeSpeaker': command(
    z.object({ speaker: z.string().trim().min(1, 'speaker must not be empty').max(200), codeId: id }).strict(),
  ).returns<CodeHitsResult>(),
  /** Codes every answer to one questionnaire item. */
  'search.codeQuestion': command(z.object({ questionId: id, codeId: id }).strict()).returns<CodeHitsResult>(),
};
