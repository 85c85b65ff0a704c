import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/api/contract.ts';
import { RENDERER_CSP } from '../../../shared/api/security.ts';
import { ensureBuilt } from './ensure-built.ts';

/**
 * The bundled main process (dist/electron/main.cjs) and backend process, run under Node
 * with a recording stand-in for Electron (fixtures/fake-electron.mjs): everything the
 * desktop app does short of drawing a window. The real Electron cannot run on machines
 * without its binary.
 */
const root = resolve(import.meta.dirname, '..', '..', '..');
type Result = { ok: boolean; value?: { isDemo?: boolean; path?: string; name?: string }; error?: { code: string; message: string } };
type Outcome = {
  windowPrefs: Record<string, unknown>;
  loaded: string;
  privileged: { scheme: string; privileges: Record<string, boolean> }[];
  sandbox: boolean;
  handlerCount: number;
  forks: { modulePath: string; env: { MARGINALIA_HOME: string; MARGINALIA_SQLITE_BINDING: string | null } }[];
  info: Result;
  badInput: Result;
  malformedInputs: Result[];
  fromWebsite: Result;
  fromSubframe: Result;
  fromOtherContents: Result;
  noFrame: Result;
  page: { status: number; csp: string };
  permission: boolean;
  headers: Record<string, string[]>;
  navigation: { windowOpen: string; fileBlocked: boolean; inAppBlocked: boolean };
  exposedAs: string;
  bridgeKeys: string[];
  bridgeMethods: string[];
  viaPreload: Result;
  projectChanged: number;
  afterNew: Result;
  recentLabels: string[];
  afterQuit: Result;
  errors: string[];
};

let userData: string;
let outcome: Outcome;

beforeAll(async () => {
  await ensureBuilt(root);
  userData = mkdtempSync(join(tmpdir(), 'marginalia-main-'));
  const env: NodeJS.ProcessEnv = { ...process.env, FAKE_APP_PATH: root, FAKE_USER_DATA: userData, MARGINALIA_CODER: 'tester' };
  delete env['MARGINALIA_HOME'];
  delete env['MARGINALIA_SQLITE_BINDING'];
  const run = spawnSync(process.execPath, [join(import.meta.dirname, 'fixtures', 'run-main.mjs')], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`main did not complete:\n${run.stdout}\n${run.stderr}`);
  outcome = JSON.parse(line.slice('RESULT '.length)) as Outcome;
}, 180_000);

afterAll(() => rmSync(userData, { recursive: true, force: true, maxRetries: 20 }));

describe('desktop main process (under a stand-in for Electron)', () => {
  it('opens one hardened window on marginalia://app/', () => {
    expect(outcome.windowPrefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: true });
    expect(String(outcome.windowPrefs['preload'])).toMatch(/dist[/\\]electron[/\\]preload\.cjs$/);
    expect(outcome.loaded).toBe('marginalia://app/index.html');
    expect(outcome.sandbox).toBe(true);
    expect(outcome.privileged).toEqual([{ scheme: 'marginalia', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(outcome.page).toEqual({ status: 200, csp: RENDERER_CSP });
  });

  it('runs the backend in its own process with the data folder from userData', () => {
    expect(outcome.forks).toHaveLength(1);
    expect(outcome.forks[0]!.modulePath).toMatch(/dist[/\\]electron[/\\]backend-process\.cjs$/);
    expect(outcome.forks[0]!.env).toEqual({ MARGINALIA_HOME: join(userData, 'userData'), MARGINALIA_SQLITE_BINDING: null });
  });

  it('relays every API method and opens the demo project without --project', () => {
    expect(outcome.handlerCount).toBe(methodNames.length);
    expect(outcome.info.ok).toBe(true);
    expect(outcome.info.value?.isDemo).toBe(true);
    expect(outcome.badInput.error?.code).toBe('invalid_input');
  });

  it('answers malformed input from the page with typed errors, never a crash', () => {
    expect(outcome.malformedInputs.map((r) => r.error?.message)).toEqual([
      'project.open: Invalid input: expected object, received null',
      'project.open: Invalid input: expected object, received array',
      'project.open: Invalid input: expected object, received string',
      'project.open: Invalid input: expected object, received number',
      'project.open: Unrecognized key: "sql"',
    ]);
    expect(outcome.malformedInputs.every((r) => r.ok === false && r.error?.code === 'invalid_input')).toBe(true);
  });

  it('exposes the contract through the preload bundle, and only that', () => {
    expect(outcome.exposedAs).toBe('marginalia');
    expect(outcome.bridgeKeys).toEqual(['api', 'onMenuCommand', 'onProgress', 'onProjectChanged']);
    expect(outcome.bridgeMethods).toEqual([...methodNames].sort());
    expect(outcome.viaPreload.ok).toBe(true);
    expect(outcome.viaPreload.value?.isDemo).toBe(true);
  });

  it('refuses calls from other origins, subframes and other web contents', () => {
    for (const refused of [outcome.fromWebsite, outcome.fromSubframe, outcome.fromOtherContents, outcome.noFrame]) {
      expect(refused.ok).toBe(false);
      expect(refused.error?.message).toMatch(/^Refused/);
    }
  });

  it('denies permissions, new windows and navigation away from the app, and sets the CSP', () => {
    expect(outcome.permission).toBe(false);
    expect(outcome.headers).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] });
    expect(outcome.navigation).toEqual({ windowOpen: 'deny', fileBlocked: true, inAppBlocked: false });
  });

  it('creates a project from File → New Project…, tells the renderer and lists it as recent', () => {
    expect(outcome.afterNew.value?.path).toBe(join(userData, 'new-study.marginalia'));
    expect(outcome.projectChanged).toBe(1);
    expect(outcome.recentLabels[0]).toContain('new-study.marginalia');
  });

  it('stops the backend before quitting, without an error dialog', () => {
    expect(outcome.afterQuit.ok).toBe(false);
    expect(outcome.errors).toEqual([]);
  });
});
