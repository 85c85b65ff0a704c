import { useCodebookStore } from '../codebook/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { afterChange } from '../undo/reload.ts';

/** After coding from search: counts in the codebook and status bar, the open document, the undo label. */
export const refreshAfterCoding = (): Promise<unknown> =>
  Promise.all([useCodebookStore.getState().load(), useSourcesStore.getState().reloadCodings(), afterChange()]);
