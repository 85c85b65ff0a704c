import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../shared/api/security.ts';
import { APP_ENTRY_URL, isAllowedNavigation, isSafeExternalUrl, isTrustedSender, windowOptions, withCsp } from '../../../electron/main/security-policy.ts';

describe('desktop window options', () => {
  const prefs = windowOptions('/app/dist/electron/preload.cjs').webPreferences!;

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('gives the page developer tools only when asked (development runs)', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences!.devTools).toBe(true);
  });
});

describe('navigation policy', () => {
  it.each([APP_ENTRY_URL, 'marginalia://app/', 'marginalia://app/index.html#/codebook', 'marginalia://app/assets/index-abc.js'])('allows the app page %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://example.com',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file:///work/main/dist/renderer/index.html',
    'marginalia://evil/index.html',
    'marginalia://app.evil.com/index.html',
    'marginalia://user:pw@app/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('IPC sender policy', () => {
  it('trusts only frames showing the app origin', () => {
    expect(isTrustedSender('marginalia://app/index.html')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('file:///index.html')).toBe(false);
    expect(isTrustedSender('marginalia://apps/index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('external links', () => {
  it('hands https links to the system browser and nothing else', () => {
    expect(isSafeExternalUrl('https://example.com/paper.pdf')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:secret@example.com/')).toBe(false);
    expect(isSafeExternalUrl('marginalia://app/index.html')).toBe(false);
  });
});

describe('CSP header', () => {
  it('replaces any policy, whatever its letter case, and keeps the other headers', () => {
    const out = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] }, RENDERER_CSP);
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [RENDERER_CSP] });
  });

  it('adds the policy when there were no headers', () => {
    expect(withCsp(undefined, RENDERER_CSP)).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] });
  });
});
