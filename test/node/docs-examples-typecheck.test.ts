/// <reference types="node" />
// The guides' examples (docs/examples) type-check against the packages' sources: an API change
// that breaks a guide fails here, with the compiler's message. The Vue single-file components
// (docs/examples/vue/sfc) are checked with vue-tsc, templates included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTypeChecks, TSC, typeCheck, VUE_TSC } from './type-check.js';

test('docs/examples type-check (tsc -p docs/examples)', () => {
  assertTypeChecks(TSC, 'docs/examples/tsconfig.json');
});

test('docs/examples/vue/sfc type-checks, templates included (vue-tsc)', () => {
  assertTypeChecks(VUE_TSC, 'docs/examples/vue/sfc/tsconfig.json');
});

test('docs/examples use only erasable TypeScript syntax (erasableSyntaxOnly, as Vite templates)', () => {
  // The option applies to the packages' sources too (the examples import them from source),
  // which may use parameter properties: only the examples' own files must be free of TS1294.
  const result = typeCheck(TSC, 'docs/examples/tsconfig.json', '--erasableSyntaxOnly');
  const inExamples = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('docs/examples/') && line.includes('TS1294'));
  assert.deepEqual(inExamples, []);
});
