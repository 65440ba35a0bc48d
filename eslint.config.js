// typescript-eslint strict, plus architectural rules: domain/ stays pure (STYLE.md, convention 1),
// and a region's subtree is read by its path's range (underPath), never by LIKE.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
          selector:
            "CallExpression[callee.property.name='where'][arguments.0.value=/path$/][arguments.1.value=/like/]",
          message:
            "A region's subtree: underPath(e, ref, path) from db/under-path.ts, which both engines serve from an index, never like 'path%'.",
        },
      ],
    },
  },
);
