import { useCodebookStore } from '../codebook/store.ts';
import { useFrameworksStore } from '../frameworks/store.ts';
import { useMemosStore } from '../memos/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { useProjectStore } from '../project/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { useTeamStore } from '../team/store.ts';
import { useUndoStore } from './store.ts';

/**
 * Composition of the feature stores (stores never import each other): what to reload after
 * a change. After undo/redo anything may have changed, so everything shown reloads.
 */
export async function reloadEverything(): Promise<void> {
  // The document's status line told of the last action; after an undo (or an import) it may no longer be true.
  useSourcesStore.getState().setStatus('');
  await reloadShown();
}

/**
 * Everything shown, reloaded in place: the open document keeps its source and its selected
 * coding (by id), the codebook its selection. What a team sync calls after others' changes arrived.
 */
export async function reloadShown(): Promise<void> {
  await Promise.all([
    useSourcesStore.getState().load(),
    useSourcesStore.getState().reloadCodings(),
    useCodebookStore.getState().load(),
    useParticipantsStore.getState().load(),
    useMemosStore.getState().load(),
    useFrameworksStore.getState().reloadIfLoaded(),
    useProjectStore.getState().refresh(),
    useUndoStore.getState().refresh(),
    useTeamStore.getState().reloadIfLoaded(),
  ]);
}

/** After one of this workbench's commands: the undo label and the status-bar counts. */
export async function afterChange(): Promise<void> {
  await Promise.all([useUndoStore.getState().refresh(), useProjectStore.getState().refresh()]);
}
