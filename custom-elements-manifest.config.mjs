// Custom Elements Manifest for @live-chat/elements: `npm run analyze` writes
// packages/elements/custom-elements.json from the components' doc comments (@summary, @fires,
// @slot, @csspart, @cssprop) and their Lit properties. Storybook reads it for controls and the
// docs table (.storybook/preview.ts); the package ships it for IDEs and other tooling.
const PACKAGE_DIR = 'packages/elements/';

/**
 * The analyzer records paths relative to the repository root; the manifest lives in the
 * package, so make them package-relative ("src/counter/counter.ts").
 */
function packageRelativePaths() {
  const strip = (value) =>
    typeof value === 'string' && value.startsWith(PACKAGE_DIR)
      ? value.slice(PACKAGE_DIR.length)
      : value;
  // The analyzer may share (or cycle through) nodes: visit each once.
  const seen = new WeakSet();
  const visit = (node) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string')
        node[key] = strip(value);
      else visit(value);
    }
  };
  return {
    name: 'live-chat-package-relative-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest.modules);
    },
  };
}

/**
 * Private members (state, controllers, handlers) are implementation details: leave them out of
 * the published manifest, so IDEs and Storybook's tables list only the public API.
 */
function withoutPrivateMembers() {
  return {
    name: 'live-chat-without-private-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (Array.isArray(declaration.members)) {
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && !String(member.name).startsWith('#'),
            );
          }
        }
      }
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: [
    'packages/elements/src/**/*.test.ts',
    'packages/elements/src/**/*.messages.ts',
    'packages/elements/src/**/*.styles.ts',
    'packages/elements/src/styles/**',
    'packages/elements/src/i18n/**',
  ],
  outdir: 'packages/elements',
  litelement: true,
  // The package's `customElements` field is set in packages/elements/package.json by hand.
  packagejson: false,
  dependencies: false,
  plugins: [packageRelativePaths(), withoutPrivateMembers()],
};
