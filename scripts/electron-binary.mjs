// Finds Electron's executable and Electron's better-sqlite3 build without loading the
// 'electron' package: its index.js starts a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside node_modules/electron/dist, as electron's install.js names it. */
export function electronPlatformPath(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable, or null when it is not installed (honours ELECTRON_OVERRIDE_DIST_PATH). */
export function findElectronBinary(root, env = process.env, platform = process.platform) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, recorded || electronPlatformPath(platform));
    return existsSync(candidate) ? candidate : null;
  }
  if (!recorded) return null;
  const candidate = join(pkg, 'dist', recorded);
  return existsSync(candidate) ? candidate : null;
}

/** The installed Electron version, or null without the package. */
export function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

export const electronNativeDir = (root) => join(root, 'build', 'electron-native');
export const electronSqliteBindingPath = (root) => join(electronNativeDir(root), 'better_sqlite3.node');
const stampPath = (root) => join(electronNativeDir(root), 'electron-version.txt');

/** True when build/electron-native holds a better-sqlite3 build for the installed Electron. */
export function hasElectronSqliteBinding(root) {
  if (!existsSync(electronSqliteBindingPath(root))) return false;
  try {
    return readFileSync(stampPath(root), 'utf8').trim() === electronVersion(root);
  } catch {
    return false;
  }
}

export const electronSqliteStampPath = stampPath;
