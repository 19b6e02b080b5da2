// What the packages cost a host page, minified and gzipped: the measurement behind
// `npm run size` and the size table of README.md (kept current by a test).
//
// Each entry is bundled for browsers with esbuild (minified, ES module, production builds of
// Lit; rxjs's modern 'es2015' build), from the packages' sources (the '@live-chat/source'
// condition; the published dist/ is the same code compiled the same way, its Lit templates
// minified by the same function, minify-templates.mjs), then gzipped (level 9). Dependencies are
// bundled unless listed as external. Same sources and same esbuild: same bytes.
//
// Besides the whole packages, it measures single components: each subpath of
// @live-chat/elements (`@live-chat/elements/session-list`, …) defines one element and imports
// only what that element renders, so a host importing it alone ships only that
// (`npm run size -- --components` lists every subpath).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { minifyTemplates, TEMPLATE_SOURCES } from './minify-templates.mjs';
import { rootDir } from './paths.mjs';

/** The goal for the whole workspace's first load (KB as the tables show them: 1,024 bytes). */
export const WHOLE_WORKSPACE_BUDGET = 60 * 1024;

/**
 * Budgets of the parts loaded after the first load, by name: each part the workspace loads the
 * first time it shows it, the Russian texts and the WebSocket adapter.
 */
export const BUDGETS = {
  'lazy: reports': 14 * 1024,
  'lazy: search': 6 * 1024,
  'lazy: alert settings': 4 * 1024,
  'lazy: new session': 6 * 1024,
  'lazy: about the session': 14 * 1024,
  'lazy: canned replies': 8 * 1024,
  'lazy: conversation': 23 * 1024,
  'lazy: activity': 3 * 1024,
  'lazy: live monitor': 4 * 1024,
  // Its English texts load with it, not with the first load.
  'lazy: shortcuts help': 2.5 * 1024,
  'lazy: attachment': 3 * 1024,
  // With the clamped-text chunk it shares with the other on-demand parts (fetched once for all).
  'lazy: file tray': 3.5 * 1024,
  'lazy: alert toast': 2 * 1024,
  'Russian texts': 13 * 1024,
  'WebSocket adapter': 6 * 1024,
};

/**
 * The bundles measured. `name` is the console label, `label` the README's (Markdown), `what`
 * what is in it. A `splitting` entry is bundled with code splitting, the way a host's bundler
 * keeps `import()` apart: its figure is the first load (the entry and the chunks it imports),
 * and each part it loads with `import()` is measured on its own (see {@link LAZY_PARTS}).
 */
export const ENTRIES = [
  {
    name: '@live-chat/core',
    label: '`@live-chat/core` (rxjs not included)',
    what: 'everything core exports; rxjs not included',
    source: "export * from '@live-chat/core';",
    external: ['rxjs', 'rxjs/*'],
  },
  {
    name: 'createLiveChatClient',
    label: '`createLiveChatClient` alone, with the core and rxjs it uses',
    what: 'the client store alone (a host that renders its own UI), with core and rxjs',
    source: "export { createLiveChatClient } from '@live-chat/core';",
  },
  {
    name: '@live-chat/elements/session-list',
    label: '`@live-chat/elements/session-list` alone, with the core, lit and rxjs it uses',
    what: 'only <live-chat-session-list>, with what it uses of core, lit, @lit/context and rxjs',
    source: "export * from '@live-chat/elements/session-list';",
  },
  {
    name: 'whole workspace',
    label:
      'whole workspace, first load: every component + `createLiveChatClient`, all included ' +
      `(goal ≤ ${WHOLE_WORKSPACE_BUDGET / 1024} KB)`,
    what: 'first load: @live-chat/elements + createLiveChatClient, with core, lit, @lit/context and rxjs',
    source: [
      "export * from '@live-chat/elements';",
      "export { createLiveChatClient } from '@live-chat/core';",
    ].join('\n'),
    splitting: true,
    budget: WHOLE_WORKSPACE_BUDGET,
  },
  {
    name: 'Russian texts',
    label: '`@live-chat/elements/locales/ru`, the opt-in Russian texts',
    what: 'import "@live-chat/elements/locales/ru": every component\'s Russian texts',
    source: "import '@live-chat/elements/locales/ru';",
    budget: BUDGETS['Russian texts'],
  },
  {
    name: 'WebSocket adapter',
    label: '`createWebSocketAdapter` (core and rxjs not included: the workspace has them)',
    what: 'createWebSocketAdapter of @live-chat/adapters; core and rxjs not included',
    source: "export { createWebSocketAdapter } from '@live-chat/adapters';",
    external: ['rxjs', 'rxjs/*', '@live-chat/core'],
    budget: BUDGETS['WebSocket adapter'],
  },
  {
    name: '@live-chat/adapters',
    label: '`@live-chat/adapters` (core, rxjs, idb not included)',
    what: 'the memory backend, seed data, simulator, IndexedDB persistence; core and rxjs not included',
    source: "export * from '@live-chat/adapters';",
    external: ['rxjs', 'rxjs/*', '@live-chat/core', 'idb'],
  },
];

