import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Ctx } from '../context.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode, insertFramework, linkCodeToElement, listCodes, listFrameworks, unlinkCodeFromElement } from '../repositories/codes.ts';
import {
  codeLinks,
  deleteElement,
  deleteFramework,
  elementIdsInOrder,
  elementNameTaken,
  frameworkNameTaken,
  getElement,
  getFramework,
  insertElement,
  linkQuestionToElement,
  questionLinks,
  renumberElements,
  unlinkQuestionFromElement,
  updateElement,
  updateFramework,
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
    updateFramework(ctx.db, f.id, input.name, input.description ?? f.description);
    ctx.audit('rename', 'framework', f.id, { before: f.name, after: input.name });
    return getFramework(ctx.db, f.id)!;
  },
  'frameworks.delete': (input, ctx) => {
    const f = found(getFramework(ctx.db, input.id), `Framework ${input.id}`);
    labelOperation(ctx.db, `Delete framework ${q(f.name)}`);
    const { deletedElements, deletedLinks } = deleteFramework(ctx.db, f.id);
    ctx.audit('delete', 'framework', f.id, { name: f.name, elements: deletedElements, links: deletedLinks });
    return { deletedElements, deletedLinks };
  },
  'frameworks.addElement': (input, ctx) => {
    const f = found(getFramework(ctx.db, input.frameworkId), `Framework ${input.frameworkId}`, 'frameworkId');
    elementNameFree(ctx, f.id, input.name);
    labelOperation(ctx.db, `Add ${q(input.name)} to ${q(f.name)}`);
    const id = insertElement(ctx.db, f.id, input, f.elements.length);
    if (input.position !== undefined) place(ctx, f.id, id, input.position);
    ctx.audit('create', 'framework_element', id, { frameworkId: f.id, name: input.name });
    return getElement(ctx.db, id)!;
  },
  'frameworks.updateElement': (input, ctx) => {
    const e = found(getElement(ctx.db, input.id), `Framework element ${input.id}`);
    if (input.name !== undefined) elementNameFree(ctx, e.frameworkId, input.name, e.id);
    labelOperation(ctx.db, input.name !== undefined && input.name !== e.name ? `Rename element ${q(e.name)} to ${q(input.name)}` : `Edit element ${q(e.name)}`);
    updateElement(ctx.db, e.id, input.name ?? e.name, input.description ?? e.description);
    if (input.position !== undefined) place(ctx, e.frameworkId, e.id, input.position);
    ctx.audit('update', 'framework_element', e.id, { before: { name: e.name, position: e.position }, after: input });
    return getElement(ctx.db, e.id)!;
  },
  'frameworks.removeElement': (input, ctx) => {
    const e = found(getElement(ctx.db, input.id), `Framework element ${input.id}`);
    labelOperation(ctx.db, `Remove element ${q(e.name)}`);
    const { removed, deletedLinks } = deleteElement(ctx.db, e.id);
    renumberElements(ctx.db, elementIdsInOrder(ctx.db, e.frameworkId));
    ctx.audit('delete', 'framework_element', e.id, { name: e.name, links: deletedLinks });
    return { removed, deletedLinks };
  },
  'frameworks.link': (input, ctx) => {
    const code = found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const e = found(getElement(ctx.db, input.elementId), `Framework element ${input.elementId}`, 'elementId');
    const changed = input.linked
      ? linkCodeToElement(ctx.db, code.id, e.id)
      : unlinkCodeFromElement(ctx.db, code.id, e.id);
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
      ? linkQuestionToElement(ctx.db, question.id, e.id)
      : unlinkQuestionFromElement(ctx.db, question.id, e.id);
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
