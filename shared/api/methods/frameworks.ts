import { z } from 'zod';
import { command, query } from '../define.ts';
import { empty, freeText, id, label } from '../schemas.ts';
import type { Code, Framework, FrameworkElement, Question } from '../../domain/types.ts';

const description = freeText('Description', 20000);
const frameworkName = label('Framework name');
const elementName = label('Element name');

/** Everything the crosswalk matrix needs in one call. */
export type Crosswalk = {
  codes: Code[];
  frameworks: Framework[];
  questions: Question[];
  /** [codeId, elementId] pairs. */
  links: [number, number][];
  /** [questionId, elementId] pairs. */
  questionLinks: [number, number][];
};

export type LinkResult = { elementId: number; linked: boolean; changed: boolean };

export const frameworkMethods = {
  'frameworks.create': command(
    z.object({ name: frameworkName, description: description.default('') }).strict(),
  ).returns<Framework>(),
  'frameworks.rename': command(
    z.object({ id, name: frameworkName, description: description.optional() }).strict(),
  ).returns<Framework>(),
  'frameworks.delete': command(z.object({ id }).strict()).returns<{ deletedElements: number; deletedLinks: number }>(),
  'frameworks.addElement': command(
    z
      .object({
        frameworkId: id,
        name: elementName,
        description: description.default(''),
        /** 0-based place among the framework's elements; appended when left out. */
        position: z.number().int().nonnegative().optional(),
      })
      .strict(),
  ).returns<FrameworkElement>(),
  'frameworks.updateElement': command(
    z
      .object({
        id,
        name: elementName.optional(),
        description: description.optional(),
        position: z.number().int().nonnegative().optional(),
      })
      .strict(),
  ).returns<FrameworkElement>(),
  'frameworks.removeElement': command(z.object({ id }).strict()).returns<{ removed: number; deletedLinks: number }>(),
  /** Links (linked: true) or unlinks a code and a framework element; idempotent. */
  'frameworks.link': command(z.object({ codeId: id, elementId: id, linked: z.boolean() }).strict()).returns<
    LinkResult & { codeId: number }
  >(),
  /** Links or unlinks a questionnaire item and a framework element; idempotent. */
  'frameworks.linkQuestion': command(z.object({ questionId: id, elementId: id, linked: z.boolean() }).strict()).returns<
    LinkResult & { questionId: number }
  >(),
  'frameworks.crosswalk': query(empty).returns<Crosswalk>(),
};