/**
 * The parts the workspace loads with `import()` the first time it shows them, by the source
 * file imported (each through `workspace/lazy/`, see `workspace/lazy-elements.ts` and
 * `shared/on-demand.ts`): how each is named in the results.
 */
export const LAZY_PARTS = {
  'packages/elements/src/workspace/lazy/reports.ts': {
    name: 'lazy: reports',
    label: '… then `<live-chat-reports>`, when the reports are first opened',
  },
  'packages/elements/src/workspace/lazy/search.ts': {
    name: 'lazy: search',
    label: '… then `<live-chat-search>`, right after the first render',
  },
  'packages/elements/src/workspace/lazy/alert-settings.ts': {
    name: 'lazy: alert settings',
    label: '… then `<live-chat-alert-settings>`, when the settings are first opened',
  },
  'packages/elements/src/workspace/lazy/conversation.ts': {
    name: 'lazy: conversation',
    label: '… then `<live-chat-conversation>` with its composer, when a session is first opened',
  },
  'packages/elements/src/workspace/lazy/activity.ts': {
    name: 'lazy: activity',
    label:
      '… then `<live-chat-activity>`, when the Activity tab is first shown (at once in the wide layout with no session open)',
  },
  'packages/elements/src/workspace/lazy/about-session.ts': {
    name: 'lazy: about the session',
    label: '… then `<live-chat-about-session>`, when a session is first opened',
  },
  'packages/elements/src/workspace/lazy/new-session.ts': {
    name: 'lazy: new session',
    label: '… then `<live-chat-new-session>`, when New Session is first clicked',
  },
  'packages/elements/src/workspace/lazy/canned-replies.ts': {
    name: 'lazy: canned replies',
    label: '… then `<live-chat-canned-replies>`, when the canned replies editor is first opened',
  },
  'packages/elements/src/workspace/lazy/monitor.ts': {
    name: 'lazy: live monitor',
    label: '… then `<live-chat-monitor>`, when a supervisor first opens the live monitor',
  },
  'packages/elements/src/workspace/lazy/shortcuts-help.ts': {
    name: 'lazy: shortcuts help',
    label: '… then `<live-chat-shortcuts-help>`, when `?` first opens the shortcuts help',
  },
  'packages/elements/src/workspace/lazy/attachment.ts': {
    name: 'lazy: attachment',
    label: '… then `<live-chat-attachment>`, when a message with files is first shown',
  },
  'packages/elements/src/workspace/lazy/alert-toast.ts': {
    name: 'lazy: alert toast',
    label:
      '… then `<live-chat-alert-toast>`, the in-app alert, in idle time once the workspace is ready',
  },
  'packages/elements/src/workspace/lazy/file-tray.ts': {
    name: 'lazy: file tray',
    label: '… then `<live-chat-file-tray>`, when a file is first attached',
  },
};

/** esbuild's version, for the record. */
export const esbuildVersion = esbuild.version;

/** Minified templates by source text: the bundles of one run share most modules. */
const minified = new Map();

/**
 * An esbuild plugin: the modules of @live-chat/elements with their Lit templates minified, as
 * the library build ships them (rollup.config.mjs).
 */
export const shippedTemplates = {
  name: 'shipped-templates',
  setup(build) {
    build.onLoad({ filter: TEMPLATE_SOURCES }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!minified.has(text)) minified.set(text, minifyTemplates(text, args.path));
      return { contents: (await minified.get(text))?.code ?? text, loader: 'ts' };
    });
  },
};

