import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The pure layers never reach out to the world: no adapters, no I/O modules.
    files: ['src/core/**/*.ts', 'src/protocols/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/apps/**'], message: 'core and protocols never import adapters or apps.' },
          { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:child_process', 'better-sqlite3', 'pg', 'kysely', 'fastify'], message: 'core and protocols are pure: no I/O.' },
        ],
      }],
    },
  },
);
