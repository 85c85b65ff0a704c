import type { Coding } from '../../../../shared/domain/types.ts';

/**
 * Codings of a list by id, built once per list and handed on to the list a change makes from
 * it. A source may hold 100,000 codings: looking one up by scanning the list on every key was,
 * with the scans of the list's own change, a few milliseconds of each coding action.
 */
const indexes = new WeakMap<readonly Coding[], Map<number, Coding>>();

function indexOf(list: readonly Coding[]): Map<number, Coding> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const c of list) index.set(c.id, c);
    indexes.set(list, index);
  }
  return index;
}

export const codingById = (list: readonly Coding[], id: number | null): Coding | undefined => (id === null ? undefined : indexOf(list).get(id));

/**
 * `list` with the codings of `removed` ids and of `added` ids taken out and `added` put at the
 * end; returns the new list and the codings taken out. The index moves to the new list (the
 * old one builds its own again if it is ever asked).
 */
export function changedList(list: readonly Coding[], added: readonly Coding[], removed: readonly number[]): { codings: Coding[]; gone: Coding[] } {
  const index = indexOf(list);
  indexes.delete(list);
  const codings = list.slice();
  const gone: Coding[] = [];
  for (const id of [...removed, ...added.map((c) => c.id)]) {
    const old = index.get(id);
    if (!old) continue;
    index.delete(id);
    // What a researcher just did sits near the end (a coding drawn ahead of the answer is last).
    const at = codings.lastIndexOf(old);
    if (at >= 0) codings.splice(at, 1);
    gone.push(old);
  }
  for (const c of added) {
    codings.push(c);
    index.set(c.id, c);
  }
  indexes.set(codings, index);
  return { codings, gone };
}
