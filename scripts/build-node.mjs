// Bundles the Node side (Electron main, preload, backend process, browser-mode server, CLI)
// with esbuild. Packages stay external: they load from node_modules at run time.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// CommonJS bundles have no import.meta.url; give them one from __filename. import.meta.resolve
// is only used when running the TypeScript sources (parse-pool.ts): none in a bundle.
const cjsImportMeta = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl', 'import.meta.resolve': 'undefined' },
};

// The import's parsing thread (electron/backend/import/parse-pool.ts) loads this file from
// beside the bundle that starts it, so each output folder gets its own copy.
const parseWorker = (outdir) =>
  build({ ...common, format: 'esm', entryPoints: { 'import-parse-worker': 'electron/backend/import/pipeline/parse-worker.ts' }, outdir, outExtension: { '.js': '.mjs' } });

await Promise.all([
  parseWorker('dist/server'),
  parseWorker('dist/cli'),
  parseWorker('dist/electron'),
  build({ ...common, format: 'esm', entryPoints: { serve: 'electron/server/serve.ts' }, outdir: 'dist/server', outExtension: { '.js': '.mjs' } }),
  build({ ...common, format: 'esm', entryPoints: { cli: 'electron/cli/cli.ts' }, outdir: 'dist/cli', outExtension: { '.js': '.mjs' } }),
  build({
    ...common,
    ...cjsImportMeta,
    format: 'cjs',
    entryPoints: { main: 'electron/main/main.ts', 'backend-process': 'electron/main/backend-process.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
  // The sandboxed preload may only require('electron'): everything else is bundled in.
  build({
    ...common,
    packages: undefined,
    format: 'cjs',
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