/**
 * The esbuild options every measurement shares (`esbuild --bundle --minify --format=esm
 * --target=es2022`, production builds, an empty CSS loader, templates minified as shipped), and
 * `npm run bench:ui` builds its page with.
 */
export const BUILD_OPTIONS = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['@live-chat/source', 'es2015'],
  loader: { '.css': 'empty' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'silent',
  plugins: [shippedTemplates],
};

/**
 * Bundles `source` (an ES module importing the packages) the way the measurements do: minified,
 * for browsers, from the packages' sources. Resolves to `{ code, inputs }`: the bytes, and the
 * files that went into them (paths relative to the repository root, `/`-separated).
 */
export async function bundle(source, { external = [] } = {}) {
  const result = await esbuild.build({
    ...BUILD_OPTIONS,
    stdin: {
      contents: source,
      resolveDir: rootDir,
      loader: 'js',
      sourcefile: 'size-entry.js',
    },
    external,
  });
  return {
    code: result.outputFiles[0].contents,
    inputs: Object.keys(result.metafile.inputs).map((file) => file.split(path.sep).join('/')),
  };
}

const ENTRY_MODULE = 'size-entry';

/**
 * Bundles `source` with code splitting, as a host's bundler does: resolves to the files of the
 * first load (the entry and every chunk it imports statically) and, for each module imported
 * with `import()`, the further files loading it fetches. Files are `{ name, code, inputs,
 * bytes }`: `bytes` is what each input file put into the file (minified bytes, by input).
 *
 * With `withoutOnDemandParts`, each part the workspace shows on demand (`workspace/lazy/*`) is
 * an empty module: what the first load then holds is what it holds for itself.
 */
export async function bundleSplit(source, { withoutOnDemandParts = false } = {}) {
  const emptyParts = {
    name: 'empty-on-demand-parts',
    setup(build) {
      build.onResolve({ filter: /^\.\/lazy\/[\w-]+\.js$/ }, (args) => ({
        path: args.path,
        namespace: 'empty-on-demand-parts',
      }));
      build.onLoad({ filter: /.*/, namespace: 'empty-on-demand-parts' }, () => ({
        contents: 'export {};',
        loader: 'js',
      }));
    },
  };
  const result = await esbuild.build({
    ...BUILD_OPTIONS,
    entryPoints: [ENTRY_MODULE],
    splitting: true,
    outdir: path.join(rootDir, 'size-out'),
    plugins: [
      ...BUILD_OPTIONS.plugins,
      ...(withoutOnDemandParts ? [emptyParts] : []),
      {
        name: 'size-entry',
        setup(build) {
          build.onResolve({ filter: new RegExp(`^${ENTRY_MODULE}$`) }, () => ({
            path: ENTRY_MODULE,
            namespace: ENTRY_MODULE,
          }));
          build.onLoad({ filter: /.*/, namespace: ENTRY_MODULE }, () => ({
            contents: source,
            resolveDir: rootDir,
            loader: 'js',
          }));
        },
      },
    ],
  });
  const relative = (file) => path.relative(rootDir, file).split(path.sep).join('/');
  const code = new Map(result.outputFiles.map((file) => [relative(file.path), file.contents]));
  const outputs = result.metafile.outputs;
  /** A file and every file it imports statically, transitively. */
  const closure = (file, into = new Set()) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const imported of outputs[file].imports)
      if (imported.kind === 'import-statement') closure(imported.path, into);
    return into;
  };
  const fileOf = (name) => {
    const bytes = Object.fromEntries(
      Object.entries(outputs[name].inputs).map(([input, { bytesInOutput }]) => [
        input.split(path.sep).join('/'),
        bytesInOutput,
      ]),
    );
    return { name, code: code.get(name), inputs: Object.keys(bytes), bytes };
  };
  const entryFile = Object.keys(outputs).find(
    (file) => outputs[file].entryPoint === `${ENTRY_MODULE}:${ENTRY_MODULE}`,
  );
  const first = closure(entryFile);
  const lazy = new Map();
  for (const [file, output] of Object.entries(outputs)) {
    if (!output.entryPoint || file === entryFile) continue;
    const further = [...closure(file)].filter((name) => !first.has(name));
    lazy.set(output.entryPoint.split(path.sep).join('/'), further.map(fileOf));
  }
  return { first: [...first].map(fileOf), lazy };
}

