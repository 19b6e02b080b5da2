/**
 * Export conditions for the dev server and the browser tests: workspace packages resolve to
 * their TypeScript sources ('@live-chat/source', see the packages' `exports`), Lit to its dev
 * build ('development'), rxjs to its modern ESM build ('es2015').
 */
export const EXPORT_CONDITIONS = ['@live-chat/source', 'browser', 'development', 'es2015'];
