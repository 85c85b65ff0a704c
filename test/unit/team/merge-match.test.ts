import { describe, expect, it } from 'vitest';
import { matchRows, parentsFirst } from '../../../shared/domain/team/merge-match.ts';
import type { MergeCode, MergeRows, MergeSource } from '../../../shared/domain/team/merge-types.ts';
import { benManifest, code } from './merge-fixtures.ts';

const source = (key: string, name: string, hash: string, guid = `gs-${key}`): MergeSource => ({ key, guid, name, hash });
const rows = (over: Partial<MergeRows> = {}): MergeRows => ({ coders: [], sources: [], codes: [], codings: [], memos: [], participants: [], ...over });
const names = (codes: readonly MergeCode[]) => codes.map((c) => c.name);

const manifest = benManifest();

describe('codes in parents-first order', () => {
  it('puts each parent before its children, keeping the given order otherwise', () => {
    const codes = [code('2', 'Value', '1'), code('3', 'How'), code('1', 'Why'), code('4', 'Added', '2')];
    expect(names(parentsFirst(codes))).toEqual(['How', 'Why', 'Value', 'Added']);
  });

  it('takes a code whose parent is missing as a top-level code, in its place', () => {
    const codes = [code('2', 'Value', '1'), code('5', 'Orphan', 'gone'), code('1', 'Why')];
    expect(names(parentsFirst(codes))).toEqual(['Orphan', 'Why', 'Value']);
  });

  it('keeps codes caught in a cycle (a broken file), last', () => {
    const codes = [code('1', 'A', '2'), code('2', 'B', '1'), code('3', 'Why')];
    expect(names(parentsFirst(codes))).toEqual(['Why', 'A', 'B']);
  });

  it('lists a code the file repeats once', () => {
    const why = code('1', 'Why');
    expect(parentsFirst([why, code('2', 'Value', '1'), why])).toEqual([why, code('2', 'Value', '1')]);
  });

  it('has nothing to order for no codes', () => {
    expect(parentsFirst([])).toEqual([]);
  });
});

describe('matching a copy to the project', () => {
  it('knows a coder by name, whatever the case or stray spaces, and tells ß from ss', () => {
    const base = rows({ coders: [{ key: '1', name: 'Ana' }, { key: '2', name: 'Weiß' }] });
    const copy = rows({ coders: [{ key: '7', name: ' ana ' }, { key: '8', name: 'Weiss' }, { key: '9', name: 'Ben' }] });
    const m = matchRows(base, copy, null);
    expect([...m.coders]).toEqual([['7', '1'], ['8', null], ['9', null]]);
  });

  describe('sources', () => {
    it('matches by content even when the identities differ, each source here once', () => {
      // An exported copy with its own identities, holding the same transcript twice.
      const base = rows({ sources: [source('10', 'Interview PA', 'h1'), source('11', 'Interview PA (again)', 'h1')] });
      const copy = rows({ sources: [source('1', 'Interview PA', 'h1', 'x1'), source('2', 'Interview PA (again)', 'h1', 'x2')] });
      expect([...matchRows(base, copy, null).sources]).toEqual([['1', { base: '10' }], ['2', { base: '11' }]]);
    });

    it('prefers, among sources of the same content, the one with the same identity', () => {
      const base = rows({ sources: [source('10', 'Interview PA', 'h1'), source('11', 'Interview PA (again)', 'h1')] });
      const copy = rows({ sources: [source('11', 'Interview PA (again)', 'h1')] });
      expect(matchRows(base, copy, null).sources.get('11')).toEqual({ base: '11' });
    });

    it('notices a source whose text changed by its identity, and one only in the copy', () => {
      const base = rows({ sources: [source('10', 'Interview PA', 'h1')] });
      const copy = rows({ sources: [source('10', 'Interview PA', 'h1-edited'), source('11', 'Interview PB', 'h2')] });
      expect([...matchRows(base, copy, null).sources]).toEqual([['10', { changed: '10' }], ['11', { none: true }]]);
    });

    it('does not take a changed source twice', () => {
      const base = rows({ sources: [source('10', 'Interview PA', 'h1')] });
      // Two copy sources claim the same identity (a copy of a copy).
      const copy = rows({ sources: [source('10', 'Interview PA', 'h1-edited'), source('12', 'Interview PA (copy)', 'h3', 'gs-10')] });
      expect([...matchRows(base, copy, null).sources]).toEqual([['10', { changed: '10' }], ['12', { none: true }]]);
    });
  });

  describe('codes', () => {
    const base = () => rows({ codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')] });

    it('matches by identity, else by name under the matched parent, and says how', () => {
      const copy = rows({ codes: [code('1', 'Why'), code('7', 'value', '1', 'x7'), code('8', 'Cost', '1', 'x8')] });
      const m = matchRows(base(), copy, null);
      expect([...m.codes]).toEqual([
        ['1', { base: '1', how: 'identity' }],
        ['7', { base: '2', how: 'path' }],
        ['8', { none: true }],
      ]);
    });

    it('does not match by name a code whose name only resembles one here (Maße is not Masse)', () => {
      const here = rows({ codes: [code('1', 'Masse')] });
      const copy = rows({ codes: [code('9', 'Maße', null, 'x9'), code('8', ' masse ', null, 'x8')] });
      expect([...matchRows(here, copy, null).codes]).toEqual([['9', { none: true }], ['8', { base: '1', how: 'path' }]]);
    });

    it('finds no twin for a code whose parent the copy lacks', () => {
      const copy = rows({ codes: [code('7', 'Value', 'gone', 'x7')] });
      expect(matchRows(base(), copy, null).codes.get('7')).toEqual({ none: true });
    });

    it('finds no twin under a parent only in the copy', () => {
      const copy = rows({ codes: [code('8', 'Cost', null, 'x8'), code('9', 'Fees', '8', 'x9')] });
      expect([...matchRows(base(), copy, null).codes]).toEqual([['8', { none: true }], ['9', { none: true }]]);
    });

    it('knows a code deleted here since the copy was made', () => {
      const here = rows({ codes: [code('1', 'Why'), code('2', 'Value', '1')] });
      const copy = rows({ codes: [code('1', 'Why'), code('2', 'Value', '1'), code('3', 'Demand', '1')] });
      expect(matchRows(here, copy, manifest).codes.get('3')).toEqual({ deletedHere: true });
    });

    it('knows codes deleted in the copy, but not codes made here since the copy', () => {
      const here = base();
      here.codes.push(code('4', 'Barriers'));
      const copy = rows({ codes: [code('1', 'Why'), code('2', 'Value', '1')] });
      expect(matchRows(here, copy, manifest).deletedThere).toEqual(['3']);
    });

    it('infers no deletion without a manifest', () => {
      const copy = rows({ codes: [code('1', 'Why')] });
      expect(matchRows(base(), copy, null).deletedThere).toEqual([]);
    });

    it('names a code by its path on either side', () => {
      const copy = rows({ codes: [code('1', 'Why'), code('2', 'Value added', '1')] });
      const m = matchRows(base(), copy, null);
      expect(m.pathOf('2')).toBe('Why / Value added');
      expect(m.basePathOf('3')).toBe('Why / Demand');
    });
  });
});
