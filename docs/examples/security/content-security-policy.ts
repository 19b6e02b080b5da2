/**
 * The Content Security Policy to serve the page with the workspace under, as a response header
 * (`Content-Security-Policy: …`). Scripts and styles come from the page's own origin only; no
 * inline script, no `eval`, no style attribute written by markup. DOM sinks take only Trusted
 * Types, and the one policy allowed to make them is Lit's, named `lit-html`. Add your own
 * sources (a CDN, your API for `connect-src`, an image proxy for `img-src`) to it.
 */
export const CONTENT_SECURITY_POLICY = [
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
