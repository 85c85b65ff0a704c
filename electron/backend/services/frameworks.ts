import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Ctx } from '../context.ts';
import { sql } from '../db/sql.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode, insertFramework, listCodes, listFrameworks } from '../repositories/codes.ts';
import {
  codeLinks,
  elementIdsInOrder,
  elementNameTaken,
  frameworkNameTaken,
  getElement,
  getFramework,
  questionLinks,
  renumberElements,
} from '../repositories/frameworks.ts';
import { listQuestions } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M =
  | 'frameworks.create'
  | 'frameworks.rename'
  | 'frameworks.delete'
  | 'frameworks.addElement'
  | 'frameworks.updateElement'
  | 'frameworks.removeElement'
  | 'frameworks.link'
  | 'frameworks.linkQuestion'
  | 'frameworks.crosswalk';

const frameworkNameFree = (ctx: Ctx, name: string, exceptId = 0) => {
  if (frameworkNameTaken(ctx.db, name, exceptId)) throw new ApiFailure('conflict', `A framework named ${q(name)} already exists`, 'name');
};

const elementNameFree = (ctx: Ctx, frameworkId: number, name: string, exceptId = 0) => {
  if (elementNameTaken(ctx.db, frameworkId, name, exceptId)) {
    throw new ApiFailure('conflict', `This framework already has an element named ${q(name)}`, 'name');
  }
};

/** Puts an element at a 0-based place among its framework's elements (clamped to the end). */
function place(ctx: Ctx, frameworkId: number, elementId: number, position: number): void {
  const ids = elementIdsInOrder(ctx.db, frameworkId).filter((id) => id !== elementId);
  ids.splice(Math.min(position, ids.length), 0, elementId);
  renumberElements(ctx.db, ids);
}

