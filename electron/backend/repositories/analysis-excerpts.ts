import type { Db } from '../db/database.ts';
import { sql, sqlJoin, type SqlFragment } from '../db/sql.ts';
import type { Excerpt } from '../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import { idList, kindFilter } from './analysis.ts';

export type ExcerptFilter = {
  codeIds: number[];
  participantIds?: number[] | undefined;
  unattributed?: boolean | undefined;
  attribute?: { attributeId: number; value: string | null } | undefined;
  /** Each entry: the participant's value of that attribute is one of `values` (null: has none). All entries must hold. */
  attributeValues?: { attributeId: number; values: (string | null)[] }[] | undefined;
  sourceKinds?: SourceKind[] | undefined;
  coderIds?: number[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function credited(f: ExcerptFilter): SqlFragment {
  const coder = f.coderIds && f.coderIds.length > 0 ? sql`AND c.coder_id IN (${idList(f.coderIds)})` : sql``;
  // created_at is an ISO timestamp: the day is its first ten characters.
  const from = f.from ? sql`AND substr(c.created_at, 1, 10) >= ${f.from}` : sql``;
  const to = f.to ? sql`AND substr(c.created_at, 1, 10) <= ${f.to}` : sql``;
  // coding_credit (migration 0006) holds the unit each coding's start is credited to.
  return sql`SELECT c.id, c.code_id, c.source_id, c.start, c.end, c.quote, c.coder_id, c.created_at, cc.unit_id
    FROM codings c JOIN sources s ON s.id = c.source_id LEFT JOIN coding_credit cc ON cc.coding_id = c.id
    WHERE c.code_id IN (${idList(f.codeIds)}) ${kindFilter(f.sourceKinds)} ${coder} ${from} ${to}`;
}

function whoFilter(f: ExcerptFilter): SqlFragment {
  const who: SqlFragment[] = [];
  if (f.participantIds && f.participantIds.length > 0) who.push(sql`u.participant_id IN (${idList(f.participantIds)})`);
  if (f.unattributed) who.push(sql`u.participant_id IS NULL`);
  const anyWho = who.length === 0 ? sql`` : who.length === 1 ? sql`AND ${who[0]!}` : sql`AND (${who[0]!} OR ${who[1]!})`;
  const conditions = [...(f.attribute ? [{ attributeId: f.attribute.attributeId, values: [f.attribute.value] }] : []), ...(f.attributeValues ?? [])];
  return sql`${anyWho} ${sqlJoin(conditions.map(attributeCondition), ' ')}`;
}

/** The unit's participant has one of the values of the attribute (null: no value at all). */
function attributeCondition(a: { attributeId: number; values: (string | null)[] }): SqlFragment {
  const named = a.values.filter((v): v is string => v !== null);
  const withValue = sql`u.participant_id IN (SELECT participant_id FROM participant_attributes
      WHERE attribute_id = ${a.attributeId} AND value IN (SELECT value FROM json_each(${JSON.stringify(named)})))`;
  const without = sql`u.participant_id NOT IN (SELECT participant_id FROM participant_attributes WHERE attribute_id = ${a.attributeId})`;
  const either = !a.values.includes(null) ? withValue : named.length === 0 ? without : sql`(${withValue} OR ${without})`;
  return sql`AND u.participant_id IS NOT NULL AND ${either}`;
}

/** The filtered excerpts as rows k (the coding), s, d (its code), r (its coder), u (its unit), p, q. */
const filtered = (f: ExcerptFilter): SqlFragment => sql`FROM (${credited(f)}) k
    JOIN sources s ON s.id = k.source_id
    JOIN codes d ON d.id = k.code_id
    JOIN coders r ON r.id = k.coder_id
    LEFT JOIN units u ON u.id = k.unit_id
    LEFT JOIN participants p ON p.id = u.participant_id
    LEFT JOIN questions q ON q.id = u.question_id
    WHERE 1 = 1 ${whoFilter(f)}`;

export type ExcerptCounts = { excerpts: number; codes: number; sources: number; participants: number };

/** How many excerpts a filter matches, and over how many codes, sources and participants. */
export const excerptCounts = (db: Db, f: ExcerptFilter): ExcerptCounts =>
  db.get<ExcerptCounts>(sql`SELECT count(*) AS excerpts, count(DISTINCT k.code_id) AS codes, count(DISTINCT k.source_id) AS sources,
      count(DISTINCT u.participant_id) AS participants ${filtered(f)}`)!;

type Row = Omit<Excerpt, 'memos'>;

export function listExcerpts(db: Db, f: ExcerptFilter, page: { offset: number; limit: number }): { excerpts: Excerpt[]; total: number } {
  const base = filtered(f);
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n ${base}`)!.n;
  const rows = db.all<Row>(sql`SELECT k.id AS codingId, k.code_id AS codeId, d.name AS codeName, d.color AS codeColor,
      k.source_id AS sourceId, s.name AS sourceName, s.kind AS sourceKind, k.start, k.end, k.quote,
      p.id AS participantId, p.label AS participantLabel, r.name AS coderName, k.created_at AS createdAt,
      u.kind AS unitKind, u.speaker, u.timestamp_ms AS timestampMs, q.key AS questionKey, u.page,
      CASE WHEN u.id IS NULL THEN NULL ELSE (SELECT count(*) + 1 FROM units u2 WHERE u2.source_id = u.source_id AND u2.kind = u.kind
        AND (u2.start < u.start OR (u2.start = u.start AND u2.id < u.id))) END AS unitNumber
    ${base}
    ORDER BY s.position, s.id, k.start, k.end DESC, k.id
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  const memos = new Map<number, string[]>();
  if (rows.length > 0) {
    for (const m of db.all<{ targetId: number; text: string }>(sql`SELECT target_id AS targetId, text FROM memos
        WHERE target_kind = 'coding' AND target_id IN (${idList(rows.map((r) => r.codingId))}) ORDER BY created_at, id`)) {
      if (m.text.trim()) memos.set(m.targetId, [...(memos.get(m.targetId) ?? []), m.text]);
    }
  }
  return { excerpts: rows.map((r) => ({ ...r, memos: memos.get(r.codingId) ?? [] })), total };
}

export type ContextRow = { id: number; sourceId: number; start: number; end: number; text: string };

export const codingWithText = (db: Db, id: number): ContextRow | undefined =>
  db.get<ContextRow>(sql`SELECT c.id, c.source_id AS sourceId, c.start, c.end, s.text
    FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.id = ${id}`);

/** The unit before the one holding pos, and the unit after it, for a context window. */
export function neighbourUnits(db: Db, sourceId: number, start: number, end: number): { prevStart: number | null; nextEnd: number | null } {
  const prev = db.get<{ start: number }>(sql`SELECT start FROM units WHERE source_id = ${sourceId} AND start < ${start} AND end <= ${start}
    ORDER BY start DESC LIMIT 1`);
  const next = db.get<{ end: number }>(sql`SELECT end FROM units WHERE source_id = ${sourceId} AND start >= ${end}
    ORDER BY start LIMIT 1`);
  return { prevStart: prev?.start ?? null, nextEnd: next?.end ?? null };
}
