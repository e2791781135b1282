import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const browserOnlyGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'requestAnimationFrame',
  'performance',
  'location',
  'history',
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'bench-results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure arithmetic: it must run in a worker, in Node and in a benchmark alike.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/core is pure: no React.',
            },
            { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no store.' },
            { group: ['recharts', 'recharts/*'], message: 'src/core is pure: no charts.' },
            {
              group: [
                '../store/*',
                '../components/*',
                '../hooks/*',
                '**/store/**',
                '**/components/**',
                '**/hooks/**',
              ],
              message: 'src/core imports nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserOnlyGlobals.map((name) => ({ name, message: 'src/core is pure: no DOM.' })),
      ],
    },
  },
);
