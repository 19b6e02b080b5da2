// Storybook for the Live Chat Workspace components, configured by hand (see ../shared/TOOLCHAIN.md:
// `storybook init` cannot fetch its templates on a closed network).
//
//   npm run storybook         dev server on http://127.0.0.1:6006 (or any host name of the machine)
//   npm run build-storybook   static build in storybook-static/ (runs `npm run analyze` first)
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  docs: {
    defaultName: 'Docs',
  },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: {
        // Workspace packages from their TypeScript sources (the packages' `exports` put
        // '@live-chat/source' first), then Vite's defaults, then rxjs's modern ESM build
        // ('es2015'; without it rxjs resolves to its ES5 build plus tslib).
        conditions: ['@live-chat/source', ...defaultClientConditions, 'es2015'],
      },
      // Vite 8 transforms TypeScript with Oxc, not esbuild (`esbuild.tsconfigRaw` is ignored).
      // Lit's legacy decorators need the equivalent of `experimentalDecorators: true` and
      // `useDefineForClassFields: false`: legacy decorators, fields set by assignment, and fields
      // without an initializer removed so they do not shadow Lit's reactive accessors.
      oxc: {
        decorator: { legacy: true },
        assumptions: { setPublicClassFields: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
      },
      optimizeDeps: {
        // One pre-bundled copy of Lit for everything: Storybook's renderer imports
        // lit/directive-helpers.js, the components import lit and its directives; a subpath left
        // out would load a second lit-html ("Multiple versions of Lit loaded").
        include: [
          'lit',
          'lit/decorators.js',
          'lit/directive.js',
          'lit/directive-helpers.js',
          'lit/static-html.js',
          'lit/directives/*.js',
          '@lit/context',
          'rxjs',
          'rxjs/operators',
        ],
      },
      build: {
        // The stories with thousands of generated sessions make big chunks; that is expected.
        chunkSizeWarningLimit: 4000,
      },
    });
  },
};

export default config;
