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

export const updateFramework = (db: Db, id: number, name: string, description: string): void => {
  db.run(sql`UPDATE frameworks SET name = ${name}, description = ${description} WHERE id = ${id}`);
};

/** Deletes a framework with its elements and every code and question link to them. */
export function deleteFramework(db: Db, id: number): { deletedElements: number; deletedLinks: number } {
  const inFramework = sql`SELECT id FROM framework_elements WHERE framework_id = ${id}`;
  const deletedLinks =
    db.run(sql`DELETE FROM code_element_links WHERE element_id IN (${inFramework})`).changes +
    db.run(sql`DELETE FROM question_element_links WHERE element_id IN (${inFramework})`).changes;
  const deletedElements = db.run(sql`DELETE FROM framework_elements WHERE framework_id = ${id}`).changes;
  db.run(sql`DELETE FROM frameworks WHERE id = ${id}`);
  return { deletedElements, deletedLinks };
}

export const insertElement = (db: Db, frameworkId: number, e: { name: string; description: string }, position: number): number =>
  db.run(sql`INSERT INTO framework_elements (framework_id, name, description, position)
    VALUES (${frameworkId}, ${e.name}, ${e.description}, ${position})`).lastInsertRowid;

export const updateElement = (db: Db, id: number, name: string, description: string): void => {
  db.run(sql`UPDATE framework_elements SET name = ${name}, description = ${description} WHERE id = ${id}`);
};

/** Deletes an element and its code and question links; positions are left for the caller to renumber. */
export function deleteElement(db: Db, id: number): { removed: number; deletedLinks: number } {
  const deletedLinks =
    db.run(sql`DELETE FROM code_element_links WHERE element_id = ${id}`).changes +
    db.run(sql`DELETE FROM question_element_links WHERE element_id = ${id}`).changes;
  const removed = db.run(sql`DELETE FROM framework_elements WHERE id = ${id}`).changes;
  return { removed, deletedLinks };
}

/** Returns 1 when the link is new, 0 when it was there already. */
export const linkQuestionToElement = (db: Db, questionId: number, elementId: number): number =>
  db.run(sql`INSERT OR IGNORE INTO question_element_links (question_id, element_id) VALUES (${questionId}, ${elementId})`).changes;

export const unlinkQuestionFromElement = (db: Db, questionId: number, elementId: number): number =>
  db.run(sql`DELETE FROM question_element_links WHERE question_id = ${questionId} AND element_id = ${elementId}`).changes;
