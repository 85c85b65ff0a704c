import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../../shared/domain/types.ts';
import type { MenuCommand } from '../../shared/api/desktop.ts';

export type MenuActions = {
  newProject: () => void;
  openProject: () => void;
  openRecent: (path: string) => void;
  openDemo: () => void;
  /**
   * Commands the page carries out: Undo/Redo (it decides between undoing typing in a text field
   * and project changes) and the team-project dialogs.
   */
  edit: (command: MenuCommand) => void;
};

export type MenuState = {
  recent: readonly RecentProject[];
  /** Reload and developer tools exist only in an unpackaged (development) run. */
  dev: boolean;
  platform: NodeJS.Platform;
};

function recentItems(recent: readonly RecentProject[], open: (path: string) => void): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent projects', enabled: false }];
  return recent.map((r) => ({
    label: r.exists ? `${r.name} — ${r.path}` : `${r.name} — ${r.path} (missing)`,
    enabled: r.exists,
    click: () => open(r.path),
  }));
}

/**
 * The application menu. New/Open carry no accelerators on purpose: Ctrl+O and
 * Ctrl+Alt+N belong to the renderer's own dialogs, and a menu accelerator would fire
 * before the page on macOS and open both.
 */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project…', click: () => actions.newProject() },
      { label: 'Open Project…', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recentItems(state.recent, actions.openRecent) },
      { label: 'Open Demo Project', click: () => actions.openDemo() },
      { type: 'separator' },
      // The page's own dialogs (a team project is joined and shared from the page).
      { label: 'Join Team Project…', click: () => actions.edit('joinTeam') },
      { label: 'Share to Team Server…', click: () => actions.edit('shareTeam') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    // Not the undo/redo roles: those undo typing only, never a coding or a merge. The page's
    // own Ctrl+Z handler does both; the accelerator is shown here but left to the page (on
    // macOS, where a menu always takes its key first, the click does the same through IPC).
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.edit('undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => actions.edit('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(state.dev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, { role: 'windowMenu' }];
}

/** Save dialogs return what the user typed; a project file always gets the extension. */
export const withProjectExtension = (path: string): string => (/\.marginalia$/i.test(path) ? path : `${path}.marginalia`);
