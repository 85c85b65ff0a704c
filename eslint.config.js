// Lint: typescript-eslint's recommended rules plus the layering rules of the architecture
// (shared/ imports no Node, DOM or Electron; renderer/ and electron/ never import each other).
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'worker_threads'];

// typescript-eslint's no-restricted-imports takes the last block that matches a file, so the
// narrower blocks below repeat the patterns of their side.
const rendererPatterns = [
  { group: ['**/electron/**'], message: 'The renderer talks to the backend only through the API contract in shared/.' },
  { group: [...nodeBuiltins, 'electron', 'better-sqlite3'], message: 'The renderer is a sandboxed page: no Node or Electron modules.' },
];
const electronPatterns = [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }];

// no-restricted-syntax, likewise, takes the last block that matches a file: blocks that set it
// repeat this selector.
const plainNodePatterns = [
  ...electronPatterns,
  { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron: the backend, CLI and server run in plain Node.' },
  { group: ['**/main/**', '**/preload/**'], message: 'The backend, CLI and server never import the Electron shell (electron/main, electron/preload).' },
];
const namedExports = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

// SQL lives in electron/backend/repositories/: the `sql` tag, the helpers of db/sql.ts under any
// name, better-sqlite3's prepare/exec/pragma, and fragments written by hand. RegExp#exec is
// not touched: only `<x>.raw.exec(...)` (a Db's better-sqlite3 connection) is.
const SQL_ELSEWHERE = 'SQL lives in electron/backend/repositories/: call a repository function (add one to the module of its domain).';
const sqlOutsideRepositories = [
  "TaggedTemplateExpression[tag.name='sql']",
  "TaggedTemplateExpression[tag.object.name='sql']",
  "TaggedTemplateExpression[tag.property.name='sql']",
  "ImportDeclaration[importKind='value'][source.value=/\\bdb.sql(\\.ts)?$/] > ImportSpecifier[importKind='value']",
  "ImportDeclaration[importKind='value'][source.value=/\\bdb.sql(\\.ts)?$/] > ImportNamespaceSpecifier",
  "CallExpression[callee.property.name='prepare']",
  "CallExpression[callee.object.property.name='raw'][callee.property.name=/^(exec|pragma)$/]",
  "Property[key.name='__sql']",
].map((selector) => ({ selector, message: SQL_ELSEWHERE }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.bench-out/**', 'build/**', '.stryker-tmp/**', 'reports/**', 'stryker-setup-*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', namedExports],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is imported by both sides and imports neither.' },
          { group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3'], message: 'shared/ runs everywhere: no Node, DOM, Electron or React.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: rendererPatterns,
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: electronPatterns,
      }],
    },
  },
  {
    // The backend, the CLI and browser mode run in plain Node (tests, CLI, the server, Electron's
    // utility process): only electron/main and electron/preload belong to the Electron shell.
    files: ['electron/backend/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts', 'electron/team-server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: plainNodePatterns,
      }],
    },
  },
  {
    // The import folder's two layers: parsers are pure (bytes in, structure out) and know
    // nothing of the pipeline that stores their results.
    files: ['electron/backend/import/parsers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          ...plainNodePatterns,
          { group: ['**/pipeline/**', '**/repositories/**', '**/db/**', '**/undo/**', '**/context.ts', '**/services/**'], message: 'Import parsers are pure: no pipeline, repository, database or undo code.' },
        ],
      }],
    },
  },
  {
    // Feature stores never import each other; compose them in components or hooks. Documented
    // exceptions go in the ignores below with their reason (none today: undo/reload.ts, which
    // refreshes every store after an undo, is a module of its own, not a store).
    files: ['renderer/src/features/*/store.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          ...rendererPatterns,
          { group: ['../*/store', '../*/store.ts', '**/features/*/store', '**/features/*/store.ts'], message: 'Feature stores never import each other: compose them in a component or hook.' },
        ],
      }],
    },
  },
  {
    // src/ui/ holds the pieces several features share; it sits below the features.
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          ...rendererPatterns,
          { group: ['**/features/**'], message: 'src/ui/ is shared by the features and imports none of them.' },
        ],
      }],
    },
  },
  {
    // SQL only in repositories/ (one module per domain). The exceptions are SQL by nature:
    // - db/: the `sql` helper itself, the connection (its statement cache is the one prepare(),
    //   pragmas, transaction control) and the migration runner, which executes migration files;
    // - undo/: capture, flush and replay work on any tracked table by name, with triggers and
    //   statements generated from PRAGMA table_info: SQL over the schema, not over a domain;
    // - team-server/: a service of its own whose store is PostgreSQL (its own migrations, its
    //   store, its state), and which reads a shared project file's synced tables.
    files: ['electron/**/*.ts'],
    ignores: ['electron/backend/repositories/**', 'electron/backend/db/**', 'electron/backend/undo/**', 'electron/team-server/**'],
    rules: { 'no-restricted-syntax': ['error', namedExports, ...sqlOutsideRepositories] },
  },
  {
    // CommonJS entry points (the package's bin) load Node modules with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Vitest's global setup and config files are loaded by default export.
    files: ['test/e2e/global-setup.ts', 'vitest.config.ts', 'vitest.mutate.config.ts', 'vite.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