export const frameworkHandlers: HandlerMap<M> = {
  'frameworks.create': (input, ctx) => {
    frameworkNameFree(ctx, input.name);
    labelOperation(ctx.db, `Create framework ${q(input.name)}`);
    const id = insertFramework(ctx.db, input.name, input.description, []);
    ctx.audit('create', 'framework', id, { name: input.name });
    return getFramework(ctx.db, id)!;
  },
  'frameworks.rename': (input, ctx) => {
    const f = found(getFramework(ctx.db, input.id), `Framework ${input.id}`);
    frameworkNameFree(ctx, input.name, f.id);
    labelOperation(ctx.db, f.name === input.name ? `Edit framework ${q(f.name)}` : `Rename framework ${q(f.name)} to ${q(input.name)}`);
    ctx.db.run(sql`UPDATE frameworks SET name = ${input.name}, description = ${input.description ?? f.description} WHERE id = ${f.id}`);
    ctx.audit('rename', 'framework', f.id, { before: f.name, after: input.name });
    return getFramework(ctx.db, f.id)!;
  },
  'frameworks.delete': (input, ctx) => {
    const f = found(getFramework(ctx.db, input.id), `Framework ${input.id}`);
    labelOperation(ctx.db, `Delete framework ${q(f.name)}`);
    const inFramework = sql`SELECT id FROM framework_elements WHERE framework_id = ${f.id}`;
    const deletedLinks =
      ctx.db.run(sql`DELETE FROM code_element_links WHERE element_id IN (${inFramework})`).changes +
      ctx.db.run(sql`DELETE FROM question_element_links WHERE element_id IN (${inFramework})`).changes;
    const deletedElements = ctx.db.run(sql`DELETE FROM framework_elements WHERE framework_id = ${f.id}`).changes;
    ctx.db.run(sql`DELETE FROM frameworks WHERE id = ${f.id}`);
    ctx.audit('delete', 'framework', f.id, { name: f.name, elements: deletedElements, links: deletedLinks });
    return { deletedElements, deletedLinks };
  },
  'frameworks.addElement': (input, ctx) => {
    const f = found(getFramework(ctx.db, input.frameworkId), `Framework ${input.frameworkId}`, 'frameworkId');
    elementNameFree(ctx, f.id, input.name);
    labelOperation(ctx.db, `Add ${q(input.name)} to ${q(f.name)}`);
    const id = ctx.db.run(sql`INSERT INTO framework_elements (framework_id, name, description, position)
      VALUES (${f.id}, ${input.name}, ${input.description}, ${f.elements.length})`).lastInsertRowid;
    if (input.position !== undefined) place(ctx, f.id, id, input.position);
    ctx.audit('create', 'framework_element', id, { frameworkId: f.id, name: input.name });
    return getElement(ctx.db, id)!;
  },
  'frameworks.updateElement': (input, ctx) => {
    const e = found(getElement(ctx.db, input.id), `Framework element ${input.id}`);
    if (input.name !== undefined) elementNameFree(ctx, e.frameworkId, input.name, e.id);
    labelOperation(ctx.db, input.name !== undefined && input.name !== e.name ? `Rename element ${q(e.name)} to ${q(input.name)}` : `Edit element ${q(e.name)}`);
    ctx.db.run(sql`UPDATE framework_elements SET name = ${input.name ?? e.name}, description = ${input.description ?? e.description}
      WHERE id = ${e.id}`);
    if (input.position !== undefined) place(ctx, e.frameworkId, e.id, input.position);
    ctx.audit('update', 'framework_element', e.id, { before: { name: e.name, position: e.position }, after: input });
    return getElement(ctx.db, e.id)!;
  },
  'frameworks.removeElement': (input, ctx) => {
    const e = found(getElement(ctx.db, input.id), `Framework element ${input.id}`);
    labelOperation(ctx.db, `Remove element ${q(e.name)}`);
    const deletedLinks =
      ctx.db.run(sql`DELETE FROM code_element_links WHERE element_id = ${e.id}`).changes +
      ctx.db.run(sql`DELETE FROM question_element_links WHERE element_id = ${e.id}`).changes;
    const removed = ctx.db.run(sql`DELETE FROM framework_elements WHERE id = ${e.id}`).changes;
    renumberElements(ctx.db, elementIdsInOrder(ctx.db, e.frameworkId));
    ctx.audit('delete', 'framework_element', e.id, { name: e.name, links: deletedLinks });
    return { removed, deletedLinks };
  },
  'frameworks.link': (input, ctx) => {
    const code = found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const e = found(getElement(ctx.db, input.elementId), `Framework element ${input.elementId}`, 'elementId');
    const changed = input.linked
      ? ctx.db.run(sql`INSERT OR IGNORE INTO code_element_links (code_id, element_id) VALUES (${code.id}, ${e.id})`).changes
      : ctx.db.run(sql`DELETE FROM code_element_links WHERE code_id = ${code.id} AND element_id = ${e.id}`).changes;
    if (changed > 0) {
      labelOperation(ctx.db, `${input.linked ? 'Link' : 'Unlink'} ${q(code.name)} ${input.linked ? 'to' : 'from'} ${q(e.name)}`);
      ctx.audit(input.linked ? 'link' : 'unlink', 'code', code.id, { elementId: e.id });
    }
    return { codeId: code.id, elementId: e.id, linked: input.linked, changed: changed > 0 };
  },
  'frameworks.linkQuestion': (input, ctx) => {
    const question = found(listQuestions(ctx.db).find((x) => x.id === input.questionId), `Question ${input.questionId}`, 'questionId');
    const e = found(getElement(ctx.db, input.elementId), `Framework element ${input.elementId}`, 'elementId');
    const changed = input.linked
      ? ctx.db.run(sql`INSERT OR IGNORE INTO question_element_links (question_id, element_id) VALUES (${question.id}, ${e.id})`).changes
      : ctx.db.run(sql`DELETE FROM question_element_links WHERE question_id = ${question.id} AND element_id = ${e.id}`).changes;
    if (changed > 0) {
      labelOperation(ctx.db, `${input.linked ? 'Link' : 'Unlink'} question ${question.key} ${input.linked ? 'to' : 'from'} ${q(e.name)}`);
      ctx.audit(input.linked ? 'link' : 'unlink', 'question', question.id, { elementId: e.id });
    }
    return { questionId: question.id, elementId: e.id, linked: input.linked, changed: changed > 0 };
  },
  'frameworks.crosswalk': (_i, { db }) => ({
    codes: listCodes(db),
    frameworks: listFrameworks(db),
    questions: listQuestions(db),
    links: codeLinks(db),
    questionLinks: questionLinks(db),
  }),
};
