#!/usr/bin/env node
// The `marginalia` command: the CLI bundled by `npm run build` (dist/cli/cli.mjs).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const cli = join(__dirname, '..', 'dist', 'cli', 'cli.mjs');
if (!existsSync(cli)) {
  console.error('Marginalia is not built yet: run `npm run build` in ' + join(__dirname, '..') + ' (or use `npm run cli -- …`).');
  process.exit(2);
}
import(pathToFileURL(cli).href)
  .then((m) => m.runCli(process.argv.slice(2)))
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
