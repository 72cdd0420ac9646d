// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Lint rules that carry the house's architecture (STYLE rule 1): lib/core is framework-free, and only
 * lib/config/env.ts reads the environment.
 */
export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'lib/db/generated/', 'test-results/', 'playwright-report/', 'data/', 'next-env.d.ts', 'lib/cli/dist/', 'lib/server/start/dist/', '.stryker-tmp/', 'reports/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['next', 'next/*', 'next-auth', 'next-auth/*'], message: 'lib/core is framework-free (STYLE rule 1).' },
          { group: ['@prisma/*', '**/db/*', '**/db/**', '**/generated/**'], message: 'lib/core never touches the database (STYLE rule 1).' },
          { group: ['**/server/**', '**/config/env', 'server-only'], message: 'lib/core must not depend on server glue.' },
        ],
      }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx', 'lib/**/*.ts', 'proxy.ts'],
    ignores: ['lib/config/env.ts', '**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment only in lib/config/env.ts.' }],
    },
  },
);
