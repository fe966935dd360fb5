import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each lib is reached only through its index.ts (`@arshjulet/<lib>`): the only way to keep libs' insides their own
// and the imports between them acyclic (STYLE.md). Relative paths into another lib, or `@arshjulet/<lib>/...`, are refused.
const LIBS = readdirSync(new URL('./libs', import.meta.url), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const THROUGH_INDEX = 'Import a lib only through its index: `@arshjulet/<lib>` (export what you need from its index.ts).';
const deepLibImport = { regex: '^@arshjulet/[^/]+/', message: THROUGH_INDEX };
const relativeIntoLibs = { regex: '^(\\.\\./)+libs/', message: THROUGH_INDEX };
// From libs/<a>/src/…, a relative path that climbs into some `src/` is one into another lib's (or its own index's) insides.
const relativeOutOfLib = { regex: '^(\\.\\./)+([^./][^/]*/)*src(/|$)', message: THROUGH_INDEX };
const ownIndex = (lib) => ({
  regex: `^@arshjulet/${lib}$`,
  message: `Inside libs/${lib}, import its own files by relative path: its index re-exports them, so importing it makes a cycle.`,
});
const libBoundaries = [
  ...LIBS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepLibImport, relativeIntoLibs, relativeOutOfLib, ownIndex(lib)] }] },
  })),
  { files: ['apps/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [deepLibImport, relativeIntoLibs] }] } },
  {
    // Jest loads globalSetup/globalTeardown as CommonJS, outside moduleNameMapper, so `@arshjulet/db` cannot be
    // resolved there: they reach the embedded PostgreSQL runner by its path.
    files: ['test/support/global-setup.ts', 'test/support/global-teardown.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepLibImport] }] },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', '.dist-*/**', 'node_modules/**', 'coverage/**', '.data/**', 'migrations/*-*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/valid-expect': 'error',
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'request.**.expect', '**.expect'] }],
    },
  },
  ...libBoundaries,
  // The pages' small progressive-enhancement scripts run in the browser.
  { files: ['libs/web/public/js/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
