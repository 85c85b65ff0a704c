import { useCallback, useEffect } from 'react';
import { attempt } from '../../ui/notify.ts';
import { matches } from '../../ui/shortcuts.ts';
import { useProjectStore } from '../project/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { reloadEverything } from '../undo/reload.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { useImportStore } from './store.ts';
import { useWindowFileDrop } from './use-file-drop.ts';

/** Opens the import dialog (the top bar's Import… button). */
export const openImport = (): void => useImportStore.getState().openDialog();

/**
 * Everything import adds to the window: the dialog, its key (Ctrl+Shift+O), and files dropped anywhere on
 * the window (they open the dialog, or join the files already in it).
 */
export function ImportLayer({ enabled }: { enabled: boolean }) {
  const open = useImportStore((s) => s.open);
  const onFiles = useCallback((files: File[]) => useImportStore.getState().openDialog(files), []);
  const dragging = useWindowFileDrop(onFiles, enabled);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (matches(e, 'import')) {
        e.preventDefault();
        openImport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);

  const onImported = useCallback((sourceId: number | null) => {
    void attempt(async () => {
      await reloadEverything();
      if (sourceId === null) return;
      useProjectStore.getState().setView('sources');
      await useSourcesStore.getState().openSource(sourceId);
    });
  }, []);

  return (
    <>
      {dragging && (
        <div className="imp-drop" aria-hidden="true">
          <div className="imp-drop-card">
            <strong>Drop files to import them</strong>
            <span>Transcripts, documents and questionnaire exports; you can check each one before anything is imported.</span>
          </div>
        </div>
      )}
      {open && <ImportDialog onImported={onImported} />}
    </>
  );
}
