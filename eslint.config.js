// typescript-eslint strict, plus one architectural rule: domain/ stays pure (STYLE.md, convention 1).
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
              ],
              message: 'domain/ is pure: no framework, database or node: imports.',
            },
          ],
        },
      ],
    },
  },
);
