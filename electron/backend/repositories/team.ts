import type { Db } from '../db/database.ts';
import { sql, sqlIds } from '../db/sql.ts';
import type { CodeOrigin, MemoTargetKind, SourceKind, UnitKind } from '../../../shared/domain/types.ts';

/**
 * Teamwork (issue 13): the rows a merge compares, the codings agreement counts, the
 * reconciliation decisions, and what making a coder's copy changes in that copy. The same
 * functions read the open project and a copy opened from a file.
 */

export type TeamCoderRow = { id: number; name: string };
export type TeamSourceRow = { id: number; name: string; hash: string };
export type TeamCodeRow = { id: number; parentId: number | null; name: string; color: string; definition: string; origin: CodeOrigin };
export type TeamCodingRow = { id: number; sourceId: number; codeId: number; coderId: number; start: number; end: number; quote: string; createdAt: string };
export type TeamMemoRow = { id: number; targetKind: MemoTargetKind; targetId: number | null; coderId: number; title: string; body: string; text: string; createdAt: string; updatedAt: string };

/** Coders with their work, by name. */
export const codersWithWork = (db: Db): { id: number; name: string; codings: number; sources: number; memos: number; consensus: number }[] =>
  db.all(sql`SELECT k.id, k.name,
      (SELECT count(*) FROM codings c WHERE c.coder_id = k.id) AS codings,
      (SELECT count(DISTINCT c.source_id) FROM codings c WHERE c.coder_id = k.id) AS sources,
      (SELECT count(*) FROM memos m WHERE m.coder_id = k.id) AS memos,
      EXISTS (SELECT 1 FROM reconciliations r WHERE r.consensus_id = k.id) AS consensus
    FROM coders k ORDER BY k.name COLLATE NOCASE`);

export const teamCoders = (db: Db): TeamCoderRow[] => db.all<TeamCoderRow>(sql`SELECT id, name FROM coders ORDER BY id`);

export const teamSources = (db: Db): TeamSourceRow[] => db.all<TeamSourceRow>(sql`SELECT id, name, content_hash AS hash FROM sources ORDER BY position, id`);

export const teamCodes = (db: Db): TeamCodeRow[] =>
  db.all<TeamCodeRow>(sql`SELECT id, parent_id AS parentId, name, color, definition, origin FROM codes ORDER BY position, id`);

export const teamCodings = (db: Db): TeamCodingRow[] =>
  db.all<TeamCodingRow>(sql`SELECT id, source_id AS sourceId, code_id AS codeId, coder_id AS coderId, start, end, quote, created_at AS createdAt FROM codings ORDER BY id`);

export const teamMemos = (db: Db): TeamMemoRow[] =>
  db.all<TeamMemoRow>(sql`SELECT id, target_kind AS targetKind, target_id AS targetId, coder_id AS coderId, title, body, text,
    created_at AS createdAt, updated_at AS updatedAt FROM memos ORDER BY id`);

export const teamParticipants = (db: Db): { id: number; label: string }[] => db.all<{ id: number; label: string }>(sql`SELECT id, label FROM participants ORDER BY id`);

export type CopySource = { kind: SourceKind; name: string; text: string; origin: string };
export const copySource = (db: Db, id: number): CopySource | undefined =>
  db.get<CopySource>(sql`SELECT kind, name, text, origin FROM sources WHERE id = ${id}`);

export type CopyUnit = { kind: UnitKind; start: number; end: number; participantLabel: string | null; speaker: string | null; isInterviewer: number; timestampMs: number | null; page: number | null };
export const copyUnits = (db: Db, sourceId: number): CopyUnit[] =>
  db.all<CopyUnit>(sql`SELECT u.kind, u.start, u.end, p.label AS participantLabel, u.speaker, u.is_interviewer AS isInterviewer, u.timestamp_ms AS timestampMs, u.page
    FROM units u LEFT JOIN participants p ON p.id = u.participant_id WHERE u.source_id = ${sourceId} ORDER BY u.start, u.id`);

