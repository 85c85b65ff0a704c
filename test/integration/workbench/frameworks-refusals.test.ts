import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/types.ts';
import { openBench, type Bench } from './workbench-helpers.ts';

/**
 * Frameworks as the researcher meets them beyond the happy path: the refusals that keep names
 * unique and say what is missing, the label each change gets in the undo menu, and the entry
 * it leaves in the audit trail.
 */
describe('framework refusals, undo labels and audit trail', () => {
  let b: Bench;
  let quality: Framework;
  let guide: Framework;
  const element = (f: Framework, name: string) => f.elements.find((e) => e.name === name)!;
  const undoLabel = async () => (await b.ok('undo.state', {})).undoLabel;
  const auditCount = async () => (await b.ok('audit.list', { limit: 1 })).total;
  /** The newest audit entry, its detail read back as the trail view shows it. */
  const lastAudit = async () => {
    const e = (await b.ok('audit.list', { limit: 1 })).entries[0]!;
    return { action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.parse(e.detail) as unknown };
  };

  beforeEach(async () => {
    b = await openBench();
    const list = await b.ok('frameworks.list', {});
    quality = list.find((f) => f.name === 'Quality markers for micro-credentials')!;
    guide = list.find((f) => f.name === "Users' guide to micro-credentials")!;
  });
  afterEach(() => b.cleanup());

  it('refuses a second framework of the same name, naming it, and changes nothing', async () => {
    const before = b.snapshot();
    expect(await b.fails('frameworks.create', { name: 'quality markers for MICRO-credentials' })).toMatchObject({
      code: 'conflict',
      field: 'name',
      message: 'A framework named ‘quality markers for MICRO-credentials’ already exists',
    });
    expect(await b.fails('frameworks.rename', { id: guide.id, name: quality.name })).toMatchObject({
      code: 'conflict',
      field: 'name',
      message: `A framework named ‘${quality.name}’ already exists`,
    });
    expect(b.snapshot()).toEqual(before);
  });

  it('refuses two elements of the same name in one framework, also when renaming, but allows it across frameworks', async () => {
    const before = b.snapshot();
    expect(await b.fails('frameworks.addElement', { frameworkId: quality.id, name: 'relevant' })).toMatchObject({
      code: 'conflict',
      field: 'name',
      message: 'This framework already has an element named ‘relevant’',
    });
    expect(await b.fails('frameworks.updateElement', { id: element(quality, 'Flexible').id, name: 'Stackable' })).toMatchObject({
      code: 'conflict',
      field: 'name',
      message: 'This framework already has an element named ‘Stackable’',
    });
    expect(b.snapshot()).toEqual(before);
    expect(element((await b.ok('frameworks.list', {})).find((f) => f.id === quality.id)!, 'Flexible')).toBeDefined();

    const added = await b.ok('frameworks.addElement', { frameworkId: guide.id, name: 'Relevant' });
    expect(added).toMatchObject({ frameworkId: guide.id, name: 'Relevant', position: guide.elements.length });
  });

  it('names the framework, element, code or question that does not exist, and changes nothing', async () => {
    const before = b.snapshot();
    const auditBefore = await auditCount();
    const flexible = element(quality, 'Flexible');
    const flexibility = await b.code('Flexibility');
    const cases: [string, unknown, string, string][] = [
      ['frameworks.rename', { id: 99999, name: 'ESCO' }, 'id', 'Framework 99999 does not exist'],
      ['frameworks.delete', { id: 99999 }, 'id', 'Framework 99999 does not exist'],
      ['frameworks.addElement', { frameworkId: 99999, name: 'Digital skills' }, 'frameworkId', 'Framework 99999 does not exist'],
      ['frameworks.updateElement', { id: 99999, name: 'Digital skills' }, 'id', 'Framework element 99999 does not exist'],
      ['frameworks.removeElement', { id: 99999 }, 'id', 'Framework element 99999 does not exist'],
      ['frameworks.link', { codeId: 99999, elementId: flexible.id, linked: true }, 'codeId', 'Code 99999 does not exist'],
      ['frameworks.link', { codeId: flexibility.id, elementId: 99999, linked: true }, 'elementId', 'Framework element 99999 does not exist'],
      ['frameworks.linkQuestion', { questionId: 99999, elementId: flexible.id, linked: true }, 'questionId', 'Question 99999 does not exist'],
      ['frameworks.linkQuestion', { questionId: 1, elementId: 99999, linked: true }, 'elementId', 'Framework element 99999 does not exist'],
    ];
    for (const [method, input, field, message] of cases) {
      expect(await b.fails(method, input), method).toEqual({ code: 'not_found', field, message });
    }
    expect(b.snapshot()).toEqual(before);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('creating a framework is labelled with its name and audited', async () => {
    const f = await b.ok('frameworks.create', { name: 'ESCO skills' });
    expect(await undoLabel()).toBe('Create framework ‘ESCO skills’');
    expect(await lastAudit()).toEqual({ action: 'create', entity: 'framework', entityId: f.id, detail: { name: 'ESCO skills' } });
  });

  it('a rename says from what to what; a description-only edit is an edit', async () => {
    await b.ok('frameworks.rename', { id: guide.id, name: 'Users’ guide (2024)' });
    expect(await undoLabel()).toBe("Rename framework ‘Users' guide to micro-credentials’ to ‘Users’ guide (2024)’");
    expect(await lastAudit()).toEqual({
      action: 'rename',
      entity: 'framework',
      entityId: guide.id,
      detail: { before: "Users' guide to micro-credentials", after: 'Users’ guide (2024)' },
    });

    const edited = await b.ok('frameworks.rename', { id: quality.id, name: quality.name, description: 'European approach, 2022' });
    expect(edited).toMatchObject({ name: quality.name, description: 'European approach, 2022' });
    expect(await undoLabel()).toBe(`Edit framework ‘${quality.name}’`);
    await b.ok('undo.undo', {});
    expect((await b.ok('frameworks.list', {})).find((f) => f.id === quality.id)!.description).toBe(quality.description);
  });

  it('deleting a framework is labelled and the audit keeps its name and what went with it', async () => {
    const r = await b.ok('frameworks.delete', { id: quality.id });
    expect(r.deletedElements).toBe(7);
    expect(await undoLabel()).toBe(`Delete framework ‘${quality.name}’`);
    expect(await lastAudit()).toEqual({
      action: 'delete',
      entity: 'framework',
      entityId: quality.id,
      detail: { name: quality.name, elements: 7, links: r.deletedLinks },
    });
  });

  it('adding an element is labelled with element and framework and audited', async () => {
    const e = await b.ok('frameworks.addElement', { frameworkId: guide.id, name: 'Portability' });
    expect(await undoLabel()).toBe("Add ‘Portability’ to ‘Users' guide to micro-credentials’");
    expect(await lastAudit()).toEqual({
      action: 'create',
      entity: 'framework_element',
      entityId: e.id,
      detail: { frameworkId: guide.id, name: 'Portability' },
    });
  });

  it('an element rename says from what to what; keeping the name is an edit', async () => {
    const flexible = element(quality, 'Flexible');
    await b.ok('frameworks.updateElement', { id: flexible.id, name: 'Flexible learning', position: 0 });
    expect(await undoLabel()).toBe('Rename element ‘Flexible’ to ‘Flexible learning’');
    expect(await lastAudit()).toEqual({
      action: 'update',
      entity: 'framework_element',
      entityId: flexible.id,
      detail: { before: { name: 'Flexible', position: 2 }, after: { id: flexible.id, name: 'Flexible learning', position: 0 } },
    });

    const relevant = element(quality, 'Relevant');
    const same = await b.ok('frameworks.updateElement', { id: relevant.id, name: 'Relevant', description: 'Meets labour-market needs' });
    expect(same).toMatchObject({ name: 'Relevant', description: 'Meets labour-market needs' });
    expect(await undoLabel()).toBe('Edit element ‘Relevant’');
    await b.ok('frameworks.updateElement', { id: relevant.id, description: 'Meets needs' });
    expect(await undoLabel()).toBe('Edit element ‘Relevant’');
  });

  it('removing an element is labelled, audited with its links, and reports what went', async () => {
    const stackable = element(quality, 'Stackable');
    const cw = await b.ok('frameworks.crosswalk', {});
    const links = cw.links.filter(([, el]) => el === stackable.id).length + cw.questionLinks.filter(([, el]) => el === stackable.id).length;
    expect(links).toBeGreaterThan(0);
    expect(await b.ok('frameworks.removeElement', { id: stackable.id })).toEqual({ removed: 1, deletedLinks: links });
    expect(await undoLabel()).toBe('Remove element ‘Stackable’');
    expect(await lastAudit()).toEqual({
      action: 'delete',
      entity: 'framework_element',
      entityId: stackable.id,
      detail: { name: 'Stackable', links },
    });
  });

  it('unlinking a code is labelled and audited as an unlink; a link that changes nothing leaves no trace', async () => {
    const definition = await b.code('Definition');
    const el = element(quality, 'Definition');
    expect(definition.elementIds).toContain(el.id);

    expect(await b.ok('frameworks.link', { codeId: definition.id, elementId: el.id, linked: false })).toEqual({
      codeId: definition.id, elementId: el.id, linked: false, changed: true,
    });
    expect(await undoLabel()).toBe('Unlink ‘Definition’ from ‘Definition’');
    expect(await lastAudit()).toEqual({ action: 'unlink', entity: 'code', entityId: definition.id, detail: { elementId: el.id } });

    await b.ok('frameworks.link', { codeId: definition.id, elementId: el.id, linked: true });
    expect(await lastAudit()).toEqual({ action: 'link', entity: 'code', entityId: definition.id, detail: { elementId: el.id } });

    const trail = await auditCount();
    const label = await undoLabel();
    expect((await b.ok('frameworks.link', { codeId: definition.id, elementId: el.id, linked: true })).changed).toBe(false);
    expect(await auditCount()).toBe(trail);
    expect(await undoLabel()).toBe(label);
  });

  it('links and unlinks a question, labelled with its key, audited, and says whether anything changed', async () => {
    const cw = await b.ok('frameworks.crosswalk', {});
    const q1 = cw.questions.find((q) => q.key === 'Q1')!;
    const el = element(quality, 'Definition');
    expect(cw.questionLinks).not.toContainEqual([q1.id, el.id]);

    expect(await b.ok('frameworks.linkQuestion', { questionId: q1.id, elementId: el.id, linked: true })).toEqual({
      questionId: q1.id, elementId: el.id, linked: true, changed: true,
    });
    expect(await undoLabel()).toBe('Link question Q1 to ‘Definition’');
    expect(await lastAudit()).toEqual({ action: 'link', entity: 'question', entityId: q1.id, detail: { elementId: el.id } });

    const trail = await auditCount();
    expect(await b.ok('frameworks.linkQuestion', { questionId: q1.id, elementId: el.id, linked: true })).toEqual({
      questionId: q1.id, elementId: el.id, linked: true, changed: false,
    });
    expect(await auditCount()).toBe(trail);
    expect(await undoLabel()).toBe('Link question Q1 to ‘Definition’');

    expect(await b.ok('frameworks.linkQuestion', { questionId: q1.id, elementId: el.id, linked: false })).toEqual({
      questionId: q1.id, elementId: el.id, linked: false, changed: true,
    });
    expect(await undoLabel()).toBe('Unlink question Q1 from ‘Definition’');
    expect(await lastAudit()).toEqual({ action: 'unlink', entity: 'question', entityId: q1.id, detail: { elementId: el.id } });
    expect((await b.ok('frameworks.crosswalk', {})).questionLinks).not.toContainEqual([q1.id, el.id]);

    const after = await auditCount();
    expect((await b.ok('frameworks.linkQuestion', { questionId: q1.id, elementId: el.id, linked: false })).changed).toBe(false);
    expect(await auditCount()).toBe(after);
  });
});
