import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  // 'es2015' picks rxjs's modern build (smaller, no tslib).
  plugins: [nodeResolve({ browser: true, exportConditions: ['es2015'] })],
};