export const childCodeIds = (db: Db, parentId: number): number[] =>
  db.all<{ id: number }>(sql`SELECT id FROM codes WHERE parent_id = ${parentId} ORDER BY position, id`).map((r) => r.id);

export const participantByLabel = (db: Db, label: string): number | undefined =>
  db.get<{ id: number }>(sql`SELECT id FROM participants WHERE label = ${label} COLLATE NOCASE`)?.id;

export const lastIds = (db: Db): { coding: number; memo: number } =>
  db.get<{ coding: number; memo: number }>(sql`SELECT coalesce((SELECT max(id) FROM codings), 0) AS coding, coalesce((SELECT max(id) FROM memos), 0) AS memo`)!;

/** The codings (id, code, extent, creation time) and memos (id, creation and update time) a coder's copy holds as it is made. */
export const heldIds = (db: Db): { codings: { id: number; codeId: number; start: number; end: number; createdAt: string }[]; memos: { id: number; createdAt: string; updatedAt: string }[] } => ({
  codings: db.all<{ id: number; codeId: number; start: number; end: number; createdAt: string }>(sql`SELECT id, code_id AS codeId, start, end, created_at AS createdAt FROM codings ORDER BY id`),
  memos: db.all<{ id: number; createdAt: string; updatedAt: string }>(sql`SELECT id, created_at AS createdAt, updated_at AS updatedAt FROM memos ORDER BY id`),
});

/** A consistent copy of the whole database in a new file, which must not exist. */
export function copyProjectFile(db: Db, path: string): void {
  db.run(sql`VACUUM INTO ${path}`);
}

/** Rewrites a (copy's) file without its free pages, so nothing deleted can be read back from it. */
export function vacuumFile(db: Db): void {
  db.run(sql`VACUUM`);
}

/** In a blind copy: the other coders' codings, and the memos on them, go. */
export function removeOthersCodings(db: Db, keepCoderId: number): { codings: number; memos: number } {
  const memos = db.run(sql`DELETE FROM memos WHERE target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE coder_id <> ${keepCoderId})`).changes;
  const codings = db.run(sql`DELETE FROM codings WHERE coder_id <> ${keepCoderId}`).changes;
  db.run(sql`DELETE FROM reconciliations`);
  return { codings, memos };
}

/** A copy starts with no undo history: the project's steps are not the coder's to undo, and their row images would show what a blind copy hides. */
export function clearHistory(db: Db): void {
  db.run(sql`DELETE FROM operation_changes`);
  db.run(sql`DELETE FROM operations`);
}

// ---- agreement ------------------------------------------------------------------------------

export type AgreementCoding = { sourceId: number; codeId: number; coderId: number; start: number; end: number };

export const agreementCodings = (db: Db, coderIds: readonly number[], sourceIds: readonly number[]): AgreementCoding[] =>
  db.all<AgreementCoding>(sql`SELECT source_id AS sourceId, code_id AS codeId, coder_id AS coderId, start, end FROM codings
    WHERE coder_id IN (${sqlIds(coderIds)}) AND source_id IN (${sqlIds(sourceIds)})`);

export const sourceTexts = (db: Db, ids: readonly number[]): { id: number; name: string; text: string }[] =>
  db.all<{ id: number; name: string; text: string }>(sql`SELECT id, name, text FROM sources WHERE id IN (${sqlIds(ids)}) ORDER BY position, id`);

export const allSourceIds = (db: Db): number[] => db.all<{ id: number }>(sql`SELECT id FROM sources ORDER BY position, id`).map((r) => r.id);

/** The units agreement at unit level compares: speaker turns, answers and paragraphs. */
export const comparableUnits = (db: Db, sourceIds: readonly number[]): { sourceId: number; start: number; end: number }[] =>
  db.all<{ sourceId: number; start: number; end: number }>(sql`SELECT source_id AS sourceId, start, end FROM units
    WHERE source_id IN (${sqlIds(sourceIds)}) AND kind IN ('turn', 'answer', 'paragraph') ORDER BY source_id, start`);

