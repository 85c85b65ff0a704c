import { describe, expect, it } from 'vitest';
import { changeSchema, entryDigestInput, ZERO_HASH } from '../../../shared/domain/team-sync/protocol.ts';
import { keyOf, SYNC_TABLE } from '../../../shared/domain/team-sync/schema.ts';

/** What a replica sends and the server chains: the wire's text rule, the hashed content, the keys of rows. */

describe('text on the wire', () => {
  const change = (name: string) => changeSchema.safeParse({ t: 'codes', k: 'insert', key: 'g-1', row: { id: 'g-1', name } });

  it('takes any text Marginalia makes, accents, emoji and all', () => {
    expect(change('Café ☕ — “Wert” 👩🏽‍🔬').success).toBe(true);
  });

  it('refuses a NUL or half a character, saying why', () => {
    for (const bad of ['a\u0000b', 'half \ud83d', '\ude00 half']) {
      const r = change(bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0]!.message).toMatch(/NUL character or half a character/);
    }
  });
});

describe('the content an entry of the log is hashed over', () => {
  const entry = { seq: 7, opId: 'op-12345678', user: 'ana', method: 'codes.create', label: 'Create code “Trust”', at: '2026-12-01T10:00:00Z', changes: [{ t: 'codes', k: 'insert' as const, key: 'g-1', row: { id: 'g-1', name: 'Trust' } }], notices: [] };

  it('changes with the previous hash and with every field of the entry, so no field can be altered unseen', () => {
    const base = entryDigestInput(ZERO_HASH, entry);
    expect(entryDigestInput('f'.repeat(64), entry)).not.toBe(base);
    const altered = [
      { ...entry, seq: 8 },
      { ...entry, opId: 'op-other' },
      { ...entry, user: 'ben' },
      { ...entry, method: 'codes.rename' },
      { ...entry, label: 'Rename code' },
      { ...entry, at: '2026-12-01T10:00:01Z' },
      { ...entry, changes: [] },
      { ...entry, notices: [{ kind: 'renamed', message: 'x' }] as unknown as typeof entry.notices },
    ];
    for (const e of altered) expect(entryDigestInput(ZERO_HASH, e)).not.toBe(base);
  });

  it('is the same for the same entry (the chain can be checked again later)', () => {
    expect(entryDigestInput(ZERO_HASH, { ...entry })).toBe(entryDigestInput(ZERO_HASH, entry));
  });
});

describe('the key of a synced row', () => {
  it('is the gid for a table keyed by id, and the key columns as JSON otherwise, a missing one as null', () => {
    expect(keyOf(SYNC_TABLE.get('codes')!, { id: 'g-9', name: 'Trust' })).toBe('g-9');
    const link = SYNC_TABLE.get('participant_attributes')!;
    expect(keyOf(link, { participant_id: 'p-1', attribute_id: 'a-2', value: 'x' })).toBe('["p-1","a-2"]');
    expect(keyOf(link, { participant_id: 'p-1' })).toBe('["p-1",null]');
  });
});
