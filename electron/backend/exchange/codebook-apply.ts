import type { Ctx } from '../context.ts';
import { describeCode, getCode, insertCode, insertFramework, linkCodeToElement, listFrameworks } from '../repositories/codes.ts';
import { storeExchangeGuid } from '../repositories/exchange.ts';
import { insertElement } from '../repositories/frameworks.ts';
import { RULE_LABELS } from './codebook-export.ts';
import type { CodebookPlan } from './codebook-plan.ts';

export type AppliedCodebook = {
  /** Planned code key → the project's code id. */
  codeIds: Map<string, number>;
  codesAdded: number;
  codesMatched: number;
  elementsAdded: number;
};

/**
 * Writes a codebook plan into the project (inside the caller's transaction): new codes under
 * their parents, definitions and rules where the project's code has none, framework elements
 * for the file's code sets and their links. A code added keeps the file's GUID.
 */
export function applyCodebook(ctx: Ctx, plan: CodebookPlan): AppliedCodebook {
  const { db } = ctx;
  const now = ctx.now();
  const codeIds = new Map<string, number>();
  let codesAdded = 0;
  for (const code of plan.codes) {
    if (code.existingId !== null) {
      codeIds.set(code.key, code.existingId);
      const mine = getCode(db, code.existingId)!;
      const filled = {
        definition: mine.definition.trim() ? mine.definition : code.definition,
        ...Object.fromEntries(RULE_LABELS.map(([key]) => [key, mine[key].trim() ? mine[key] : code[key]])),
      } as Parameters<typeof describeCode>[2];
      if (RULE_LABELS.some(([key]) => filled[key] !== mine[key]) || filled.definition !== mine.definition) describeCode(db, mine.id, filled);
      continue;
    }
    const parentId = code.parentKey === null ? null : codeIds.get(code.parentKey)!;
    const id = insertCode(
      db,
      { parentId, name: code.name, color: code.color, definition: code.definition, whenToUse: code.whenToUse, whenNotToUse: code.whenNotToUse, example: code.example, origin: code.origin },
      ctx.coderId,
      now,
    );
    codeIds.set(code.key, id);
    if (code.guids[0]) storeExchangeGuid(db, 'code', id, code.guids[0]);
    ctx.audit('create', 'code', id, { name: code.name, via: 'refi-qda import' });
    codesAdded++;
  }

  let elementsAdded = 0;
  const frameworks = new Map(listFrameworks(db).map((f) => [f.name.toLowerCase(), { id: f.id, elements: new Map(f.elements.map((e) => [e.name.toLowerCase(), e.id])) }]));
  const frameworkFor = (name: string) => {
    const known = frameworks.get(name.toLowerCase());
    if (known) return known;
    const id = insertFramework(db, name, plan.frameworkDescriptions.get(name.toLowerCase()) ?? '', []);
    ctx.audit('create', 'framework', id, { name, via: 'refi-qda import' });
    const made = { id, elements: new Map<string, number>() };
    frameworks.set(name.toLowerCase(), made);
    return made;
  };
  for (const e of plan.elements) {
    const framework = frameworkFor(e.framework);
    if (e.element === '') continue;
    let elementId = framework.elements.get(e.element.toLowerCase());
    if (elementId === undefined) {
      elementId = insertElement(db, framework.id, { name: e.element, description: e.description }, framework.elements.size);
      framework.elements.set(e.element.toLowerCase(), elementId);
      elementsAdded++;
    }
    for (const key of e.codeKeys) linkCodeToElement(db, codeIds.get(key)!, elementId);
  }
  return { codeIds, codesAdded, codesMatched: plan.codes.length - codesAdded, elementsAdded };
}
