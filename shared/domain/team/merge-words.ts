import type { MergeCounts } from './merge-types.ts';

/** Each count of a merge as its plan says it and as its report says it, in the order shown. */
export const MERGE_COUNT_WORDS: readonly [keyof MergeCounts, string, string][] = [
  ['codings', 'codings to add', 'codings added'],
  ['codingsPresent', 'codings already here', 'codings already here'],
  ['codingsLeftOut', 'codings left out', 'codings left out'],
  ['codingsReplaced', 'codings to replace with the copy’s changed version', 'codings replaced with the copy’s changed version'],
  ['codingsRemoved', 'codings to remove (deleted in the copy)', 'codings removed (deleted in the copy)'],
  ['codesAdded', 'codes to add', 'codes added'],
  ['codesRenamed', 'codes to rename', 'codes renamed'],
  ['codesDeleted', 'codes to delete', 'codes deleted'],
  ['sourcesMatched', 'sources matched', 'sources matched'],
  ['sourcesAdded', 'sources to add', 'sources added'],
  ['memos', 'memos to add', 'memos added'],
  ['memosUpdated', 'memos to update', 'memos updated'],
  ['memosRemoved', 'memos to remove (deleted in the copy)', 'memos removed (deleted in the copy)'],
];

/** A phrase for one count: "codings added" stays plural except for 1 ("1 coding added"). */
export const countPhrase = (n: number, phrase: string): string => (n === 1 ? phrase.replace(/^(\w+)s\b/, '$1') : phrase);

/** The counts that are not zero, in words: "31 codings added, 1 source matched". */
export const mergeCountsInWords = (counts: MergeCounts, done: boolean): string =>
  MERGE_COUNT_WORDS.filter(([k]) => counts[k] > 0).map(([k, plan, past]) => `${counts[k].toLocaleString('en')} ${countPhrase(counts[k], done ? past : plan)}`).join(', ');
