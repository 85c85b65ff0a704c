import type { Db } from '../db/database.ts';
import { sql, sqlIds, sqlJoin, sqlRaw, type SqlFragment } from '../db/sql.ts';
import type { AttributeLite, ParticipantLite } from '../../../shared/domain/analysis/columns.ts';
import type { CreditedCoding } from '../../../shared/domain/analysis/cooccurrence.ts';
import type { AnalysisData, CodingLite, CreditGroup, MatrixBase, SourceGroup } from '../../../shared/domain/analysis/frequency.ts';
import type { FrameworkInput } from '../../../shared/domain/analysis/framework-coverage.ts';
import type { UnitColumns, UnitLite } from '../../../shared/domain/analysis/ownership.ts';
import type { CodeLite } from '../../../shared/domain/analysis/rows.ts';
import type { AttributeType, SourceKind } from '../../../shared/domain/types.ts';

/** `AND s.kind IN (...)` for a source alias s, or nothing when every kind counts. */
export const kindFilter = (kinds: readonly SourceKind[] | undefined): SqlFragment =>
  kinds && kinds.length > 0 ? sql`AND s.kind IN (${sqlJoin(kinds.map((k) => sql`${k}`))})` : sql``;

export const idList = (ids: readonly number[]): SqlFragment => sqlIds(ids);

/** Whose codings count: some coders' (by id), or everyone's when undefined. */
export type CoderChoice = readonly number[] | undefined;

/** `AND c.coder_id IN (...)` for a coding alias c, or nothing when every coder counts. */
const coderFilter = (coders: CoderChoice): SqlFragment => (coders ? sql`AND c.coder_id IN (${idList(coders)})` : sql``);

export const loadCodes = (db: Db): CodeLite[] =>
  db.all<CodeLite>(sql`SELECT id, parent_id AS parentId, name, color, position FROM codes`);

export function loadParticipants(db: Db): { participants: ParticipantLite[]; attributes: AttributeLite[] } {
  const participants = db.all<{ id: number; label: string }>(sql`SELECT id, label FROM participants`);
  const values = db.all<{ participantId: number; attributeId: number; value: string }>(
    sql`SELECT participant_id AS participantId, attribute_id AS attributeId, value FROM participant_attributes`,
  );
  const byParticipant = new Map<number, Record<number, string>>(participants.map((p) => [p.id, {}]));
  for (const v of values) {
    const rec = byParticipant.get(v.participantId);
    if (rec) rec[v.attributeId] = v.value;
  }
  return {
    participants: participants.map((p) => ({ ...p, attributes: byParticipant.get(p.id) ?? {} })),
    attributes: db.all<{ id: number; name: string; type: AttributeType }>(sql`SELECT id, name, type FROM attributes ORDER BY position, id`),
  };
}

const hasKinds = (kinds?: readonly SourceKind[]): kinds is readonly SourceKind[] => kinds !== undefined && kinds.length > 0;

/**
 * Many rows of small integers, read as one JSON array per column: SQLite writes each column's
 * json_group_array in C and JSON.parse reads it back in one go, where better-sqlite3 builds
 * every row as an object through the engine's API. Coverage reads every unit and coding of the
 * project: at 290k units and 100k codings (10M words) that cost ~550 ms of the ~800 the call
 * took, and its garbage much of the rest; read as columns, ~120 ms.
 */
function intColumns<K extends string>(db: Db, columns: readonly K[], from: SqlFragment): Record<K, (number | null)[]> {
  const select = sqlRaw(columns.map((c) => `json_group_array(${c}) AS ${c}`).join(', '));
  const row = db.get<Record<K, string>>(sql`SELECT ${select} FROM (${from})`)!;
  return Object.fromEntries(columns.map((c) => [c, JSON.parse(row[c]) as (number | null)[]])) as Record<K, (number | null)[]>;
}

export function loadUnits(db: Db, kinds?: readonly SourceKind[]): UnitColumns {
  const { id, sourceId, start, end, participantId } = intColumns(db, ['id', 'sourceId', 'start', 'end', 'participantId'], sql`SELECT u.id, u.source_id AS sourceId, u.start, u.end, u.participant_id AS participantId FROM units u
    ${hasKinds(kinds) ? sql`JOIN sources s ON s.id = u.source_id WHERE 1 = 1 ${kindFilter(kinds)}` : sql``}`);
  // NOT NULL columns: only participant_id holds nulls.
  return { id: id as number[], sourceId: sourceId as number[], start: start as number[], end: end as number[], participantId };
}

