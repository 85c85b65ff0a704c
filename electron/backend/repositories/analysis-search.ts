import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { SourceKind, Unit } from '../../../shared/domain/types.ts';
import { idList, kindFilter } from './analysis.ts';

export type CandidateSource = { id: number; name: string; kind: SourceKind };

/**
 * Sources whose index matches the FTS5 expression, in the order the sources list shows them.
 * `match` is built by toFtsMatch from parsed words only, and is bound as a parameter.
 */
export const candidateSources = (
  db: Db,
  match: string,
  filters: { sourceKinds?: readonly SourceKind[] | undefined; participantIds?: readonly number[] | undefined },
): CandidateSource[] =>
  db.all<CandidateSource>(sql`SELECT s.id, s.name, s.kind FROM sources s
    WHERE s.id IN (SELECT rowid FROM source_search WHERE source_search MATCH ${match}) ${kindFilter(filters.sourceKinds)}
    ${filters.participantIds && filters.participantIds.length > 0
      ? sql`AND EXISTS (SELECT 1 FROM units u WHERE u.source_id = s.id AND u.participant_id IN (${idList(filters.participantIds)}))`
      : sql``}
    ORDER BY s.position, s.id`);

export type SearchUnit = Pick<Unit, 'id' | 'kind' | 'start' | 'end' | 'participantId' | 'speaker'> & { sourceId: number };

export const sourceText = (db: Db, id: number): string =>
  db.get<{ text: string }>(sql`SELECT text FROM sources WHERE id = ${id}`)?.text ?? '';

export const unitsOfSource = (db: Db, id: number): SearchUnit[] =>
  db.all<SearchUnit>(sql`SELECT id, kind, start, end, participant_id AS participantId, speaker, source_id AS sourceId
    FROM units WHERE source_id = ${id} ORDER BY start, id`);

export type StructureUnit = { sourceId: number; start: number; end: number };

export const turnsOfSpeaker = (db: Db, speaker: string): StructureUnit[] =>
  db.all<StructureUnit>(sql`SELECT source_id AS sourceId, start, end FROM units
    WHERE kind = 'turn' AND speaker = ${speaker} AND end > start ORDER BY source_id, start`);

export const answersToQuestion = (db: Db, questionId: number): StructureUnit[] =>
  db.all<StructureUnit>(sql`SELECT source_id AS sourceId, start, end FROM units
    WHERE kind = 'answer' AND question_id = ${questionId} AND end > start ORDER BY source_id, start`);

export const listSpeakers = (db: Db) =>
  db.all<{ speaker: string; participantId: number | null; participantLabel: string | null; turns: number; sources: number }>(sql`
    SELECT u.speaker, max(u.participant_id) AS participantId, max(p.label) AS participantLabel,
      count(*) AS turns, count(DISTINCT u.source_id) AS sources
    FROM units u LEFT JOIN participants p ON p.id = u.participant_id
    WHERE u.kind = 'turn' AND u.speaker IS NOT NULL AND u.speaker <> ''
    GROUP BY u.speaker ORDER BY u.speaker COLLATE NOCASE`);

export const listQuestionItems = (db: Db) =>
  db.all<{ id: number; sourceId: number; key: string; text: string; answers: number }>(sql`
    SELECT q.id, q.source_id AS sourceId, q.key, q.text,
      (SELECT count(*) FROM units u WHERE u.question_id = q.id AND u.kind = 'answer') AS answers
    FROM questions q ORDER BY q.source_id, q.position, q.id`);

export const questionExists = (db: Db, id: number): boolean => db.get(sql`SELECT 1 FROM questions WHERE id = ${id}`) !== undefined;
