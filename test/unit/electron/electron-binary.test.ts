import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronSqliteBinding } from '../../../electron/main/native-binding.ts';
import { buildReason, BUILD_OUTPUTS } from '../../../scripts/build-freshness.mjs';
import { electronPlatformPath, findElectronBinary, hasElectronSqliteBinding } from '../../../scripts/electron-binary.mjs';

let root: string;
const write = (rel: string, text = '') => {
  const full = join(root, rel);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
  write('node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: '45.5.0' }));
});
afterEach(() => rmSync(root, { recursive: true, force: true, maxRetries: 20 }));

describe('findElectronBinary', () => {
  it('finds nothing when the binary was never downloaded (no path.txt)', () => {
    expect(findElectronBinary(root, {}, 'linux')).toBeNull();
  });

  it('finds nothing when path.txt names a missing file', () => {
    write('node_modules/electron/path.txt', 'electron');
    expect(findElectronBinary(root, {}, 'linux')).toBeNull();
  });

  it('finds the executable path.txt names inside dist/', () => {
    write('node_modules/electron/path.txt', 'electron');
    const exe = write('node_modules/electron/dist/electron');
    expect(findElectronBinary(root, {}, 'linux')).toBe(exe);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with or without path.txt', () => {
    const override = join(root, 'elsewhere');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBeNull();
    const exe = write('elsewhere/electron');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBe(exe);
    // An installed dist/ does not count when the override points elsewhere.
    write('node_modules/electron/path.txt', 'electron');
    write('node_modules/electron/dist/electron');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'empty') }, 'linux')).toBeNull();
  });

  it('names the executable per platform as electron/install.js does', () => {
    expect(electronPlatformPath('linux')).toBe('electron');
    expect(electronPlatformPath('win32')).toBe('electron.exe');
    expect(electronPlatformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe("Electron's better-sqlite3 build", () => {
  it('counts only a build stamped with the installed Electron version', () => {
    expect(hasElectronSqliteBinding(root)).toBe(false);
    write('build/electron-native/better_sqlite3.node');
    expect(hasElectronSqliteBinding(root)).toBe(false);
    write('build/electron-native/electron-version.txt', '44.0.0\n');
    expect(hasElectronSqliteBinding(root)).toBe(false);
    write('build/electron-native/electron-version.txt', '45.5.0\n');
    expect(hasElectronSqliteBinding(root)).toBe(true);
  });

  it('is handed to the backend from the checkout, the package, or the environment', () => {
    const base = { env: {}, packaged: false, appPath: root, resourcesPath: join(root, 'resources') };
    expect(electronSqliteBinding(base)).toBeUndefined();
    const dev = write('build/electron-native/better_sqlite3.node');
    expect(electronSqliteBinding(base)).toBe(dev);
    expect(electronSqliteBinding({ ...base, packaged: true })).toBeUndefined();
    const packaged = write('resources/electron-native/better_sqlite3.node');
    expect(electronSqliteBinding({ ...base, packaged: true })).toBe(packaged);
    expect(electronSqliteBinding({ ...base, env: { MARGINALIA_SQLITE_BINDING: '/x.node' } })).toBe('/x.node');
  });
});

describe('buildReason', () => {
  const setTime = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

  it('asks for a build when an output is missing, or older than a source', () => {
    const source = write('shared/api/contract.ts', 'x');
    setTime(source, 1_000);
    expect(buildReason(root)).toBe('missing');
    const outputs = BUILD_OUTPUTS.map((rel) => write(rel));
    for (const o of outputs) setTime(o, 2_000);
    expect(buildReason(root)).toBeNull();
    setTime(source, 3_000);
    expect(buildReason(root)).toBe('stale');
    const migration = write('migrations/0002_next.sql');
    setTime(source, 1_000);
    setTime(migration, 2_500);
    expect(buildReason(root)).toBe('stale');
  });
});
