import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Framework, FrameworkElement } from '../../../shared/domain/types.ts';
import { listFrameworks } from './codes.ts';

export const getFramework = (db: Db, id: number): Framework | undefined => listFrameworks(db).find((f) => f.id === id);

export const getElement = (db: Db, id: number): FrameworkElement | undefined =>
  db.get<FrameworkElement>(sql`SELECT id, framework_id AS frameworkId, name, description, position
    FROM framework_elements WHERE id = ${id}`);

export const frameworkNameTaken = (db: Db, name: string, exceptId = 0): boolean =>
  db.get(sql`SELECT 1 FROM frameworks WHERE name = ${name} COLLATE NOCASE AND id <> ${exceptId}`) !== undefined;

export const elementNameTaken = (db: Db, frameworkId: number, name: string, exceptId = 0): boolean =>
  db.get(sql`SELECT 1 FROM framework_elements WHERE framework_id = ${frameworkId} AND name = ${name} COLLATE NOCASE
    AND id <> ${exceptId}`) !== undefined;

/** Writes positions 0..n-1 in the given order, touching only rows whose position changes. */
export function renumberElements(db: Db, orderedIds: readonly number[]): void {
  orderedIds.forEach((id, i) => {
    db.run(sql`UPDATE framework_elements SET position = ${i} WHERE id = ${id} AND position <> ${i}`);
  });
}

export const elementIdsInOrder = (db: Db, frameworkId: number): number[] =>
  db
    .all<{ id: number }>(sql`SELECT id FROM framework_elements WHERE framework_id = ${frameworkId} ORDER BY position, id`)
    .map((r) => r.id);

export const codeLinks = (db: Db): [number, number][] =>
  db
    .all<{ c: number; e: number }>(sql`SELECT code_id AS c, element_id AS e FROM code_element_links ORDER BY code_id, element_id`)
    .map((r) => [r.c, r.e]);

export const questionLinks = (db: Db): [number, number][] =>
  db
    .all<{ q: number; e: number }>(sql`SELECT question_id AS q, element_id AS e FROM question_element_links
      ORDER BY question_id, element_id`)
    .map((r) => [r.q, r.e]);
