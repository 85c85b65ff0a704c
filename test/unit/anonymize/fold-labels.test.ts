import { describe, expect, it } from 'vitest';
import { fold, foldKey, foldText } from '../../../shared/domain/anonymize/fold.ts';
import { ReplacementNamer } from '../../../shared/domain/anonymize/labels.ts';
import type { TermInfo } from '../../../shared/domain/anonymize/types.ts';

describe('folding', () => {
  it('keys a term by its folded words, however it is spaced', () => {
    expect(foldKey('  María   José\tLÓPEZ \n')).toBe('maria jose lopez');
    expect(foldKey('Universidad de Monterrey')).toBe(foldKey(' UNIVERSIDAD  DE MONTERREY '));
  });

  it('folds plain and accented letters alike and points each folded unit at its original character', () => {
    expect(fold('ÁNGEL Ñúñez, Zoë')).toBe('angel nunez, zoe');
    const f = foldText('Jose\u0301 A');
    expect(f.text).toBe('jose a');
    expect([...f.origin]).toEqual([0, 1, 2, 3, 5, 6, 7]);
  });
});

describe('replacement names', () => {
  const info = (key: string, kind: TermInfo['kind'], order: number, extra: Partial<TermInfo> = {}): TermInfo => ({
    key,
    kind,
    label: key,
    participantLabel: null,
    category: null,
    order,
    ...extra,
  });

  it('gives a term the same name every time it is asked for, and the next term the next number', () => {
    const namer = new ReplacementNamer();
    const luis = info('person:luis', 'name', 0);
    expect(namer.name(luis)).toBe('[Person 1]');
    expect(namer.name(luis)).toBe('[Person 1]');
    expect(namer.name(info('person:ana', 'name', 1))).toBe('[Person 2]');
  });

  it('numbers terms in the order they were first met, not the order they are handed over', () => {
    const names = new ReplacementNamer().nameAll([
      info('email:c@x.org', 'email', 4),
      info('person:helena', 'name', 0, { participantLabel: 'PA' }),
      info('email:a@x.org', 'email', 2),
      info('term:uni', 'term', 1, { category: 'University' }),
      info('email:b@x.org', 'email', 3),
      info('term:other', 'term', 5),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      'person:helena': '[Participant PA]',
      'term:uni': '[University 1]',
      'email:a@x.org': '[E-mail 1]',
      'email:b@x.org': '[E-mail 2]',
      'email:c@x.org': '[E-mail 3]',
      'term:other': '[Term 1]',
    });
  });
});