/** Two (or more) coders' codings, of some codes or all, in some sources or all. */
export const codingsOfCoders = (db: Db, coderIds: readonly number[], codeIds: readonly number[] | undefined, sourceIds: readonly number[] | undefined): (AgreementCoding & { id: number })[] =>
  db.all<AgreementCoding & { id: number }>(sql`SELECT id, source_id AS sourceId, code_id AS codeId, coder_id AS coderId, start, end FROM codings
    WHERE coder_id IN (${sqlIds(coderIds)}) ${codeIds === undefined ? sql`` : sql`AND code_id IN (${sqlIds(codeIds)})`}
    ${sourceIds === undefined ? sql`` : sql`AND source_id IN (${sqlIds(sourceIds)})`} ORDER BY source_id, start, id`);

export const codingsOfCode = (db: Db, codeId: number, coderIds: readonly number[], sourceId?: number): (AgreementCoding & { id: number })[] =>
  db.all<AgreementCoding & { id: number }>(sql`SELECT id, source_id AS sourceId, code_id AS codeId, coder_id AS coderId, start, end FROM codings
    WHERE code_id = ${codeId} AND coder_id IN (${sqlIds(coderIds)}) ${sourceId === undefined ? sql`` : sql`AND source_id = ${sourceId}`} ORDER BY source_id, start`);

// ---- reconciliation -------------------------------------------------------------------------

export type ReconciliationRow = { id: number; sourceId: number; start: number; end: number; decision: 'first' | 'second' | 'both' | 'neither'; consensusId: number; decidedAt: string };

export const reconciliationsOf = (db: Db, codeId: number, first: number, second: number): ReconciliationRow[] =>
  db.all<ReconciliationRow>(sql`SELECT id, source_id AS sourceId, start, end, decision, consensus_id AS consensusId, decided_at AS decidedAt FROM reconciliations
    WHERE code_id = ${codeId} AND first_coder_id = ${first} AND second_coder_id = ${second} ORDER BY source_id, start`);

/** Decisions for a pair of coders into one consensus coder, with who decided. */
export const reconciliationsBetween = (db: Db, first: number, second: number, consensus: number): (ReconciliationRow & { codeId: number; decidedBy: string })[] =>
  db.all<ReconciliationRow & { codeId: number; decidedBy: string }>(sql`SELECT r.id, r.source_id AS sourceId, r.code_id AS codeId, r.start, r.end, r.decision,
      r.consensus_id AS consensusId, r.decided_at AS decidedAt, coalesce(c.name, '') AS decidedBy
    FROM reconciliations r LEFT JOIN coders c ON c.id = r.decided_by
    WHERE r.first_coder_id = ${first} AND r.second_coder_id = ${second} AND r.consensus_id = ${consensus}`);

export type NewReconciliation = { sourceId: number; codeId: number; start: number; end: number; first: number; second: number; consensus: number; decision: string; decidedBy: number; at: string };

export function saveReconciliation(db: Db, r: NewReconciliation): number {
  db.run(sql`DELETE FROM reconciliations WHERE source_id = ${r.sourceId} AND code_id = ${r.codeId} AND start = ${r.start} AND end = ${r.end}
    AND first_coder_id = ${r.first} AND second_coder_id = ${r.second}`);
  return db.run(sql`INSERT INTO reconciliations (source_id, code_id, start, end, first_coder_id, second_coder_id, consensus_id, decision, decided_by, decided_at)
    VALUES (${r.sourceId}, ${r.codeId}, ${r.start}, ${r.end}, ${r.first}, ${r.second}, ${r.consensus}, ${r.decision}, ${r.decidedBy}, ${r.at})`).lastInsertRowid;
}

/** The consensus coder's codings of a code lying wholly inside a passage: a decision replaces them. */
export const consensusCodingsInside = (db: Db, consensus: number, codeId: number, sourceId: number, start: number, end: number): number[] =>
  db.all<{ id: number }>(sql`SELECT id FROM codings WHERE coder_id = ${consensus} AND code_id = ${codeId} AND source_id = ${sourceId}
    AND start >= ${start} AND end <= ${end}`).map((r) => r.id);
