import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

describe('reference frameworks and the crosswalk', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('creates, renames and deletes a framework with its elements; names are unique', async () => {
    const f = await b.ok('frameworks.create', { name: 'ESCO skills', description: 'European skills pillar' });
    expect(f).toMatchObject({ name: 'ESCO skills', description: 'European skills pillar', elements: [] });
    expect(await b.fails('frameworks.create', { name: 'esco SKILLS' })).toMatchObject({ code: 'conflict', field: 'name' });
    expect(await b.fails('frameworks.create', { name: ' ' })).toMatchObject({ code: 'invalid_input', field: 'name' });
    const renamed = await b.ok('frameworks.rename', { id: f.id, name: 'ESCO' });
    expect(renamed).toMatchObject({ name: 'ESCO', description: 'European skills pillar' });
    expect(await b.fails('frameworks.rename', { id: 99999, name: 'X' })).toMatchObject({ code: 'not_found', field: 'id' });

    const a = await b.ok('frameworks.addElement', { frameworkId: f.id, name: 'Digital skills' });
    const c = await b.ok('frameworks.addElement', { frameworkId: f.id, name: 'Transversal skills' });
    const first = await b.ok('frameworks.addElement', { frameworkId: f.id, name: 'Languages', position: 0 });
    expect(await b.fails('frameworks.addElement', { frameworkId: f.id, name: 'languages' })).toMatchObject({ code: 'conflict', field: 'name' });
    expect(await b.fails('frameworks.addElement', { frameworkId: 99999, name: 'x' })).toMatchObject({ code: 'not_found', field: 'frameworkId' });
    const names = async () => (await b.ok('frameworks.list', {})).find((x) => x.id === f.id)!.elements.map((e) => `${e.position} ${e.name}`);
    expect(await names()).toEqual(['0 Languages', '1 Digital skills', '2 Transversal skills']);
    await b.ok('frameworks.updateElement', { id: c.id, position: 0, description: 'Thinking, social skills' });
    expect(await names()).toEqual(['0 Transversal skills', '1 Languages', '2 Digital skills']);
    await b.ok('frameworks.updateElement', { id: a.id, name: 'Digital competence' });
    await b.ok('frameworks.removeElement', { id: first.id });
    expect(await names()).toEqual(['0 Transversal skills', '1 Digital competence']);

    const def = await b.code('Definition');
    await b.ok('frameworks.link', { codeId: def.id, elementId: a.id, linked: true });
    const gone = await b.ok('frameworks.delete', { id: f.id });
    expect(gone).toEqual({ deletedElements: 2, deletedLinks: 1 });
    expect((await b.ok('frameworks.list', {})).some((x) => x.id === f.id)).toBe(false);
    expect((await b.code('Definition')).elementIds).toEqual(def.elementIds);
  });

  it('links codes and questions to elements, idempotently, and shows them in the crosswalk', async () => {
    const cw = await b.ok('frameworks.crosswalk', {});
    expect(cw.frameworks.length).toBeGreaterThan(0);
    expect(cw.links.length).toBe(cw.codes.reduce((n, c) => n + c.elementIds.length, 0));
    expect(cw.questionLinks.length).toBeGreaterThan(0);
    const element = cw.frameworks[0]!.elements.at(-1)!;
    const flex = cw.codes.find((c) => c.name === 'Flexibility')!;
    expect(flex.elementIds).not.toContain(element.id);

    expect(await b.ok('frameworks.link', { codeId: flex.id, elementId: element.id, linked: true })).toEqual({
      codeId: flex.id, elementId: element.id, linked: true, changed: true,
    });
    expect((await b.ok('frameworks.link', { codeId: flex.id, elementId: element.id, linked: true })).changed).toBe(false);
    expect((await b.ok('frameworks.crosswalk', {})).links).toContainEqual([flex.id, element.id]);
    expect((await b.ok('undo.state', {})).undoLabel).toBe(`Link ‘Flexibility’ to ‘${element.name}’`);
    await b.ok('frameworks.link', { codeId: flex.id, elementId: element.id, linked: false });
    expect((await b.ok('frameworks.crosswalk', {})).links).not.toContainEqual([flex.id, element.id]);

    const question = cw.questions[0]!;
    const unlinked = cw.frameworks.flatMap((f) => f.elements).find((e) => !cw.questionLinks.some(([q, el]) => q === question.id && el === e.id))!;
    await b.ok('frameworks.linkQuestion', { questionId: question.id, elementId: unlinked.id, linked: true });
    expect((await b.ok('frameworks.crosswalk', {})).questionLinks).toContainEqual([question.id, unlinked.id]);
    await b.ok('undo.undo', {});
    expect((await b.ok('frameworks.crosswalk', {})).questionLinks).not.toContainEqual([question.id, unlinked.id]);

    expect(await b.fails('frameworks.link', { codeId: 99999, elementId: element.id, linked: true })).toMatchObject({ field: 'codeId' });
    expect(await b.fails('frameworks.link', { codeId: flex.id, elementId: 99999, linked: true })).toMatchObject({ field: 'elementId' });
    expect(await b.fails('frameworks.linkQuestion', { questionId: 99999, elementId: element.id, linked: true })).toMatchObject({ field: 'questionId' });
    expect(await b.fails('frameworks.link', { codeId: flex.id, elementId: element.id })).toMatchObject({ code: 'invalid_input', field: 'linked' });
  });

  it('undo of a framework delete brings back its elements and every link', async () => {
    const before = b.snapshot();
    const demo = (await b.ok('frameworks.list', {}))[0]!;
    const r = await b.ok('frameworks.delete', { id: demo.id });
    expect(r.deletedElements).toBe(demo.elements.length);
    expect(r.deletedLinks).toBeGreaterThan(0);
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(before);
  });
});
