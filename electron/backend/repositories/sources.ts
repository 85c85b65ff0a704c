import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { sql, sqlIds } from '../db/sql.ts';
import type { Question, SourceDetail, SourceKind, SourceSummary, Unit, UnitKind } from '../../../shared/domain/types.ts';

type SummaryRow = Omit<SourceSummary, 'participantIds'> & { participantIds: string | null };

const summaries = (db: Db, where: ReturnType<typeof sql>): SourceSummary[] =>
  db
    .all<SummaryRow>(sql`SELECT s.id, s.kind, s.name, s.origin, length(s.text) AS length, s.imported_at AS importedAt,
        (SELECT count(*) FROM units u WHERE u.source_id = s.id) AS unitCount,
        (SELECT count(*) FROM codings c WHERE c.source_id = s.id) AS codingCount,
        (SELECT group_concat(DISTINCT u.participant_id) FROM units u
           WHERE u.source_id = s.id AND u.participant_id IS NOT NULL) AS participantIds
      FROM sources s ${where} ORDER BY s.position, s.id`)
    .map((r) => ({ ...r, participantIds: r.participantIds ? r.participantIds.split(',').map(Number) : [] }));

export const listSources = (db: Db, kind?: SourceKind): SourceSummary[] =>
  summaries(db, kind ? sql`WHERE s.kind = ${kind}` : sql``);

type UnitRow = Omit<Unit, 'isInterviewer'> & { isInterviewer: number };

export const listUnits = (db: Db, sourceId: number): Unit[] =>
  db
    .all<UnitRow>(sql`SELECT id, kind, start, end, participant_id AS participantId, speaker,
        is_interviewer AS isInterviewer, question_id AS questionId, timestamp_ms AS timestampMs, page
      FROM units WHERE source_id = ${sourceId} ORDER BY start, id`)
    .map((u) => ({ ...u, isInterviewer: u.isInterviewer === 1 }));

export function getSource(db: Db, id: number): SourceDetail | undefined {
  const summary = summaries(db, sql`WHERE s.id = ${id}`)[0];
  if (!summary) return undefined;
  const row = db.get<{ text: string; contentHash: string }>(
    sql`SELECT text, content_hash AS contentHash FROM sources WHERE id = ${id}`,
  )!;
  return { ...summary, text: row.text, contentHash: row.contentHash, units: listUnits(db, id) };
}

export const getSourceText = (db: Db, id: number): string | undefined =>
  db.get<{ text: string }>(sql`SELECT text FROM sources WHERE id = ${id}`)?.text;

export const contentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The name of a source holding exactly this text, if any. */
export const sourceWithText = (db: Db, text: string): string | undefined =>
  db.get<{ name: string }>(sql`SELECT name FROM sources WHERE content_hash = ${contentHash(text)} LIMIT 1`)?.name;

export const renameSource = (db: Db, id: number, name: string): void => {
  db.run(sql`UPDATE sources SET name = ${name} WHERE id = ${id}`);
};

export type NewSource = { kind: SourceKind; name: string; text: string; origin: string };

/** Adds a source at the end of the list; max(position) is one seek in sources_by_position (migration 0007). */
export function insertSource(db: Db, s: NewSource, now: string): number {
  const position = db.get<{ n: number }>(sql`SELECT coalesce(max(position) + 1, 0) AS n FROM sources`)!.n;
  return db.run(sql`INSERT INTO sources (kind, name, text, content_hash, origin, imported_at, position)
    VALUES (${s.kind}, ${s.name}, ${s.text}, ${contentHash(s.text)}, ${s.origin}, ${now}, ${position})`).lastInsertRowid;
}

export type NewUnit = {
  kind: UnitKind;
  start: number;
  end: number;
  participantId?: number | null;
  speaker?: string | null;
  isInterviewer?: boolean;
  questionId?: number | null;
  timestampMs?: number | null;
  page?: number | null;
};

export function insertUnit(db: Db, sourceId: number, u: NewUnit): number {
  return db.run(sql`INSERT INTO units (source_id, kind, start, end, participant_id, speaker, is_interviewer, question_id, timestamp_ms, page)
    VALUES (${sourceId}, ${u.kind}, ${u.start}, ${u.end}, ${u.participantId ?? null}, ${u.speaker ?? null},
            ${u.isInterviewer ?? false}, ${u.questionId ?? null}, ${u.timestampMs ?? null}, ${u.page ?? null})`).lastInsertRowid;
}

export const listQuestions = (db: Db, sourceId?: number): Question[] =>
  db.all<Question>(sql`SELECT id, source_id AS sourceId, key, text, section_code_id AS sectionCodeId, position
    FROM questions ${sourceId === undefined ? sql`` : sql`WHERE source_id = ${sourceId}`} ORDER BY source_id, position, id`);

export function insertQuestion(
  db: Db,
  q: { sourceId: number; key: string; text: string; sectionCodeId: number | null; position: number },
): number {
  return db.run(sql`INSERT INTO questions (source_id, key, text, section_code_id, position)
    VALUES (${q.sourceId}, ${q.key}, ${q.text}, ${q.sectionCodeId}, ${q.position})`).lastInsertRowid;
}

/** Questions placed in the `fromIds` scheme sections move to `toId`. */
export const moveQuestionSections = (db: Db, fromIds: readonly number[], toId: number): void => {
  db.run(sql`UPDATE questions SET section_code_id = ${toId} WHERE section_code_id IN (${sqlIds(fromIds)})`);
};

export const getUnit = (db: Db, id: number): { sourceId: number; kind: UnitKind; start: number; end: number } | undefined =>
  db.get<{ sourceId: number; kind: UnitKind; start: number; end: number }>(
    sql`SELECT source_id AS sourceId, kind, start, end FROM units WHERE id = ${id}`,
  );
