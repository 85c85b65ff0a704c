import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLaunchArgs, type LaunchArgs } from '../launch-args.ts';
import { MENU_COMMAND_CHANNEL, PROGRESS_CHANNEL, PROJECT_CHANGED_CHANNEL } from '../preload/channels.ts';
import { findRendererDir } from '../server/static-files.ts';
import { serveAppRequest } from './app-protocol.ts';
import type { BackendClient } from './backend-client.ts';
import { launchBackend } from './backend-launch.ts';
import { registerApiHandlers } from './ipc.ts';
import { menuTemplate, type MenuActions } from './menu.ts';
import { electronSqliteBinding } from './native-binding.ts';
import { projectActions } from './project-actions.ts';
import { APP_SCHEME } from './security-policy.ts';
import { createMainWindow, hardenContents, hardenSession } from './window.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SWITCHING_METHODS = new Set(['project.open', 'project.create', 'project.openDemo']);

// `electron <app>` in a checkout puts the app folder before our flags; a package does not.
const userArgs = (argv: readonly string[]): string[] => argv.slice(app.isPackaged ? 1 : 2);

function readArgs(): LaunchArgs {
  try {
    return parseLaunchArgs(userArgs(process.argv));
  } catch (err) {
    dialog.showErrorBox('Marginalia: bad command line', err instanceof Error ? err.message : String(err));
    return { rest: [] };
  }
}

// Before ready: marginalia://app/ is a standard, secure origin, so 'self' in the CSP and
// relative asset URLs work as on https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let backend: BackendClient | null = null;
let actions: MenuActions | null = null;
let quitting = false;

const isOurContents = (contents: WebContents): boolean => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents;

async function refreshMenu(): Promise<void> {
  if (!backend || !actions) return;
  const recent = await backend.invoke('project.recent', {});
  const template = menuTemplate({ recent: recent.ok ? recent.value : [], dev: !app.isPackaged, platform: process.platform }, actions);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(join(here, 'preload.cjs'), !app.isPackaged);
    mainWindow.on('closed', () => (mainWindow = null));
  } else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

/** The menu or a second launch opened another project behind the renderer's back. */
function projectSwitched(): void {
  mainWindow?.webContents.send(PROJECT_CHANGED_CHANNEL);
  void refreshMenu();
}

async function onBackendExit(code: number): Promise<void> {
  if (quitting) return;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    message: 'Marginalia’s backend stopped unexpectedly',
    detail: `Every change up to the last completed action is saved in the project file (exit code ${code}).`,
    buttons: ['Restart Marginalia', 'Quit'],
    defaultId: 0,
  });
  if (response === 0) app.relaunch();
  app.exit(code === 0 ? 1 : code);
}

async function start(args: LaunchArgs): Promise<void> {
  const rendererDir = findRendererDir(undefined, { allowOverride: !app.isPackaged });
  if (!rendererDir) {
    dialog.showErrorBox('Marginalia cannot start', 'The user interface is not built: run `npm run build` first.');
    app.exit(1);
    return;
  }
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  hardenSession(session.defaultSession);

  const home = resolve(args.home ?? (process.env['MARGINALIA_HOME'] || app.getPath('userData')));
  // New projects go to Documents/Marginalia unless a data folder was chosen on purpose (the backend keeps them inside it then).
  if (!args.home && !process.env['MARGINALIA_HOME'] && !process.env['MARGINALIA_PROJECTS']) process.env['MARGINALIA_PROJECTS'] = join(app.getPath('documents'), 'Marginalia');
  const binding = electronSqliteBinding({ env: process.env, packaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath });
  const client = launchBackend(join(here, 'backend-process.cjs'), home, binding, app.isPackaged);
  backend = client;
  void client.whenExited().then(onBackendExit);
  client.onProgress((event) => mainWindow?.webContents.send(PROGRESS_CHANNEL, event));

  actions = {
    ...projectActions({ backend: client, window: () => mainWindow, switched: projectSwitched }),
    edit: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
  };
  registerApiHandlers(ipcMain, {
    backend: client,
    isOurContents,
    afterCall: (method, result) => {
      if (result.ok && SWITCHING_METHODS.has(method)) void refreshMenu();
    },
  });

  const startError = await client.start(args.project ? resolve(args.project) : undefined);
  if (startError) dialog.showErrorBox('Marginalia could not open the project', startError);
  await refreshMenu();
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const args = readArgs();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('second-instance', (_event, argv) => {
    showWindow();
    let project: string | undefined;
    try {
      project = parseLaunchArgs(userArgs(argv)).project;
    } catch {
      return;
    }
    if (!project || !backend || !actions) return;
    const path = resolve(project);
    void (existsSync(path) ? backend.invoke('project.open', { path }) : backend.invoke('project.create', { path, template: 'five-questions' })).then((result) => {
      if (result.ok) projectSwitched();
      else dialog.showErrorBox('Marginalia could not open the project', result.error.message);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  // Let the backend close the project (and checkpoint its WAL) before the app exits.
  app.on('will-quit', (event) => {
    if (quitting || !backend?.alive) return;
    quitting = true;
    event.preventDefault();
    void backend.stop(3000).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(() => start(args))
    .catch((err: unknown) => {
      dialog.showErrorBox('Marginalia cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
