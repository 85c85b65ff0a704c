/**
 * Questionnaire families in the store (migration 0005): successive exports of one survey.
 * The import service (import/write-questionnaire.ts, import/preview.ts) is their only user.
 */
import type { ColumnRole, FamilyCandidate } from '../../../shared/domain/import-types.ts';
import type { Db } from '../db/database.ts';
import { sql, sqlIds } from '../db/sql.ts';

export type FamilyMapping = { idColumn: string; columns: ColumnRole[] };
export type Family = { id: number; name: string; mapping: FamilyMapping | null };

const parseMapping = (json: string): FamilyMapping | null => {
  try {
    const m = JSON.parse(json) as Partial<FamilyMapping>;
    return typeof m.idColumn === 'string' && Array.isArray(m.columns) ? { idColumn: m.idColumn, columns: m.columns } : null;
  } catch {
    return null;
  }
};

export function getFamily(db: Db, id: number): Family | undefined {
  const row = db.get<{ id: number; name: string; mapping: string }>(sql`SELECT id, name, mapping FROM questionnaire_families WHERE id = ${id}`);
  return row ? { id: row.id, name: row.name, mapping: parseMapping(row.mapping) } : undefined;
}

export function insertFamily(db: Db, name: string, mapping: FamilyMapping, now: string): number {
  return db.run(sql`INSERT INTO questionnaire_families (name, mapping, created_at) VALUES (${name}, ${JSON.stringify(mapping)}, ${now})`).lastInsertRowid;
}

export function setFamilyMapping(db: Db, id: number, mapping: FamilyMapping): void {
  db.run(sql`UPDATE questionnaire_families SET mapping = ${JSON.stringify(mapping)} WHERE id = ${id}`);
}

export function addFamilySource(db: Db, familyId: number, sourceId: number): void {
  db.run(sql`INSERT INTO questionnaire_family_sources (source_id, family_id) VALUES (${sourceId}, ${familyId})`);
}

export type FamilyQuestion = { header: string; questionId: number; key: string; text: string; sectionCodeId: number | null };

/** The questions a family's columns feed, by column header. */
export const familyQuestions = (db: Db, familyId: number): FamilyQuestion[] =>
  db.all<FamilyQuestion>(sql`SELECT c.header, q.id AS questionId, q.key, q.text, q.section_code_id AS sectionCodeId
    FROM questionnaire_columns c JOIN questions q ON q.id = c.question_id WHERE c.family_id = ${familyId}`);

export function addFamilyColumn(db: Db, familyId: number, header: string, questionId: number): void {
  db.run(sql`INSERT INTO questionnaire_columns (family_id, header, question_id) VALUES (${familyId}, ${header}, ${questionId})
    ON CONFLICT (family_id, header) DO UPDATE SET question_id = excluded.question_id`);
}

/** Respondent id (lower case) → participant, for respondents whose participant still exists. */
export function familyRespondents(db: Db, familyId: number): Map<string, number> {
  const rows = db.all<{ respondent: string; participantId: number }>(sql`SELECT r.respondent, r.participant_id AS participantId
    FROM questionnaire_respondents r JOIN participants p ON p.id = r.participant_id WHERE r.family_id = ${familyId}`);
  return new Map(rows.map((r) => [r.respondent.toLowerCase(), r.participantId]));
}

export function rememberRespondent(db: Db, familyId: number, respondent: string, participantId: number): void {
  db.run(sql`INSERT INTO questionnaire_respondents (family_id, respondent, participant_id) VALUES (${familyId}, ${respondent}, ${participantId})
    ON CONFLICT (family_id, respondent) DO NOTHING`);
}

export type ExistingAnswer = { participantId: number; questionId: number; sourceId: number; start: number; end: number };

/** Answers the family already holds for these questions. */
export function existingAnswers(db: Db, questionIds: readonly number[]): ExistingAnswer[] {
  if (questionIds.length === 0) return [];
  return db.all<ExistingAnswer>(sql`SELECT participant_id AS participantId, question_id AS questionId, source_id AS sourceId, start, end
    FROM units WHERE kind = 'answer' AND participant_id IS NOT NULL
      AND question_id IN (${sqlIds(questionIds)})`);
}

/** Every family, with how many of `headers` it has seen, most matching first. */
export function familyCandidates(db: Db, headers: readonly string[]): FamilyCandidate[] {
  const lower = new Set(headers.map((h) => h.toLowerCase()));
  const families = db.all<{ id: number; name: string; mapping: string; sources: number; respondents: number }>(sql`SELECT f.id, f.name, f.mapping,
      (SELECT count(*) FROM questionnaire_family_sources s WHERE s.family_id = f.id) AS sources,
      (SELECT count(*) FROM questionnaire_respondents r WHERE r.family_id = f.id) AS respondents
    FROM questionnaire_families f ORDER BY f.id`);
  return families
    .map((f) => {
      const mapping = parseMapping(f.mapping);
      const known = new Set(familyQuestions(db, f.id).map((q) => q.header.toLowerCase()));
      if (mapping) {
        known.add(mapping.idColumn.toLowerCase());
        for (const c of mapping.columns) known.add(c.column.toLowerCase());
      }
      const matchingColumns = [...lower].filter((h) => known.has(h)).length;
      return { familyId: f.id, name: f.name, sources: f.sources, respondents: f.respondents, matchingColumns, mapping };
    })
    .filter((f) => f.sources > 0)
    .sort((a, b) => b.matchingColumns - a.matchingColumns || b.familyId - a.familyId);
}
