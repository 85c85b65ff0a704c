// Builds better-sqlite3 for the installed Electron into build/electron-native/, in a copy
// of the package: node_modules/better-sqlite3/build keeps Node's build for tests and CLI.
// node-gyp needs Electron's headers from electronjs.org, so this fails on an offline machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeDir, electronSqliteBindingPath, electronSqliteStampPath, electronVersion } from './electron-binary.mjs';

const HEADERS_URL = 'https://electronjs.org/headers';

function nodeGyp(root) {
  const bin = dirname(process.execPath);
  const npmDirs = [join(bin, '..', 'lib', 'node_modules', 'npm'), join(bin, 'node_modules', 'npm')];
  const candidates = [
    process.env.npm_config_node_gyp,
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // npm bundles node-gyp beside itself.
    ...npmDirs.map((d) => join(d, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')),
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

/** Returns the path of the Electron build; throws an Error with a readable message. */
export function buildElectronSqlite(root, { log = console.log } = {}) {
  const version = electronVersion(root);
  if (!version) throw new Error('node_modules/electron is not installed: run `npm install` first.');
  const source = join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(source, 'binding.gyp'))) throw new Error('node_modules/better-sqlite3 is missing: run `npm install` first.');
  const gyp = nodeGyp(root);
  if (!gyp) throw new Error('node-gyp was not found (neither in node_modules nor beside npm).');

  const outDir = electronNativeDir(root);
  const work = join(outDir, 'work', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Copy everything but the Node build: the copy's build/ is Electron's alone.
  cpSync(source, work, { recursive: true, filter: (src) => relative(source, src).split(sep)[0] !== 'build' });

  log(`Building better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})…`);
  const result = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, `--dist-url=${HEADERS_URL}`, '--runtime=electron'],
    { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000, env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: HEADERS_URL } },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    rmSync(join(outDir, 'work'), { recursive: true, force: true });
    const offline = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo/i.test(output);
    const tail = output.trim().split('\n').slice(-12).join('\n');
    throw new Error(
      offline
        ? `Could not build better-sqlite3 for Electron ${version}: node-gyp could not download Electron's headers from ${HEADERS_URL} (is this machine offline?). Run \`npm run electron:native\` again where electronjs.org is reachable; until then \`npm start\` uses browser mode.\n\n${tail}`
        : `Could not build better-sqlite3 for Electron ${version} (node-gyp ${result.error ? result.error.message : `exited with ${result.status}`}).\n\n${tail}`,
    );
  }
  const target = electronSqliteBindingPath(root);
  copyFileSync(built, target);
  writeFileSync(electronSqliteStampPath(root), `${version}\n`);
  rmSync(join(outDir, 'work'), { recursive: true, force: true });
  log(`Wrote ${relative(root, target)}`);
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    buildElectronSqlite(root);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
