import { describe, expect, it } from 'vitest';
import type { Change, Op, Role } from '../../../shared/domain/team-sync/protocol.ts';
import { MemoryState } from '../../../electron/team-server/memory-state.ts';
import type { Row } from '../../../electron/team-server/rules.ts';

/** A project as shared: a source, codes Trust and Barriers (Cost under it), a participant, a unit. */
function shared(): MemoryState {
  const s = new MemoryState();
  const put = (tbl: string, key: string, data: Row) => s.put({ tbl, key, data, seq: 0, writer: 'Ana', deleted: false });
  put('sources', '0.1', { id: '0.1', name: 'Interview 1', text: 'Some words here.' });
  put('participants', '0.1', { id: '0.1', label: 'P1' });
  put('units', '0.1', { id: '0.1', source_id: '0.1', participant_id: '0.1', question_id: null, start: 0, end: 16 });
  put('codes', '0.1', { id: '0.1', parent_id: null, name: 'Trust', created_by: 'Ana' });
  put('codes', '0.2', { id: '0.2', parent_id: null, name: 'Barriers', created_by: 'Ana' });
  put('codes', '0.3', { id: '0.3', parent_id: '0.2', name: 'Cost', created_by: 'Ana' });
  return s;
}

let n = 0;
const op = (changes: Change[], label = 'step'): Op => ({ id: `op-${++n}-xxxxxxxx`, method: 'test', label, at: '2026-01-01T00:00:00Z', changes });
const coding = (key: string, code: string, coder: string): Change => ({ t: 'codings', k: 'insert', key, row: { id: key, source_id: '0.1', code_id: code, start: 0, end: 4, coder_id: coder, quote: 'Some' } });
const newCode = (key: string, name: string, parent: string | null = null, by = 'Ana'): Change => ({ t: 'codes', k: 'insert', key, row: { id: key, parent_id: parent, name, created_by: by } });
const del = (t: string, key: string, old: Row): Change => ({ t, k: 'delete', key, old });
const as = (user: string, role: Role, seq: number, base = seq - 1) => ({ user, role, seq, base });

const live = async (s: MemoryState, t: string, k: string) => {
  const r = await s.get(t, k);
  return r && !r.deleted ? r.data : undefined;
};

