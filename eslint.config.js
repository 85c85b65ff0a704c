// Lint: typescript-eslint's recommended rules plus the layering rules of the architecture
// (shared/ imports no Node, DOM or Electron; renderer/ and electron/ never import each other).
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.bench-out/**', 'build/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
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
        patterns: [
          { group: ['**/electron/**'], message: 'The renderer talks to the backend only through the API contract in shared/.' },
          { group: [...nodeBuiltins, 'electron', 'better-sqlite3'], message: 'The renderer is a sandboxed page: no Node or Electron modules.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
      }],
    },
  },
  {
    // CommonJS entry points (the package's bin) load Node modules with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Vitest's global setup and config files are loaded by default export.
    files: ['test/e2e/global-setup.ts', 'vitest.config.ts', 'vite.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
