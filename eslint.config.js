import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { featureBoundaries } from './renderer/lint/feature-boundaries.js';

/** The service domains; the same names as the contract files and the renderer features. */
const SERVICE_DOMAINS = [
  'auth',
  'admin',
  'schedule',
  'front-desk',
  'patients',
  'payments',
  'messages',
  'operations',
  'exports',
];

const layerRule = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layerRule([
        {
          group: ['**/main/**', '**/db/**', '\\#db/*', 'electron', 'better-sqlite3', 'node:*'],
          message: 'The renderer talks to main only through window.clinic.',
        },
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: layerRule([
      {
        group: ['**/main/**', '**/renderer/**', 'electron'],
        message: 'db is below main: it must not import main, renderer or electron.',
      },
    ]),
  },
  {
    files: ['main/services/**/*.ts'],
    rules: layerRule([
      { group: ['electron', '**/renderer/**'], message: 'Services are plain TypeScript: no Electron, no renderer.' },
      {
        // main/services/<domain>/ reaches another domain only through its index.ts (core is the
        // shared kernel every domain may use).
        regex: `^\\.\\./(?!core/)(${SERVICE_DOMAINS.join('|')})/(?!index\\.ts$)`,
        message: 'Import another domain only through its index.ts (its public face).',
      },
    ]),
  },
  {
    files: ['preload/**/*.ts'],
    rules: layerRule([
      {
        group: ['**/main/**', '**/db/**', '\\#db/*', '**/renderer/**'],
        message: 'The preload only knows the contract.',
      },
    ]),
  },
  {
    // Config files are loaded by their tools, which expect a default export.
    files: ['*.config.ts', '*.config.js', 'renderer/vite.config.ts', 'tests/e2e/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Renderer features meet only through their index.ts; ui/, lib/, api/ import no feature
    // (a local rule: it needs the importing file's own feature, see renderer/lint/).
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { renderer: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'renderer/feature-boundaries': 'error' },
  },
);
