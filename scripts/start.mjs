// `npm start` runs the desktop app; `npm run serve` (--browser) the browser mode.
// Builds first when dist is missing or stale. Without Electron's binary (it cannot be
// downloaded everywhere) the desktop start falls back to browser mode.
//   node scripts/start.mjs [--browser] [--no-open] [--project PATH] [--port N] [--home DIR]
import { spawn, spawnSync } from 'node:child_process';
import { browserLaunch } from './open-browser.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildReason } from './build-freshness.mjs';
import { findElectronBinary, hasElectronSqliteBinding } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const browserOnly = argv.includes('--browser');
const noOpen = argv.includes('--no-open');
const appArgs = argv.filter((a) => a !== '--browser' && a !== '--no-open');

function run(args, label) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Marginalia could not be built (${label} failed).`);
    process.exit(result.status ?? 1);
  }
}

function buildIfNeeded() {
  if (!buildReason(root)) return;
  console.log('Building Marginalia…');
  run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], 'vite build');
  run([join(root, 'scripts', 'build-node.mjs')], 'build-node');
}

/** Electron's executable when it and Electron's SQLite build are both here, else why not. */
function desktopReadiness() {
  const electron = findElectronBinary(root);
  if (!electron) {
    return { reason: "Electron's binary is not installed on this machine (node_modules/electron/dist is missing and cannot be downloaded here)" };
  }
  if (!hasElectronSqliteBinding(root)) {
    spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { cwd: root, stdio: 'inherit' });
    if (!hasElectronSqliteBinding(root)) {
      return { reason: 'better-sqlite3 is not built for Electron (build/electron-native/better_sqlite3.node is missing; see the message above)' };
    }
  }
  return { electron };
}

function startDesktop(electron) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // The app folder (not dist/electron/main.cjs) so Electron reads package.json: its
  // productName names the userData folder, its "main" is dist/electron/main.cjs.
  const child = spawn(electron, [root, ...appArgs], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function openInBrowser(url) {
  if (noOpen || process.env.CI) return;
  const desktop = process.platform === 'win32' || process.platform === 'darwin' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!desktop) return;
  try {
    // Never the tokened address itself on a command line: see open-browser.mjs.
    const { command, args, cleanup } = browserLaunch(url);
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    setTimeout(cleanup, 60_000).unref();
  } catch {
    // Opening a browser is a convenience; the printed address is enough.
  }
}

async function startBrowser() {
  const { serve } = await import(pathToFileURL(join(root, 'dist', 'server', 'serve.mjs')).href);
  const { server } = await serve(appArgs);
  openInBrowser(server.url);
}

try {
  buildIfNeeded();
  if (!browserOnly) {
    const ready = desktopReadiness();
    if (ready.electron) {
      startDesktop(ready.electron);
    } else {
      console.log(`${ready.reason}; starting Marginalia in browser mode instead.`);
      await startBrowser();
    }
  } else {
    await startBrowser();
  }
} catch (err) {
  console.error(`Marginalia could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
