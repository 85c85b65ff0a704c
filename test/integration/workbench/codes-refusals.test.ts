import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

/**
 * The codebook beyond the happy path: what a code change refuses and how it names the missing
 * code, how colours are stored, where a moved code lands, and what the undo menu and the audit
 * trail say about it.
 */
describe('codebook refusals, recolouring and moving', () => {
  let b: Bench;
  const undoLabel = async () => (await b.ok('undo.state', {})).undoLabel;
  const lastAudit = async () => {
    const e = (await b.ok('audit.list', { limit: 1 })).entries[0]!;
    return { action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.parse(e.detail) as unknown };
  };
  /** The names under a parent (null: the top level), in codebook order, with their positions. */
  const level = async (parentId: number | null) =>
    (await b.ok('codes.list', {}))
      .filter((c) => c.parentId === parentId)
      .sort((x, y) => x.position - y.position)
      .map((c) => `${c.position} ${c.name}`);

  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('names the code or parent code that does not exist, and changes nothing', async () => {
    const before = b.snapshot();
    const flexibility = await b.code('Flexibility');
    const cases: [string, unknown, string, string][] = [
      ['codes.create', { name: 'Employer demand', parentId: 99999 }, 'parentId', 'Parent code 99999 does not exist'],
      ['codes.rename', { id: 99999, name: 'Employer demand' }, 'id', 'Code 99999 does not exist'],
      ['codes.recolor', { id: 99999, color: '#112233' }, 'id', 'Code 99999 does not exist'],
      ['codes.describe', { id: 99999, definition: 'Why employers ask for it' }, 'id', 'Code 99999 does not exist'],
      ['codes.move', { id: 99999, parentId: null }, 'id', 'Code 99999 does not exist'],
      ['codes.move', { id: flexibility.id, parentId: 99999 }, 'parentId', 'Parent code 99999 does not exist'],
      ['codes.delete', { id: 99999 }, 'id', 'Code 99999 does not exist'],
    ];
    for (const [method, input, field, message] of cases) {
      expect(await b.fails(method, input), method).toEqual({ code: 'not_found', field, message });
    }
    expect(b.snapshot()).toEqual(before);
  });

  it('stores a colour typed in capitals in lower case, and the audit keeps the old and new colour', async () => {
    const flexibility = await b.code('Flexibility');
    const recoloured = await b.ok('codes.recolor', { id: flexibility.id, color: '#A1B2C3' });
    expect(recoloured.color).toBe('#a1b2c3');
    expect((await b.code('Flexibility')).color).toBe('#a1b2c3');
    expect(await undoLabel()).toBe('Recolour ‘Flexibility’');
    expect(await lastAudit()).toEqual({
      action: 'recolor',
      entity: 'code',
      entityId: flexibility.id,
      detail: { before: flexibility.color, after: '#a1b2c3' },
    });
  });

  it('editing a definition is labelled with the code', async () => {
    const flexibility = await b.code('Flexibility');
    await b.ok('codes.describe', { id: flexibility.id, whenToUse: 'Time, place or pace of learning' });
    expect(await undoLabel()).toBe('Edit definition of ‘Flexibility’');
  });

  it('moves a sub-code to the top level at the asked place, closing the gap it leaves, in one undo', async () => {
    const what = await b.code('What');
    const flexibility = await b.code('Flexibility');
    const definition = await b.code('Definition');
    await b.ok('codes.create', { name: 'Stackability', parentId: what.id });
    const before = b.snapshot();
    const oldLevel = await level(what.id);
    expect(oldLevel).toEqual(['0 Definition', '1 Flexibility', '2 Stackability']);

    const moved = await b.ok('codes.move', { id: flexibility.id, parentId: null, position: 1 });
    expect(moved).toMatchObject({ parentId: null, position: 1 });
    expect(await level(null)).toEqual(['0 Why', '1 Flexibility', '2 What', '3 How', '4 When', '5 Where', '6 Intellectual property']);
    expect(await level(what.id)).toEqual(['0 Definition', '1 Stackability']);
    expect((await b.code('Definition')).position).toBe(definition.position);
    expect(await undoLabel()).toBe('Move ‘Flexibility’');
    expect(await lastAudit()).toEqual({
      action: 'move',
      entity: 'code',
      entityId: flexibility.id,
      detail: { from: { parentId: what.id, position: 1 }, to: { parentId: null, position: 1 } },
    });

    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(before);
  });

  it('reorders a code among its own siblings without leaving gaps, and clamps a place past the end', async () => {
    const why = await b.code('Why');
    await b.ok('codes.move', { id: why.id, parentId: null, position: 2 });
    expect(await level(null)).toEqual(['0 What', '1 How', '2 Why', '3 When', '4 Where', '5 Intellectual property']);
    expect(await lastAudit()).toMatchObject({ detail: { from: { parentId: null, position: 0 }, to: { parentId: null, position: 2 } } });

    await b.ok('codes.move', { id: why.id, parentId: null, position: 40 });
    expect(await level(null)).toEqual(['0 What', '1 How', '2 When', '3 Where', '4 Intellectual property', '5 Why']);
    expect(await lastAudit()).toMatchObject({ detail: { from: { parentId: null, position: 2 }, to: { parentId: null, position: 5 } } });
  });
});
