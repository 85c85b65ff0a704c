import type { CopyManifest, MergeCode } from '../../../shared/domain/team/merge-types.ts';

/** The interview text the merge tests code: one source, key 10. */
export const TEXT = 'Why do we offer micro-credentials? Because employers ask for them.';

/** A code as a project or a copy lists it (guid `g-<key>` unless given). */
export const code = (key: string, name: string, parentKey: string | null = null, guid = `g-${key}`): MergeCode => ({ key, guid, parentKey, name, color: '#336699', definition: '', origin: 'deductive' });

/** Ben's copy, made on 1 February 2026 from a project with Why > Value, Demand; codings up to 100, memos up to 50. */
export const benManifest = (over: Partial<CopyManifest> = {}): CopyManifest => ({
  projectName: 'Study',
  madeAt: '2026-02-01T00:00:00.000Z',
  coder: 'Ben',
  blind: true,
  codes: [
    { guid: 'g-1', name: 'Why' },
    { guid: 'g-2', name: 'Value' },
    { guid: 'g-3', name: 'Demand' },
  ],
  lastCodingId: 100,
  lastMemoId: 50,
  ...over,
});