/** The figures of files fetched together: minified bytes and gzip -9 bytes, each file on its own. */
function sizeOf(files) {
  return {
    minified: files.reduce((sum, file) => sum + file.code.length, 0),
    gzip: files.reduce((sum, file) => sum + zlib.gzipSync(file.code, { level: 9 }).length, 0),
  };
}

/** One entry measured: its result, then (for a `splitting` entry) one per part it loads later. */
async function measure(entry) {
  if (!entry.splitting) {
    const { code } = await bundle(entry.source, { external: entry.external });
    return [{ ...entry, ...sizeOf([{ code }]) }];
  }
  const { first, lazy } = await bundleSplit(entry.source);
  const parts = [...lazy].map(([source, files]) => {
    const part = LAZY_PARTS[source] ?? { name: `lazy: ${source}`, label: `… then \`${source}\`` };
    return {
      ...part,
      what: `loaded with import() by the whole workspace: ${source}`,
      budget: BUDGETS[part.name],
      ...sizeOf(files),
    };
  });
  parts.sort((a, b) => a.name.localeCompare(b.name));
  return [{ ...entry, ...sizeOf(first) }, ...parts];
}

/**
 * Every entry of ENTRIES measured now, in order: `{ ...entry, minified, gzip }` (bytes), each
 * `splitting` entry followed by the parts it loads with `import()`.
 */
export async function measureSizes() {
  const results = [];
  for (const entry of ENTRIES) results.push(...(await measure(entry)));
  return results;
}

/**
 * The subpaths of @live-chat/elements that have code (every component, `./i18n`), read from its
 * package.json: `[{ subpath: './session-list', specifier: '@live-chat/elements/session-list',
 * source: 'packages/elements/src/session-list/index.ts' }, …]`, the package itself (`.`) left out.
 */
export function elementsSubpaths() {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(rootDir, 'packages', 'elements', 'package.json'), 'utf8'),
  );
  return Object.entries(manifest.exports)
    .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object' && target.import)
    .map(([subpath, target]) => ({
      subpath,
      specifier: `@live-chat/elements${subpath.slice(1)}`,
      source: path.posix.join('packages/elements', target['@live-chat/source']),
    }));
}

/**
 * Each subpath of @live-chat/elements imported alone (`import '@live-chat/elements/counter'`),
 * with the core, lit, @lit/context and rxjs it uses, measured like ENTRIES.
 */
export async function measureComponents() {
  const results = [];
  for (const { specifier } of elementsSubpaths()) {
    // A subpath alone is bundled in one file (no import() kept apart): its first measure.
    const [alone] = await measure({
      name: specifier,
      label: `\`${specifier}\``,
      what: 'this subpath alone, with what it uses of core, lit, @lit/context and rxjs',
      source: `export * from '${specifier}';`,
    });
    results.push(alone);
  }
  return results;
}

/** Bytes as the tables show them: KiB with one decimal, e.g. "67.7 KB". */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export const README_START = '<!-- size:start -->';
export const README_END = '<!-- size:end -->';

/**
 * The README's size section body (what goes between the markers), as a Markdown table laid
 * out the way Prettier lays it out, so that `format:check` and the README test agree.
 */
export function readmeSizeBlock(results) {
  const header = ['bundle', 'minified', 'min+gzip'];
  const rows = results.map((r) => [r.label, kb(r.minified), kb(r.gzip)]);
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [
    '',
    '',
    '`npm run size` (esbuild, minified ES modules for browsers, gzip -9); `npm run size -- --write`',
    'refreshes this table, and a test fails when it is out of date:',
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    '',
  ].join('\n');
}

/** The text between the size markers of `readme`; throws when the markers are missing. */
export function currentReadmeSizeBlock(readme) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END, start + 1);
  if (start < 0 || end < 0) {
    throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  }
  return readme.slice(start + README_START.length, end);
}

/** `readme` with the text between the size markers replaced by `block`. */
export function replaceReadmeSizeBlock(readme, block) {
  const current = currentReadmeSizeBlock(readme);
  const start = readme.indexOf(README_START) + README_START.length;
  return readme.slice(0, start) + block + readme.slice(start + current.length);
}
