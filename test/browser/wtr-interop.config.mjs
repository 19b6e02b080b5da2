// The repository's web-test-runner configuration plus the interop plugin that serves React
// (CommonJS) and Vue (browser build) to the tests, for running the documentation and interop
// suites on their own:
//
//   npx wtr --config test/browser/wtr-interop.config.mjs
//   npx wtr --config test/browser/wtr-interop.config.mjs --files test/browser/interop-react.test.ts
//
// `npm test` runs the same files through web-test-runner.config.mjs once that config lists
// interopPlugin() among its plugins (see docs/README.md § Tests).
import base from '../../web-test-runner.config.mjs';
import { interopPlugin } from './support/interop-plugin.mjs';

const alreadyWired = base.plugins.some((plugin) => plugin?.name === 'live-chat-interop');

export default {
  ...base,
  files: ['test/browser/**/*.test.ts'],
  plugins: alreadyWired ? base.plugins : [interopPlugin(), ...base.plugins],
};
