// Lint: typescript-eslint's type-checked rules on all TypeScript, the lit, wc
// and lit-a11y plugins on element code and stories; run with --max-warnings 0.
import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const elementCode = ['packages/*/src/**/*.ts', 'packages/*/test/**/*.browser.test.ts', 'stories/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', 'reports/**', '**/custom-elements.json'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: elementCode,
    ...lit.configs['flat/recommended'],
  },
  {
    files: elementCode,
    ...wc.configs['flat/recommended'],
  },
  {
    files: elementCode,
    ...litA11y.configs.recommended,
  },
  {
    files: elementCode,
    rules: {
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'wc/guard-super-call': 'off', // Lit's lifecycle methods always exist on the base class.
      // Lit binds `this` of event listeners in templates (`@click=${this.handle}`) to the element.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests may reach into shadow roots and stub things.
    files: ['packages/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'suite', 'test'], package: 'node:test' }] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Example pages' scripts run in the browser; end-to-end tests pass functions to the page.
    files: ['examples/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
