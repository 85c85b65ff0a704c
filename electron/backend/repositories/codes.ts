import type { Db } from '../db/database.ts';
import { sql, sqlIds } from '../db/sql.ts';
import type { Code, CodeOrigin, Framework, FrameworkElement } from '../../../shared/domain/types.ts';

type CodeRow = Omit<Code, 'elementIds'> & { elementIds: string | null };

const codeRows = (db: Db, where: ReturnType<typeof sql>): Code[] =>
  db
    .all<CodeRow>(sql`SELECT c.id, c.parent_id AS parentId, c.name, c.color, c.definition, c.when_to_use AS whenToUse,
        c.when_not_to_use AS whenNotToUse, c.example, c.origin, c.position, c.created_at AS createdAt,
        (SELECT count(*) FROM codings g WHERE g.code_id = c.id) AS codingCount,
        (SELECT group_concat(l.element_id) FROM code_element_links l WHERE l.code_id = c.id) AS elementIds
      FROM codes c ${where} ORDER BY c.parent_id NULLS FIRST, c.position, c.id`)
    .map((r) => ({ ...r, elementIds: r.elementIds ? r.elementIds.split(',').map(Number) : [] }));

export const listCodes = (db: Db): Code[] => codeRows(db, sql``);
export const getCode = (db: Db, id: number): Code | undefined => codeRows(db, sql`WHERE c.id = ${id}`)[0];

export const siblingNameTaken = (db: Db, parentId: number | null, name: string, exceptId = 0): boolean =>
  db.get(sql`SELECT 1 FROM codes WHERE coalesce(parent_id, 0) = ${parentId ?? 0} AND name = ${name} COLLATE NOCASE
             AND id <> ${exceptId}`) !== undefined;

export const nextPosition = (db: Db, parentId: number | null): number =>
  db.get<{ n: number }>(sql`SELECT coalesce(max(position) + 1, 0) AS n FROM codes WHERE coalesce(parent_id, 0) = ${parentId ?? 0}`)!.n;

export type NewCode = {
  parentId: number | null;
  name: string;
  color: string;
  definition: string;
  origin: CodeOrigin;
  whenToUse?: string;
  whenNotToUse?: string;
  example?: string;
};

export function insertCode(db: Db, c: NewCode, coderId: number, now: string): number {
  return db.run(sql`INSERT INTO codes (parent_id, name, color, definition, when_to_use, when_not_to_use, example, origin, position, created_at, created_by)
    VALUES (${c.parentId}, ${c.name}, ${c.color}, ${c.definition}, ${c.whenToUse ?? ''}, ${c.whenNotToUse ?? ''}, ${c.example ?? ''},
            ${c.origin}, ${nextPosition(db, c.parentId)}, ${now}, ${coderId})`).lastInsertRowid;
}

/** The code and every code below it, parents before children. */
export const subtreeIds = (db: Db, id: number): number[] =>
  db
    .all<{ id: number }>(sql`WITH RECURSIVE t(id, depth) AS (
        SELECT ${id}, 0 UNION ALL SELECT c.id, t.depth + 1 FROM codes c JOIN t ON c.parent_id = t.id)
      SELECT id FROM t ORDER BY depth`)
    .map((r) => r.id);

export function listFrameworks(db: Db): Framework[] {
  const frameworks = db.all<Omit<Framework, 'elements'>>(sql`SELECT id, name, description FROM frameworks ORDER BY id`);
  const elements = db.all<FrameworkElement>(sql`SELECT id, framework_id AS frameworkId, name, description, position
    FROM framework_elements ORDER BY framework_id, position, id`);
  return frameworks.map((f) => ({ ...f, elements: elements.filter((e) => e.frameworkId === f.id) }));
}

export function insertFramework(db: Db, name: string, description: string, elements: { name: string; description: string }[]): number {
  const fid = db.run(sql`INSERT INTO frameworks (name, description) VALUES (${name}, ${description})`).lastInsertRowid;
  elements.forEach((e, i) => {
    db.run(sql`INSERT INTO framework_elements (framework_id, name, description, position) VALUES (${fid}, ${e.name}, ${e.description}, ${i})`);
  });
  return fid;
}

