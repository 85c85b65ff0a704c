// electron-builder hooks (see electron-builder.yml). A package without Electron's own
// better-sqlite3 build would start and then fail on the first project it opens.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, hasElectronSqliteBinding } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function beforePack() {
  if (!hasElectronSqliteBinding(root)) {
    throw new Error(
      `build/electron-native/better_sqlite3.node is missing or not built for Electron ${electronVersion(root)}: run \`npm run electron:native\` (it needs electronjs.org) before \`npm run dist\`.`,
    );
  }
}
