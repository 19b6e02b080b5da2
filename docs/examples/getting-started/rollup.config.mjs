import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [
    // 'es2015' picks rxjs's modern build (smaller, no tslib); Lit resolves to its production
    // build (no 'development' condition).
    nodeResolve({ browser: true, exportConditions: ['es2015'] }),
    // Minified, as a page should ship it.
    terser(),
  ],
};
