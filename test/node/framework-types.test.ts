/// <reference types="node" />
// The framework typings of @live-chat/elements hold for every `live-chat-*` element: React 19
// JSX (`@live-chat/elements/types/react`, checked with tsc) and Vue templates
// (`@live-chat/elements/types/vue`, checked with vue-tsc). Each fixture uses every element the
// way a host does, asserts that every defined tag is typed, and carries mistakes the types must
// catch (`@ts-expect-error`, `@vue-expect-error`: the compiler fails when one is not an error).
import { test } from 'node:test';
import { assertTypeChecks, TSC, VUE_TSC } from './type-check.js';

const fixtures = 'test/node/fixtures/framework-types';

test('React 19 JSX: every live-chat-* tag with its properties and events (tsc)', () => {
  assertTypeChecks(TSC, `${fixtures}/react/tsconfig.json`);
});

test('Vue templates: every live-chat-* tag with its properties and events (vue-tsc)', () => {
  assertTypeChecks(VUE_TSC, `${fixtures}/vue/tsconfig.json`);
});
