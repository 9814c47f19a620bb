import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'demo-output/**', 'test-results/**', 'bench/results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // core/ is the product: it takes a Document and returns data, so it may not reach
      // into the browser glue or the extension API.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/core',
              from: ['./src/content', './src/background', './src/popup', './src/options', './src/cli', './src/shared'],
              message: 'src/core must not import glue code.',
            },
          ],
        },
      ],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'src/core must not use browser extension APIs.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/core must not use browser extension APIs.' }, { name: 'browser', message: 'src/core must not use browser extension APIs.' }],
    },
  },
);
