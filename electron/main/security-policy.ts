import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The desktop window's security settings and URL policies, kept free of runtime Electron
 * imports so unit tests can check them without the Electron binary.
 */

export const APP_SCHEME = 'marginalia';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** devTools only in an unpackaged run: a packaged app gives the page no inspector. */
export function windowOptions(preloadPath: string, { devTools = false }: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Marginalia',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
      safeDialogs: true,
    },
  };
}

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** True for a URL of the app's own origin (marginalia://app/…), and nothing else. */
function isAppUrl(url: string): boolean {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** The window may only ever show the app's own pages. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);

/** An IPC call is answered only when it comes from a page of the app's own origin. */
export const isTrustedSender = (url: string | undefined | null): boolean => typeof url === 'string' && isAppUrl(url);

/** Links the renderer may hand to the system browser: https only, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
}

/**
 * A new-window request the system browser may take: an https link the user clicked (a link
 * with target=_blank opens as a tab, a middle click as a background tab). window.open from a
 * script asks for a 'new-window' and is refused, as is every navigation of the window itself.
 */
export function opensExternally(details: { url: string; disposition: string }): boolean {
  return (details.disposition === 'foreground-tab' || details.disposition === 'background-tab') && isSafeExternalUrl(details.url);
}

/** Response headers with our CSP replacing whatever policy (in any letter case) came before. */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
