import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../../shared/api/security.ts';
import { opensExternally, windowOptions } from '../../../electron/main/security-policy.ts';
import { electronSqliteBinding, PACKAGED_IGNORES } from '../../../electron/main/native-binding.ts';

/**
 * The Electron security checklist, one test per item, each failing if the setting is removed:
 * fuses, window isolation, the CSP's content (and its meta copy), navigation, redirects,
 * webviews, permissions, external links, and developer overrides in a packaged app. The
 * Electron binary cannot run here: window.ts is driven through a stand-in `electron` module.
 */

const openExternal = vi.fn(() => Promise.resolve());
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: { openExternal } }));
const { hardenContents, hardenSession } = await import('../../../electron/main/window.ts');

const root = join(import.meta.dirname, '..', '..', '..');

describe('fuses (electron-builder.yml electronFuses)', () => {
  // The few top-level keys read here are plain `key: value` maps and `- item` lists: read by hand,
  // the YAML package being only a dependency of electron-builder.
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8').split('\n');
  const block = (key: string): string[] => {
    const start = yml.indexOf(`${key}:`);
    if (start < 0) return [];
    const out: string[] = [];
    for (const line of yml.slice(start + 1)) {
      if (!/^\s/.test(line)) break;
      if (line.trim() && !line.trim().startsWith('#')) out.push(line.trim());
    }
    return out;
  };
  const config = {
    electronFuses: Object.fromEntries(block('electronFuses').map((l) => { const [k, v] = l.split(/:\s*/); return [k!, v === 'true']; })),
    asar: yml.includes('asar: true'),
    asarUnpack: block('asarUnpack').map((l) => l.replace(/^-\s*/, '')),
  };

  it('turns off running as Node, NODE_OPTIONS and --inspect; turns on cookie encryption, ASAR integrity and ASAR-only loading; no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app in app.asar with only the native module outside it: the parsing thread is under the integrity check', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*.node']);
  });
});

describe('window', () => {
  it('isolates the page: context isolation, sandbox, no Node anywhere, no webviews, web security on', () => {
    const prefs = windowOptions('/p/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });

  it('main turns the sandbox on for every renderer and keeps one instance', () => {
    const main = readFileSync(join(root, 'electron/main/main.ts'), 'utf8');
    expect(main).toMatch(/^app\.enableSandbox\(\);$/m);
    expect(main).toMatch(/app\.requestSingleInstanceLock\(\)/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenContents\(contents\)\)/);
  });
});

describe('content security policy', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [name, ...values] = d.split(/\s+/); return [name!, values]; }));
  const csp = directives(RENDERER_CSP);

  it('allows nothing by default, scripts only from the app, no eval, no inline script, no plugins, no framing, no forms, no base', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.has('object-src') ? csp.get('object-src') : csp.get('default-src')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(values, name).not.toContain('*');
      expect(values.some((v) => /^https?:/.test(v)), `${name} names a remote origin`).toBe(false);
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('the copy in renderer/index.html says the same (frame-ancestors aside, which a meta tag cannot set)', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = new Map(csp);
    header.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(header);
  });
});

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string; disposition: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    on: (name: string, l: Listener) => listeners.set(name, l),
  };
  hardenContents(contents as never);
  const fire = (name: string, url = '') => {
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    listeners.get(name)!(event, url);
    return event.prevented;
  };
  return { fire, open: (url: string, disposition: string) => openHandler!({ url, disposition }) };
}

describe('web contents', () => {
  beforeEach(() => openExternal.mockClear());

  it('never navigates or redirects away from marginalia://app/', () => {
    const c = fakeContents();
    expect(c.fire('will-navigate', 'marginalia://app/index.html#codebook')).toBe(false);
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-redirect', 'marginalia://app/index.html')).toBe(false);
    expect(c.fire('will-redirect', 'https://evil.example/')).toBe(true);
    // A navigation is never handed to the system browser: only a clicked link is.
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses every webview', () => {
    expect(fakeContents().fire('will-attach-webview')).toBe(true);
  });

  it('opens no window; an https link the user clicked goes to the system browser, nothing else does', () => {
    const c = fakeContents();
    expect(c.open('https://example.com/paper', 'foreground-tab')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/paper');
    openExternal.mockClear();
    for (const [url, disposition] of [['https://example.com/', 'new-window'], ['http://example.com/', 'foreground-tab'], ['file:///etc/passwd', 'foreground-tab'], ['javascript:alert(1)', 'foreground-tab']] as const) {
      expect(c.open(url, disposition)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(opensExternally({ url: 'https://example.com/', disposition: 'background-tab' })).toBe(true);
  });

  it('grants no permission, asked or checked, and sets the CSP on every response', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers['request'] = h),
      setPermissionCheckHandler: (h: never) => (handlers['check'] = h),
      setDevicePermissionHandler: (h: never) => (handlers['device'] = h),
      webRequest: { onHeadersReceived: (h: never) => (handlers['headers'] = h) },
    };
    hardenSession(session as never);
    const granted = vi.fn();
    (handlers['request'] as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((handlers['check'] as (...a: unknown[]) => boolean)(null, 'clipboard-read')).toBe(false);
    expect((handlers['device'] as (...a: unknown[]) => boolean)({})).toBe(false);
    const answered = vi.fn();
    (handlers['headers'] as (d: unknown, cb: (r: unknown) => void) => void)({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, answered);
    expect(answered).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [RENDERER_CSP] } });
  });
});

describe('a packaged app ignores developer overrides', () => {
  it('MARGINALIA_SQLITE_BINDING is honoured in a checkout only', () => {
    const env = { MARGINALIA_SQLITE_BINDING: '/tmp/evil.node' };
    expect(electronSqliteBinding({ env, packaged: false, appPath: '/nowhere', resourcesPath: '/nowhere' })).toBe('/tmp/evil.node');
    expect(electronSqliteBinding({ env, packaged: true, appPath: '/nowhere', resourcesPath: '/nowhere' })).toBeUndefined();
    expect(PACKAGED_IGNORES).toEqual(expect.arrayContaining(['MARGINALIA_RENDERER_DIR', 'MARGINALIA_MIGRATIONS_DIR', 'MARGINALIA_SQLITE_BINDING']));
  });
});