export function loadCodings(db: Db, kinds?: readonly SourceKind[], coders?: CoderChoice): CodingLite[] {
  const { id, codeId, sourceId, start, end } = intColumns(db, ['id', 'codeId', 'sourceId', 'start', 'end'], sql`SELECT c.id, c.code_id AS codeId, c.source_id AS sourceId, c.start, c.end FROM codings c
    ${hasKinds(kinds) ? sql`JOIN sources s ON s.id = c.source_id` : sql``} WHERE 1 = 1 ${kindFilter(kinds)} ${coderFilter(coders)}`);
  return id.map((_, i) => ({ id: id[i]!, codeId: codeId[i]!, sourceId: sourceId[i]!, start: start[i]!, end: end[i]! }));
}

/** Sources without units; their length in UTF-16 units needs the text (SQLite counts code points). */
export const loadUnitlessSources = (db: Db, kinds?: readonly SourceKind[]): { id: number; length: number }[] =>
  db
    .all<{ id: number; text: string }>(sql`SELECT s.id, s.text FROM sources s
      WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.source_id = s.id) ${kindFilter(kinds)}`)
    .map((s) => ({ id: s.id, length: s.text.length }));

/** Codes, participants and attributes: what a matrix is laid out from. */
export const loadMatrixBase = (db: Db): MatrixBase => ({ codes: loadCodes(db), ...loadParticipants(db) });

/**
 * Everything coverage is computed from, in one read transaction. Only the codings depend on
 * the coders: the text (units, unit-less sources) is the same whoever coded it.
 */
export function loadAnalysisData(db: Db, kinds?: readonly SourceKind[], coders?: CoderChoice): AnalysisData {
  return db.raw.transaction(() => ({
    ...loadMatrixBase(db),
    units: loadUnits(db, kinds),
    codings: loadCodings(db, kinds, coders),
    unitlessSources: loadUnitlessSources(db, kinds),
  }))();
}

/**
 * Credit rows k limited to the chosen source kinds and coders. coding_credit carries no coder
 * (it is derived from codings and units only), so a coder choice joins each row's coding by
 * its key; with every coder the query stays on coding_credit's own indexes.
 */
const creditJoin = (kinds: readonly SourceKind[] | undefined, coders: CoderChoice) =>
  hasKinds(kinds) || coders
    ? sql`${hasKinds(kinds) ? sql`JOIN sources s ON s.id = k.source_id` : sql``} ${coders ? sql`JOIN codings c ON c.id = k.coding_id` : sql``}
      WHERE 1 = 1 ${kindFilter(kinds)} ${coderFilter(coders)}`
    : sql``;

/**
 * Codings counted by code and credited participant, from the coding_credit table
 * (migration 0006): an index-only GROUP BY, no per-coding unit lookup.
 */
export const loadCreditGroups = (db: Db, kinds: readonly SourceKind[] | undefined, coders?: CoderChoice): CreditGroup[] =>
  db.all<CreditGroup>(sql`SELECT k.code_id AS codeId, k.participant_id AS participantId, count(*) AS n
    FROM coding_credit k ${creditJoin(kinds, coders)} GROUP BY k.code_id, k.participant_id`);

/** Per source and credited participant, the codes coded there (one short row per pair, not per coding). */
export const loadSourceGroups = (db: Db, kinds: readonly SourceKind[] | undefined, coders?: CoderChoice): SourceGroup[] =>
  db
    .all<{ sourceId: number; participantId: number | null; codes: string }>(sql`SELECT k.source_id AS sourceId, k.participant_id AS participantId,
        group_concat(DISTINCT k.code_id) AS codes
      FROM coding_credit k ${creditJoin(kinds, coders)} GROUP BY k.source_id, k.participant_id`)
    .map((g) => ({ sourceId: g.sourceId, participantId: g.participantId, codeIds: g.codes.split(',').map(Number) }));

