import { afterEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

/** Renaming and opening sources of the demo project (1–3 interviews, 4 the questionnaire, 5–6 documents). */

let b: Bench;
afterEach(() => b?.cleanup());

const doneSteps = async () => (await b.ok('undo.history', { limit: 50 })).filter((e) => e.status === 'done').map((e) => e.label);

describe('renaming a source', () => {
  it('returns the renamed source itself, with its new name, and leaves the others alone', async () => {
    b = await openBench();
    const renamed = await b.ok('sources.rename', { id: 2, name: 'Interview with PB (nursing)' });
    expect(renamed).toMatchObject({ id: 2, name: 'Interview with PB (nursing)', kind: 'interview' });
    expect((await b.ok('sources.list', {})).map((s) => s.name)).toContain('Interview with PA');
    expect((await b.ok('sources.get', { id: 2 })).name).toBe('Interview with PB (nursing)');
  });

  it('is one undo step named after the old name, recorded in the history with both names', async () => {
    b = await openBench();
    await b.ok('sources.rename', { id: 3, name: 'PC interview' });
    expect((await doneSteps())[0]).toBe('Rename source ‘Interview with PC’');
    const entry = b.audit().at(-1)!;
    expect({ ...entry, detail: JSON.parse(entry.detail) as unknown }).toEqual({
      action: 'rename',
      entity: 'source',
      entityId: 3,
      detail: { before: 'Interview with PC', after: 'PC interview' },
    });
    await b.ok('undo.undo', {});
    expect((await b.ok('sources.get', { id: 3 })).name).toBe('Interview with PC');
  });

  it('renaming or opening a source that does not exist is refused naming it', async () => {
    b = await openBench();
    const before = b.snapshot();
    expect(await b.fails('sources.rename', { id: 42, name: 'Nothing' })).toEqual({ code: 'not_found', message: 'Source 42 does not exist', field: 'id' });
    expect(await b.fails('sources.get', { id: 42 })).toEqual({ code: 'not_found', message: 'Source 42 does not exist', field: 'id' });
    expect(b.snapshot()).toEqual(before);
  });
});
