// typescript-eslint strict, plus architectural rules: domain/ stays pure (STYLE.md, convention 1),
// and a region's subtree is read by its path's range (underPath), never by LIKE.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const UNDER_PATH_SELECTOR =
  "CallExpression[callee.property.name='where'][arguments.0.value=/path$/][arguments.1.value=/like/]";
const UNDER_PATH_MESSAGE =
  "A region's subtree: underPath(e, ref, path) from db/under-path.ts, which both engines serve from an index, never like 'path%'.";

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    ignores: ['server/src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fastify*',
                'kysely*',
                'pg',
                'better-sqlite3',
                '../db/*',
                '../modules/*',
                // from nested folders too (domain/ledger/…)
                '**/db/*',
                '**/modules/*',
              ],
              message: 'domain/ is pure: no framework, database or node: imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: UNDER_PATH_SELECTOR,
          message: UNDER_PATH_MESSAGE,
        },
      ],
    },
  },
  {
    // Layers (issue 12 §3): a module's SQL lives in its *.repository.ts files. This block's
    // no-restricted-syntax replaces the one above for these files, so it repeats its selector.
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/**/*.repository.ts', '**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: UNDER_PATH_SELECTOR, message: UNDER_PATH_MESSAGE },
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|updateTable|insertInto|deleteFrom|selectNoFrom|replaceInto|mergeInto)$/]',
          message:
            'Queries live in *.repository.ts: move this query into a named function of the module repository and call that.',
        },
      ],
    },
  },
  {
    // One contract (issue 12 §1, ADR 0008): common/ is shared by server and web, so it depends on
    // neither, nor on anything only one of them can load.
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fastify*', 'kysely*', 'pg', 'better-sqlite3', 'react*', 'antd*'],
              message:
                'common/ is shared by server and web: no framework, database or node: imports.',
            },
            {
              group: ['**/server/*', '**/web/*'],
              message: 'common/ depends on neither side: move what it needs into common/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web takes the route schemas of common/api as types only (z.infer), so zod stays out of
    // the bundle; constants both sides use live in plain common/*.ts files.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/common/api/*'],
              allowTypeImports: true,
              message:
                'web/ imports common/api only as types (import type …): a value would bundle zod.',
            },
          ],
        },
      ],
    },
  },
);