/** Returns 1 when the link is new, 0 when it was there already. */
export const linkCodeToElement = (db: Db, codeId: number, elementId: number): number =>
  db.run(sql`INSERT OR IGNORE INTO code_element_links (code_id, element_id) VALUES (${codeId}, ${elementId})`).changes;

export const unlinkCodeFromElement = (db: Db, codeId: number, elementId: number): number =>
  db.run(sql`DELETE FROM code_element_links WHERE code_id = ${codeId} AND element_id = ${elementId}`).changes;

/** The element links of the `fromIds` codes become links of `toId` (kept once). */
export function moveElementLinks(db: Db, fromIds: readonly number[], toId: number): void {
  const ids = sqlIds(fromIds);
  db.run(sql`INSERT OR IGNORE INTO code_element_links (code_id, element_id)
      SELECT ${toId}, element_id FROM code_element_links WHERE code_id IN (${ids})`);
  db.run(sql`DELETE FROM code_element_links WHERE code_id IN (${ids})`);
}

export const getCodeParent = (db: Db, id: number): { parentId: number | null } | undefined =>
  db.get<{ parentId: number | null }>(sql`SELECT parent_id AS parentId FROM codes WHERE id = ${id}`);

export const countCodes = (db: Db): number => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM codes`)!.n;

/** Every code's colour, and whether it is a top-level code (a scheme section or a category of its own). */
export const codeColors = (db: Db): { color: string; top: boolean }[] =>
  db.all<{ color: string; top: number }>(sql`SELECT color, parent_id IS NULL AS top FROM codes`).map((c) => ({ color: c.color, top: c.top === 1 }));

export const renameCode = (db: Db, id: number, name: string): void => {
  db.run(sql`UPDATE codes SET name = ${name} WHERE id = ${id}`);
};

export const recolorCode = (db: Db, id: number, color: string): void => {
  db.run(sql`UPDATE codes SET color = ${color} WHERE id = ${id}`);
};

export type CodeDescription = Pick<Code, 'definition' | 'whenToUse' | 'whenNotToUse' | 'example'>;

export const describeCode = (db: Db, id: number, d: CodeDescription): void => {
  db.run(sql`UPDATE codes SET definition = ${d.definition},
      when_to_use = ${d.whenToUse}, when_not_to_use = ${d.whenNotToUse},
      example = ${d.example} WHERE id = ${id}`);
};

export const placeCode = (db: Db, id: number, parentId: number | null, position: number): void => {
  db.run(sql`UPDATE codes SET parent_id = ${parentId}, position = ${position} WHERE id = ${id}`);
};

export const setCodePosition = (db: Db, id: number, position: number): void => {
  db.run(sql`UPDATE codes SET position = ${position} WHERE id = ${id}`);
};

export const hasSubCodes = (db: Db, id: number): boolean => db.get(sql`SELECT 1 FROM codes WHERE parent_id = ${id}`) !== undefined;

/** Deletes one code; its sub-codes, codings and memos must be gone or moved first. */
export const deleteCode = (db: Db, id: number): void => {
  db.run(sql`DELETE FROM codes WHERE id = ${id}`);
};

/** Sub-codes of the `ids` codes that are not among them, in the tree's order. */
export const subCodesOutside = (db: Db, ids: readonly number[]): { id: number; name: string; parentName: string }[] =>
  db.all<{ id: number; name: string; parentName: string }>(sql`SELECT c.id, c.name, p.name AS parentName
    FROM codes c JOIN codes p ON p.id = c.parent_id
    WHERE c.parent_id IN (${sqlIds(ids)}) AND c.id NOT IN (${sqlIds(ids)})
    ORDER BY p.position, p.id, c.position, c.id`);

/** What deleting these codes would take with it: codes, their codings, and memos on either. */
export function deleteImpact(db: Db, codeIds: readonly number[]): { codes: number; codings: number; memos: number } {
  const ids = sqlIds(codeIds);
  return db.get<{ codes: number; codings: number; memos: number }>(sql`SELECT
      (SELECT count(*) FROM codes WHERE id IN (${ids})) AS codes,
      (SELECT count(*) FROM codings WHERE code_id IN (${ids})) AS codings,
      (SELECT count(*) FROM memos WHERE (target_kind = 'code' AND target_id IN (${ids}))
         OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN (${ids})))) AS memos`)!;
}
