// Minifies the Lit templates of a module: the text of its `css` and `html` tagged template
// literals, with @lit-labs/rollup-plugin-minify-html-literals (Lightning CSS for styles,
// html-minifier-next for markup). Code, bindings and expressions are left as they are.
//
// One function, used wherever the packages are compiled for a page: the library build
// (rollup.config.mjs), the size measurement (scripts/lib/size.mjs) and the browser test suite
// (web-test-runner.config.mjs), so the tests run the templates as they ship.
//
// What it keeps:
// - whitespace in markup collapses to one space and is never removed (`conservativeCollapse`):
//   "Assigned to <b>Anna</b> by ..." keeps its spaces, whatever CSS the host applies;
// - empty attributes stay (`alt=""`, `title=""` mean something to assistive technology);
// - a `css` template with no rule in it is a list of declarations meant to be placed inside
//   another rule (`controlBox` in styles/tokens.ts): not a stylesheet, so left as written;
// - an `html` template with a tag name bound by an expression (`<${tag}>`, lit/static-html)
//   cannot be parsed as markup: left as written.
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';

/** The source files whose templates are minified: those of @live-chat/elements. */
export const TEMPLATE_SOURCES = /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/;

const tagOf = (template) => template.tag?.toLowerCase() ?? '';

/** A tag name bound by an expression: a part of the text ends in `<` or `</`. */
const hasBoundTagName = (template) =>
  template.parts.slice(0, -1).some((part) => /<\/?$/.test(part.text));

/** The options of `minifyHTMLLiterals` (see the notes above). */
export const MINIFY_OPTIONS = {
  minifyOptions: {
    collapseWhitespace: true,
    conservativeCollapse: true,
    removeEmptyAttributes: false,
  },
  shouldMinify: (template) => tagOf(template) === 'html' && !hasBoundTagName(template),
  shouldMinifyCSS: (template) =>
    tagOf(template) === 'css' && template.parts.some((part) => part.text.includes('{')),
};

/**
 * The module `code` (TypeScript or JavaScript) with its templates minified, and a source map
 * when `sourceMap` is set; `null` when there is nothing to change. Throws when a template cannot
 * be parsed: a template that does not ship as written in the source must be looked at.
 */
export async function minifyTemplates(code, fileName, { sourceMap = false } = {}) {
  const result = await minifyHTMLLiterals(code, {
    ...MINIFY_OPTIONS,
    fileName,
    ...(!sourceMap && { generateSourceMap: false }),
  });
  return result && { code: result.code, map: result.map };
}
