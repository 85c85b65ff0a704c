import { describe, expect, it } from 'vitest';
import { coderChoice, coderFilter, coderSuffix } from '../../../renderer/src/features/analysis/store.ts';

const coders = [{ id: 1, name: 'Ana Ruiz' }, { id: 2, name: 'Ben Ode' }, { id: 3, name: 'Cai Li' }];

describe('the coders an analysis counts', () => {
  it('counts everyone, without a filter or a title suffix, when nothing is hidden or there is one coder', () => {
    for (const choice of [coderChoice(coders, []), coderChoice(coders.slice(0, 1), [1]), coderChoice(coders, [99])]) {
      expect(coderFilter(choice)).toEqual({});
      expect(coderSuffix(choice)).toBe('');
      expect(choice.none).toBe(false);
    }
    // Several coders: the export notes still name them all.
    expect(coderChoice(coders, []).names).toEqual(['Ana Ruiz', 'Ben Ode', 'Cai Li']);
  });

  it('sends and names the coders shown when some are hidden', () => {
    const one = coderChoice(coders, [2, 3]);
    expect(coderFilter(one)).toEqual({ coderIds: [1] });
    expect(coderSuffix(one)).toBe(' — Ana Ruiz');
    expect(coderSuffix(coderChoice(coders, [1]))).toBe(' — Ben Ode, Cai Li');
  });

  it('asks for nothing when every coder is hidden', () => {
    const none = coderChoice(coders, [1, 2, 3]);
    expect(none.none).toBe(true);
    expect(coderFilter(none)).toEqual({});
    expect(coderSuffix(none)).toBe(' — no coders');
  });
});
