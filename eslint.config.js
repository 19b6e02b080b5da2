// ESLint flat config (ESLint 10).
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/storybook-static/**',
      'docs/api/**',
      '**/coverage/**',
    ],
  },
  // TypeScript-aware recommended rules for every package, script, demo and story.
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names mark intentionally unused parameters/variables.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Lit and custom-element rules for the web components package.
  {
    files: ['packages/elements/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
);
