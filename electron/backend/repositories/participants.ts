import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { AttributeDef, AttributeType, Participant } from '../../../shared/domain/types.ts';

type Row = { id: number; label: string; name: string; description: string; codingCount: number };
type AttrRow = { participantId: number; name: string; type: AttributeType; value: string };

const typed = (type: AttributeType, value: string): string | number => (type === 'number' ? Number(value) : value);

function withAttributes(db: Db, rows: Row[]): Participant[] {
  const attrs = db.all<AttrRow>(sql`SELECT pa.participant_id AS participantId, a.name, a.type, pa.value
    FROM participant_attributes pa JOIN attributes a ON a.id = pa.attribute_id ORDER BY a.position, a.id`);
  const byParticipant = new Map<number, Record<string, string | number>>();
  for (const a of attrs) {
    const rec = byParticipant.get(a.participantId) ?? {};
    rec[a.name] = typed(a.type, a.value);
    byParticipant.set(a.participantId, rec);
  }
  return rows.map((r) => ({ ...r, attributes: byParticipant.get(r.id) ?? {} }));
}

/**
 * A coding is credited to the participant of the unit it lies in: the unit that contains
 * the coding's start.
 */
export const listParticipants = (db: Db): Participant[] =>
  withAttributes(
    db,
    db.all<Row>(sql`SELECT p.id, p.label, p.name, p.description,
        (SELECT count(*) FROM codings c JOIN units u
           ON u.source_id = c.source_id AND c.start >= u.start AND c.start < u.end
         WHERE u.participant_id = p.id) AS codingCount
      FROM participants p ORDER BY p.label COLLATE NOCASE`),
  );

export const getParticipant = (db: Db, id: number): Participant | undefined =>
  listParticipants(db).find((p) => p.id === id);

export const findParticipantByLabel = (db: Db, label: string): { id: number } | undefined =>
  db.get<{ id: number }>(sql`SELECT id FROM participants WHERE label = ${label}`);

export const participantExists = (db: Db, id: number): boolean => db.get(sql`SELECT 1 FROM participants WHERE id = ${id}`) !== undefined;

/** Every participant's id, label and name, by label. */
export const listParticipantLabels = (db: Db): { id: number; label: string; name: string }[] =>
  db.all<{ id: number; label: string; name: string }>(sql`SELECT id, label, name FROM participants ORDER BY label`);

export function updateParticipant(db: Db, id: number, p: { label: string; name: string; description: string }): void {
  db.run(sql`UPDATE participants SET label = ${p.label}, name = ${p.name},
      description = ${p.description} WHERE id = ${id}`);
}

export function insertParticipant(db: Db, p: { label: string; name: string; description: string }, now: string): number {
  return db.run(sql`INSERT INTO participants (label, name, description, created_at)
                    VALUES (${p.label}, ${p.name}, ${p.description}, ${now})`).lastInsertRowid;
}

export const listAttributes = (db: Db): AttributeDef[] =>
  db.all<AttributeDef>(sql`SELECT id, name, type, position FROM attributes ORDER BY position, id`);

export const findAttribute = (db: Db, name: string): AttributeDef | undefined =>
  db.get<AttributeDef>(sql`SELECT id, name, type, position FROM attributes WHERE name = ${name}`);

export function defineAttribute(db: Db, name: string, type: AttributeType): AttributeDef {
  const existing = findAttribute(db, name);
  if (existing) return existing;
  const position = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attributes`)!.n;
  const id = db.run(sql`INSERT INTO attributes (name, type, position) VALUES (${name}, ${type}, ${position})`).lastInsertRowid;
  return { id, name, type, position };
}

export const getAttributeValue = (db: Db, participantId: number, attributeId: number): string | undefined =>
  db.get<{ value: string }>(sql`SELECT value FROM participant_attributes WHERE participant_id = ${participantId} AND attribute_id = ${attributeId}`)?.value;

export function setAttributeValue(db: Db, participantId: number, attributeId: number, value: string | null): void {
  if (value === null) {
    db.run(sql`DELETE FROM participant_attributes WHERE participant_id = ${participantId} AND attribute_id = ${attributeId}`);
    return;
  }
  db.run(sql`INSERT INTO participant_attributes (participant_id, attribute_id, value)
             VALUES (${participantId}, ${attributeId}, ${value})
             ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`);
}
