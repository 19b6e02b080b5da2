// ESLint flat config (ESLint 10).
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

// The layers and their one direction of dependencies (docs/architecture.md):
//
//   host app ──> @live-chat/elements ──> @live-chat/core <── @live-chat/adapters
//
// enforced with `no-restricted-imports` (static imports, `import type` and re-exports alike)
// and `no-restricted-syntax` (dynamic `import()`). Each layer's rule lists everything it may
// not import; ESLint applies the last matching config object, so the exemptions below repeat
// the rest of their layer's list.
const LIT = {
  group: ['lit', 'lit/**', 'lit-html', 'lit-html/**', 'lit-element', 'lit-element/**', '@lit/**'],
  message: 'Only @live-chat/elements renders: lit belongs there (docs/architecture.md).',
};
const ADAPTERS = {
  group: ['@live-chat/adapters', '@live-chat/adapters/**'],
  message:
    'Only the host app (and tests, test support, stories, the demo) picks an adapter: ' +
    'import TransportAdapter from @live-chat/core instead (docs/architecture.md).',
};
const ELEMENTS = {
  group: ['@live-chat/elements', '@live-chat/elements/**'],
  message: 'Nothing below the UI imports the components (docs/architecture.md).',
};
const DEMO_AND_STORIES = {
  group: ['**/demo', '**/demo/**', '**/stories', '**/stories/**'],
  message: 'Packages never import the demo or the stories (docs/architecture.md).',
};

/**
 * A glob of `no-restricted-imports` ('**' any path) as the body of an esquery regular
 * expression, which cannot contain '/': slashes are written as \u002F.
 */
const globToRegex = (glob) =>
  glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '.*')
    .replaceAll('/', '\\u002F');

/** `no-restricted-imports` with these patterns, plus the same ban on dynamic `import()`. */
function layerRules(...patterns) {
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': [
      'error',
      ...patterns.map(({ group, message }) => ({
        selector: `ImportExpression[source.value=/^(${group.map(globToRegex).join('|')})$/]`,
        message,
      })),
    ],
  };
}

/** Tests and test support of a package: they may wire a component to the memory backend. */
const TEST_FILES = (dir) => [
  `${dir}/**/*.test.ts`,
  `${dir}/**/test/**`,
  `${dir}/**/testing/**`,
  `${dir}/**/*-testing.ts`,
];

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
  // Layers. core: no DOM framework, no transport, no UI.
  {
    files: ['packages/core/**/*.ts'],
    rules: layerRules(LIT, ADAPTERS, ELEMENTS, DEMO_AND_STORIES),
  },
  // adapters: implement core's TransportAdapter; no UI.
  {
    files: ['packages/adapters/**/*.ts'],
    rules: layerRules(LIT, ELEMENTS, DEMO_AND_STORIES),
  },
  // elements: talk to a client, never to an adapter...
  {
    files: ['packages/elements/**/*.ts'],
    rules: layerRules(ADAPTERS, DEMO_AND_STORIES),
  },
  // ...except their tests and test support, which run components on the memory backend.
  {
    files: TEST_FILES('packages/elements'),
    rules: layerRules(DEMO_AND_STORIES),
  },
);
