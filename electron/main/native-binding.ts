import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = 'electron-native';

/** Developer overrides a packaged app never honours (the SQLite binding is chosen by electronSqliteBinding). */
export const PACKAGED_IGNORES = ['MARGINALIA_RENDERER_DIR', 'MARGINALIA_MIGRATIONS_DIR', 'MARGINALIA_SQLITE_BINDING'] as const;
export const SQLITE_BINDING_FILE = 'better_sqlite3.node';

/**
 * Where Electron's own better-sqlite3 build lives: build/electron-native/ in a checkout
 * (scripts/electron-native.mjs writes it), resources/electron-native/ in a package
 * (electron-builder's extraResources). node_modules/better-sqlite3 keeps Node's build
 * for the tests and the CLI. An explicit MARGINALIA_SQLITE_BINDING wins in a checkout; a packaged
 * app ignores it (an environment variable must not make it load a native module from elsewhere).
 */
export function electronSqliteBinding(options: { env: NodeJS.ProcessEnv; packaged: boolean; appPath: string; resourcesPath: string }): string | undefined {
  const explicit = options.env['MARGINALIA_SQLITE_BINDING'];
  if (explicit && !options.packaged) return explicit;
  const candidate = options.packaged
    ? join(options.resourcesPath, ELECTRON_NATIVE_DIR, SQLITE_BINDING_FILE)
    : join(options.appPath, 'build', ELECTRON_NATIVE_DIR, SQLITE_BINDING_FILE);
  return existsSync(candidate) ? candidate : undefined;
}
