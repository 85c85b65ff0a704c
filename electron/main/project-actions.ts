import { dialog, type BrowserWindow } from 'electron';
import type { ApiResult } from '../../shared/api/errors.ts';
import type { BackendClient } from './backend-client.ts';
import { withProjectExtension, type MenuActions } from './menu.ts';

const FILTERS = [{ name: 'Marginalia project', extensions: ['marginalia'] }];

export type ProjectActionsOptions = {
  backend: BackendClient;
  window: () => BrowserWindow | null;
  /** Called after the open project changed: tell the renderer, rebuild the menu. */
  switched: () => void;
};

/** The File menu's project commands: native dialogs, then the same API the renderer uses. */
export function projectActions({ backend, window, switched }: ProjectActionsOptions): Omit<MenuActions, 'edit'> {
  const fail = (message: string, detail: string) => {
    const win = window();
    const options = { type: 'error' as const, message, detail };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const run = async (action: Promise<ApiResult<unknown>>) => {
    const result = await action;
    if (result.ok) switched();
    else fail('Marginalia could not open the project', result.error.message);
  };
  const withWindow = <T>(show: (win: BrowserWindow) => Promise<T>, fallback: () => Promise<T>) => {
    const win = window();
    return win ? show(win) : fallback();
  };

  return {
    newProject: () =>
      void (async () => {
        const paths = await backend.invoke('app.paths', {});
        const saveOptions = {
          title: 'New project',
          buttonLabel: 'Create',
          filters: FILTERS,
          properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
          ...(paths.ok ? { defaultPath: paths.value.suggestedNewPath } : {}),
        };
        const saved = await withWindow((w) => dialog.showSaveDialog(w, saveOptions), () => dialog.showSaveDialog(saveOptions));
        if (saved.canceled || !saved.filePath) return;
        const templateOptions = {
          type: 'question' as const,
          message: 'Start the codebook from',
          buttons: ['Five questions (Why / What / How / When / Where)', 'An empty codebook', 'Cancel'],
          defaultId: 0,
          cancelId: 2,
        };
        const choice = await withWindow((w) => dialog.showMessageBox(w, templateOptions), () => dialog.showMessageBox(templateOptions));
        if (choice.response === 2) return;
        const template = choice.response === 0 ? 'five-questions' : 'empty';
        await run(backend.invoke('project.create', { path: withProjectExtension(saved.filePath), template }));
      })(),
    openProject: () =>
      void (async () => {
        const openOptions = { title: 'Open project', filters: FILTERS, properties: ['openFile' as const] };
        const picked = await withWindow((w) => dialog.showOpenDialog(w, openOptions), () => dialog.showOpenDialog(openOptions));
        const path = picked.filePaths[0];
        if (picked.canceled || !path) return;
        await run(backend.invoke('project.open', { path }));
      })(),
    openRecent: (path) => void run(backend.invoke('project.open', { path })),
    openDemo: () => void run(backend.invoke('project.openDemo', {})),
  };
}
