import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { RENDERER_CSP } from '../../shared/api/security.ts';
import { APP_ENTRY_URL, isAllowedNavigation, opensExternally, windowOptions, withCsp } from './security-policy.ts';

/** No permission (camera, notifications, clipboard-read …) is ever granted to a page. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders, RENDERER_CSP) }));
}

/**
 * Every web contents, ours or any a bug might create: no new windows (an https link the user
 * clicked goes to the system browser), no navigation or redirect away from marginalia://app/,
 * no webviews.
 */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler((details) => {
    if (opensExternally(details)) void shell.openExternal(details.url).catch(() => {});
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(preloadPath: string, dev: boolean): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath, { devTools: dev }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
