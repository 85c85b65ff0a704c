import { useProjectStore } from '../project/store.ts';
import { useSourcesStore } from '../sources/store.ts';

/**
 * "Jump to it in the document": opens the source in the coding workbench and selects the
 * coding there. The sources feature owns the document; this only drives its public store API.
 */
export async function jumpToCoding(sourceId: number, codingId: number | null): Promise<void> {
  const sources = useSourcesStore.getState();
  await sources.openSource(sourceId);
  if (codingId !== null) useSourcesStore.getState().selectCoding(codingId);
  useProjectStore.getState().setView('sources');
}
