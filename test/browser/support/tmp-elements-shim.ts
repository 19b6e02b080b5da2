// TEMPORARY (docs engineer): stands in for @live-chat/elements until its index exports the components.
export * from '../../../packages/elements/src/workspace/workspace.js';
export { registerMessages, translate, availableLocales } from '../../../packages/elements/src/i18n/catalogue.js';