describe('team server rules (in memory)', () => {
  it('applies an insert whose key exists as an update of the columns that differ', async () => {
    const s = shared();
    const r = await s.apply(op([newCode('0.1', 'Trust and care')]), as('Ana', 'owner', 1));
    expect(r).toEqual({ ok: true, notices: [], changes: [{ t: 'codes', k: 'update', key: '0.1', row: { name: 'Trust and care' }, old: { name: 'Trust' } }] });
  });

  it('brings back a code deleted meanwhile when someone codes with it, and says so', async () => {
    const s = shared();
    expect((await s.apply(op([del('codes', '0.1', {})]), as('Ana', 'owner', 1))).ok).toBe(true);
    expect(await live(s, 'codes', '0.1')).toBeUndefined();
    const r = await s.apply(op([coding('b.1', '0.1', 'Ben')]), as('Ben', 'coder', 2, 0));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notices).toEqual([{ kind: 'kept-for-use', message: 'Code ‘Trust’, deleted by Ana, was kept: Ben coded with it at the same time.' }]);
    expect(r.changes.map((c) => `${c.k} ${c.t} ${c.key}`)).toEqual(['insert codes 0.1', 'insert codings b.1']);
    expect(await live(s, 'codes', '0.1')).toMatchObject({ name: 'Trust' });
  });

  it('refuses an insert that refers to a row the project never had, and keeps nothing of the op', async () => {
    const s = shared();
    const r = await s.apply(op([newCode('b.9', 'Fine', null, 'Ben'), coding('b.1', 'x.404', 'Ben')]), as('Ben', 'coder', 1));
    expect(r).toEqual({ ok: false, refused: expect.stringMatching(/^Malformed op: codings b\.1 refers to codes x\.404/) });
    expect(await s.get('codes', 'b.9')).toBeUndefined();
  });

  it('renames a clashing sibling name Name (2), Name (3), case-insensitively, only among siblings', async () => {
    const s = shared();
    const a = await s.apply(op([newCode('b.1', 'trust', null, 'Ben')]), as('Ben', 'coder', 1));
    const b = await s.apply(op([newCode('c.1', 'TRUST', null, 'Cleo')]), as('Cleo', 'coder', 2));
    const c = await s.apply(op([newCode('c.2', 'Trust', '0.2', 'Cleo')]), as('Cleo', 'coder', 3));
    expect(a.ok && a.notices[0]).toEqual({ kind: 'renamed', message: 'Code ‘trust’ from Ben was renamed ‘trust (2)’: another already had that name.' });
    expect(b.ok && b.changes[0]!.row!['name']).toBe('TRUST (3)');
    expect(c.ok && c.notices).toEqual([]);
    // a rename onto a taken name is renamed too
    const d = await s.apply(op([{ t: 'codes', k: 'update', key: '0.2', row: { name: 'Trust' }, old: { name: 'Barriers' } }]), as('Ana', 'owner', 4));
    expect(d.ok && d.changes[0]!.row).toEqual({ name: 'Trust (4)' });
  });

  it('drops an update of a row deleted meanwhile with a change-lost notice', async () => {
    const s = shared();
    await s.apply(op([del('codes', '0.1', {})]), as('Ana', 'owner', 1));
    const r = await s.apply(op([{ t: 'codes', k: 'update', key: '0.1', row: { name: 'Trusting' }, old: { name: 'Trust' } }]), as('Eve', 'owner', 2, 0));
    expect(r).toEqual({ ok: true, changes: [], notices: [{ kind: 'change-lost', message: 'Code ‘Trust’ was deleted by Ana: Eve’s change to it was lost.' }] });
    expect(await live(s, 'codes', '0.1')).toBeUndefined();
  });

  it('refuses a delete racing with use, saying who used it how often; a delete made after seeing the use cascades', async () => {
    const s = shared();
    for (let i = 1; i <= 3; i++) expect((await s.apply(op([coding(`b.${i}`, '0.1', 'Ben')]), as('Ben', 'coder', i))).ok).toBe(true);
    const racing = await s.apply(op([del('codes', '0.1', {})]), as('Ana', 'owner', 4, 0));
    expect(racing).toEqual({ ok: false, refused: 'Deleting code ‘Trust’ was not done: Ben coded 3 passages with it meanwhile. Delete it again to remove them too.' });
    expect(await live(s, 'codes', '0.1')).toBeDefined();
    const informed = await s.apply(op([del('codes', '0.1', {})]), as('Ana', 'owner', 4, 3));
    expect(informed.ok && informed.changes.map((c) => `${c.k} ${c.t} ${c.key}`)).toEqual(['delete codings b.1', 'delete codings b.2', 'delete codings b.3', 'delete codes 0.1']);
    expect(await live(s, 'codings', 'b.2')).toBeUndefined();
  });

  it('expands a delete into everything it cascades to and clears SET NULL references', async () => {
    const s = shared();
    await s.apply(op([coding('a.1', '0.1', 'Ana')]), as('Ana', 'owner', 1));
    await s.apply(op([{ t: 'memos', k: 'insert', key: 'a.2', row: { id: 'a.2', target_kind: 'coding', target_id: 'a.1', title: 'why', coder_id: 'Ana' } }]), as('Ana', 'owner', 2));
    const src = await s.apply(op([del('sources', '0.1', {})]), as('Ana', 'owner', 3, 2));
    expect(src.ok && src.changes.map((c) => `${c.k} ${c.t} ${c.key}`).sort()).toEqual(['delete codings a.1', 'delete memos a.2', 'delete sources 0.1', 'delete units 0.1'].sort());
    const s2 = shared();
    const part = await s2.apply(op([del('participants', '0.1', {})]), as('Ana', 'owner', 1));
    expect(part.ok && part.changes).toEqual([
      { t: 'units', k: 'update', key: '0.1', row: { participant_id: null }, old: { participant_id: '0.1' } },
      { t: 'participants', k: 'delete', key: '0.1', old: { id: '0.1', label: 'P1' } },
    ]);
    expect(await live(s2, 'units', '0.1')).toMatchObject({ participant_id: null });
  });

  it('refuses deleting a code with a sub-code the op leaves, and deletes both when the op has both', async () => {
    const s = shared();
    const alone = await s.apply(op([del('codes', '0.2', {})]), as('Ana', 'owner', 1));
    expect(alone).toEqual({ ok: false, refused: expect.stringContaining('Deleting code ‘Barriers’ was not done: code ‘Cost’ is under it') });
    const both = await s.apply(op([del('codes', '0.3', {}), del('codes', '0.2', {})]), as('Ana', 'owner', 1));
    expect(both.ok && both.changes.map((c) => c.key)).toEqual(['0.3', '0.2']);
  });

  it('lets a coder write only as themselves, and a reviewer not at all', async () => {
    const s = shared();
    expect(await s.apply(op([coding('b.1', '0.1', 'Ana')]), as('Ben', 'coder', 1))).toEqual({ ok: false, refused: 'Ben is a coder and cannot write as Ana: coders change only their own codings.' });
    expect((await s.apply(op([{ t: 'codes', k: 'update', key: '0.1', row: { name: 'X' }, old: { name: 'Trust' } }]), as('Ben', 'coder', 1))).ok).toBe(false);
    expect((await s.apply(op([del('sources', '0.1', {})]), as('Ben', 'coder', 1))).ok).toBe(false);
    expect((await s.apply(op([coding('r.1', '0.1', 'Rita')]), as('Rita', 'reviewer', 1))).ok).toBe(false);
    await s.apply(op([coding('a.1', '0.1', 'Ana')]), as('Ana', 'owner', 1));
    // Ben may not delete Ana's coding even when his op claims it is his
    const r = await s.apply(op([del('codings', 'a.1', { coder_id: 'Ben' })]), as('Ben', 'coder', 2));
    expect(r).toEqual({ ok: false, refused: 'Ben is a coder and cannot change coding, which is not theirs.' });
    expect(await live(s, 'codings', 'a.1')).toBeDefined();
    expect((await s.apply(op([coding('b.2', '0.1', 'ben')]), as('Ben', 'coder', 2))).ok).toBe(true);
  });

  it('gives the same changes and state for the same ops in the same order', async () => {
    const run = async () => {
      const s = shared();
      const out = [];
      out.push(await s.apply(op([coding('b.1', '0.1', 'Ben')]), as('Ben', 'coder', 1)));
      out.push(await s.apply(op([del('codes', '0.1', {})]), as('Ana', 'owner', 2, 0)));
      out.push(await s.apply(op([newCode('c.1', 'Trust', null, 'Cleo')]), as('Cleo', 'coder', 2)));
      return { out, rows: [...s.rows.values()] };
    };
    n = 0;
    const a = await run();
    n = 0;
    expect(await run()).toEqual(a);
  });
});