/** Codings with the unit and participant they are credited to, for co-occurrence. */
export const loadCreditedCodings = (db: Db, kinds?: readonly SourceKind[], coders?: CoderChoice): CreditedCoding[] =>
  db.all<CreditedCoding>(sql`SELECT c.id, c.code_id AS codeId, c.source_id AS sourceId, c.start, c.end,
      k.unit_id AS unitId, k.participant_id AS participantId
    FROM codings c JOIN sources s ON s.id = c.source_id LEFT JOIN coding_credit k ON k.coding_id = c.id
    WHERE 1 = 1 ${kindFilter(kinds)} ${coderFilter(coders)}`);

export const unitRanges = (db: Db, ids: readonly number[]): Map<number, { start: number; end: number }> =>
  new Map(
    ids.length === 0
      ? []
      : db.all<{ id: number; start: number; end: number }>(sql`SELECT id, start, end FROM units WHERE id IN (${idList(ids)})`).map((u) => [u.id, u]),
  );

export function loadFrameworkInput(db: Db): FrameworkInput {
  const frameworks = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM frameworks ORDER BY id`);
  const elements = db.all<{ id: number; frameworkId: number; name: string }>(
    sql`SELECT id, framework_id AS frameworkId, name FROM framework_elements ORDER BY framework_id, position, id`,
  );
  const counts = db.all<{ codeId: number; n: number }>(sql`SELECT code_id AS codeId, count(*) AS n FROM codings GROUP BY code_id`);
  return {
    codes: loadCodes(db),
    codingCounts: new Map(counts.map((c) => [c.codeId, c.n])),
    frameworks: frameworks.map((f) => ({ ...f, elements: elements.filter((e) => e.frameworkId === f.id) })),
    codeLinks: db.all<{ codeId: number; elementId: number }>(sql`SELECT code_id AS codeId, element_id AS elementId FROM code_element_links`),
    questionIds: db.all<{ id: number }>(sql`SELECT id FROM questions`).map((q) => q.id),
    questionLinks: db.all<{ questionId: number; elementId: number }>(
      sql`SELECT question_id AS questionId, element_id AS elementId FROM question_element_links`,
    ),
  };
}

export type PassageSource = { id: number; name: string; text: string };

export const sourcesByIds = (db: Db, ids: readonly number[]): PassageSource[] =>
  ids.length === 0 ? [] : db.all<PassageSource>(sql`SELECT id, name, text FROM sources WHERE id IN (${idList(ids)})`);

export const codeNames = (db: Db): Map<number, { name: string; color: string }> =>
  new Map(db.all<{ id: number; name: string; color: string }>(sql`SELECT id, name, color FROM codes`).map((c) => [c.id, c]));

export const participantLabels = (db: Db): Map<number, string> =>
  new Map(db.all<{ id: number; label: string }>(sql`SELECT id, label FROM participants`).map((p) => [p.id, p.label]));

export type WordUnit = UnitLite & { kind: string; isInterviewer: number };

/** Texts and units of the chosen sources (all when none are named), for word counts. */
export function loadTexts(db: Db, sourceIds?: readonly number[]): { sources: { id: number; text: string }[]; units: WordUnit[] } {
  const where = sourceIds && sourceIds.length > 0 ? sql`WHERE s.id IN (${idList(sourceIds)})` : sql``;
  return {
    sources: db.all<{ id: number; text: string }>(sql`SELECT s.id, s.text FROM sources s ${where} ORDER BY s.position, s.id`),
    units: db.all<WordUnit>(sql`SELECT u.id, u.source_id AS sourceId, u.start, u.end, u.participant_id AS participantId, u.kind,
        u.is_interviewer AS isInterviewer FROM units u JOIN sources s ON s.id = u.source_id ${where}`),
  };
}

export const existingIds = (db: Db, table: 'sources' | 'participants' | 'codes', ids: readonly number[]): Set<number> =>
  new Set(
    ids.length === 0
      ? []
      : db
          .all<{ id: number }>(
            table === 'sources'
              ? sql`SELECT id FROM sources WHERE id IN (${idList(ids)})`
              : table === 'participants'
                ? sql`SELECT id FROM participants WHERE id IN (${idList(ids)})`
                : sql`SELECT id FROM codes WHERE id IN (${idList(ids)})`,
          )
          .map((r) => r.id),
  );
