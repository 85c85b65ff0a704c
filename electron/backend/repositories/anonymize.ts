/** The anonymization review in the original project: lists, rules, decisions, and the texts detection reads. */
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Field } from '../../../shared/domain/anonymize/fields.ts';
import type { Decision } from '../../../shared/domain/anonymize/types.ts';

export type StoredSettings = { names: string; terms: string; rules: string; updatedAt: string | null };

export const getAnonymizeSettings = (db: Db): StoredSettings =>
  db.get<StoredSettings>(sql`SELECT names, terms, rules, updated_at AS updatedAt FROM anonymize_settings WHERE id = 1`) ?? { names: '', terms: '', rules: '{}', updatedAt: null };

export function saveAnonymizeSettings(db: Db, s: { names: string; terms: string; rules: string }, now: string): void {
  db.run(sql`INSERT INTO anonymize_settings (id, names, terms, rules, updated_at) VALUES (1, ${s.names}, ${s.terms}, ${s.rules}, ${now})
             ON CONFLICT (id) DO UPDATE SET names = excluded.names, terms = excluded.terms, rules = excluded.rules, updated_at = excluded.updated_at`);
}

export type StoredDecision = { key: string; decision: Decision; replacement: string | null; coderId: number | null; decidedAt: string };

export const listDecisions = (db: Db): StoredDecision[] =>
  db.all<StoredDecision>(sql`SELECT key, decision, replacement, coder_id AS coderId, decided_at AS decidedAt FROM anonymize_decisions ORDER BY key`);

export function saveDecision(db: Db, d: StoredDecision): void {
  db.run(sql`INSERT INTO anonymize_decisions (key, decision, replacement, coder_id, decided_at)
             VALUES (${d.key}, ${d.decision}, ${d.replacement}, ${d.coderId}, ${d.decidedAt})
             ON CONFLICT (key) DO UPDATE SET decision = excluded.decision, replacement = excluded.replacement,
               coder_id = excluded.coder_id, decided_at = excluded.decided_at`);
}

export const deleteDecisions = (db: Db, keys: readonly string[]): void => {
  db.run(sql`DELETE FROM anonymize_decisions WHERE key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`);
};

export const clearDecisions = (db: Db): void => {
  db.run(sql`DELETE FROM anonymize_decisions`);
};

/** Names of the coders who made review decisions: who approved. */
export const decisionCoders = (db: Db): string[] =>
  db.all<{ name: string }>(sql`SELECT DISTINCT c.name FROM anonymize_decisions d JOIN coders c ON c.id = d.coder_id ORDER BY c.name`).map((r) => r.name);

/** Participants, whose names join the names list. */
export const participantNames = (db: Db): { id: number; label: string; name: string }[] =>
  db.all<{ id: number; label: string; name: string }>(sql`SELECT id, label, name FROM participants ORDER BY label COLLATE NOCASE, id`);

type Row = { ref: string; text: string; where: string };
const plain = (rows: Row[]): Field[] => rows.filter((r) => r.text !== '').map((r) => ({ ...r, html: false }));

/**
 * Every text a researcher wrote or imported that a pseudonymized copy keeps, as fields
 * `<table>:<id>:<column>`, in a fixed order (so replacements are numbered the same each time).
 * Participants' names and descriptions are not among them: a copy keeps only labels.
 */
export function readFields(db: Db): Field[] {
  return [
    ...plain(db.all<Row>(sql`SELECT 'project_meta:name:value' AS ref, value AS text, 'Project name' AS "where" FROM project_meta WHERE key = 'name'`)),
    ...plain(db.all<Row>(sql`SELECT 'participants:' || id || ':label' AS ref, label AS text, 'Participant label' AS "where" FROM participants ORDER BY label COLLATE NOCASE, id`)),
    ...plain(db.all<Row>(sql`SELECT 'attributes:' || id || ':name' AS ref, name AS text, 'Attribute' AS "where" FROM attributes ORDER BY position, id`)),
    ...plain(db.all<Row>(sql`SELECT 'participant_attributes:' || pa.participant_id || '-' || pa.attribute_id || ':value' AS ref, pa.value AS text,
        'Attribute “' || a.name || '” of ' || p.label AS "where"
      FROM participant_attributes pa JOIN attributes a ON a.id = pa.attribute_id JOIN participants p ON p.id = pa.participant_id
      ORDER BY p.label COLLATE NOCASE, a.position, a.id`)),
    ...db
      .all<{ id: number; name: string }>(sql`SELECT id, name FROM sources ORDER BY position, id`)
      .flatMap((s) => plain([{ ref: `sources:${s.id}:name`, text: s.name, where: 'Source name' }])),
    ...plain(db.all<Row>(sql`SELECT 'sources:' || id || ':text' AS ref, text, name AS "where" FROM sources ORDER BY position, id`)),
    ...plain(db.all<Row>(sql`SELECT 'questions:' || q.id || ':text' AS ref, q.text, 'Question ' || q.key || ' of ' || s.name AS "where"
      FROM questions q JOIN sources s ON s.id = q.source_id ORDER BY s.position, q.position, q.id`)),
    ...plain(db.all<Row>(sql`SELECT 'questionnaire_families:' || id || ':name' AS ref, name AS text, 'Questionnaire' AS "where" FROM questionnaire_families ORDER BY id`)),
    ...db
      .all<{ id: number; name: string; definition: string; whenToUse: string; whenNotToUse: string; example: string }>(
        sql`SELECT id, name, definition, when_to_use AS whenToUse, when_not_to_use AS whenNotToUse, example FROM codes ORDER BY coalesce(parent_id, 0), position, id`,
      )
      .flatMap((c) => plain([
        { ref: `codes:${c.id}:name`, text: c.name, where: 'Code name' },
        { ref: `codes:${c.id}:definition`, text: c.definition, where: `Definition of ${c.name}` },
        { ref: `codes:${c.id}:when_to_use`, text: c.whenToUse, where: `When to use ${c.name}` },
        { ref: `codes:${c.id}:when_not_to_use`, text: c.whenNotToUse, where: `When not to use ${c.name}` },
        { ref: `codes:${c.id}:example`, text: c.example, where: `Example of ${c.name}` },
      ])),
    ...db
      .all<{ id: number; name: string; description: string }>(sql`SELECT id, name, description FROM frameworks ORDER BY id`)
      .flatMap((f) => plain([
        { ref: `frameworks:${f.id}:name`, text: f.name, where: 'Framework' },
        { ref: `frameworks:${f.id}:description`, text: f.description, where: `Description of ${f.name}` },
      ])),
    ...db
      .all<{ id: number; name: string; description: string }>(sql`SELECT id, name, description FROM framework_elements ORDER BY framework_id, position, id`)
      .flatMap((e) => plain([
        { ref: `framework_elements:${e.id}:name`, text: e.name, where: 'Framework element' },
        { ref: `framework_elements:${e.id}:description`, text: e.description, where: `Description of ${e.name}` },
      ])),
    ...db
      .all<{ id: number; title: string; body: string; targetKind: string }>(sql`SELECT id, title, body, target_kind AS targetKind FROM memos ORDER BY id`)
      .flatMap((m) => [
        ...plain([{ ref: `memos:${m.id}:title`, text: m.title, where: 'Memo title' }]),
        ...(m.body === '' ? [] : [{ ref: `memos:${m.id}:body`, text: m.body, html: true, where: m.title ? `Memo “${m.title}”` : `Memo on a ${m.targetKind}` }]),
      ]),
  ];
}
