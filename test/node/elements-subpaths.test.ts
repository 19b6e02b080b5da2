/// <reference types="node" />
// @live-chat/elements has one subpath per component (`@live-chat/elements/session-list`, …):
// every folder of packages/elements/src that defines a `live-chat-*` element has its subpath,
// with the '@live-chat/source' condition first and `types` before `import`; importing a subpath
// defines every element of its folder; and a subpath imports only what its element renders, so
// `@live-chat/elements/session-list` alone costs a host a fraction of the whole package.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { bundle, bundleSplit, elementsSubpaths } from '../../scripts/lib/size.mjs';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';

type Bundle = { code: Uint8Array; inputs: string[] };
type Subpath = { subpath: string; specifier: string; source: string };
type ExportTarget = Record<string, string>;

const packageDir = path.join(rootDir, 'packages', 'elements');
const srcDir = path.join(packageDir, 'src');
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  exports: Record<string, ExportTarget | string>;
};

/** Source files of the package (tests, stories and test support left out), repository-relative. */
function sourceFiles(dir = srcDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    if (!entry.name.endsWith('.ts') || /\.(test|stories)\.ts$/.test(entry.name)) return [];
    return [path.relative(rootDir, full).split(path.sep).join('/')];
  });
}

/** Every `@customElement('live-chat-…')` of the sources: tag -> defining file. */
const definitions = new Map<string, string>();
for (const file of sourceFiles()) {
  const text = fs.readFileSync(path.join(rootDir, file), 'utf8');
  for (const [, tag] of text.matchAll(/@customElement\(\s*['"](live-chat-[\w-]+)['"]\s*\)/g))
    definitions.set(tag!, file);
}

/** The top-level folder of src/ a file belongs to (`session-list` for its nested files too). */
const folderOf = (file: string) =>
  path.posix.relative('packages/elements/src', file).split('/')[0]!;

/** Component folders: top-level folders of src/ whose own files define a live-chat-* element. */
const componentFolders = [
  ...new Set(
    [...definitions.values()]
      .filter((file) => path.posix.dirname(file) === `packages/elements/src/${folderOf(file)}`)
      .map(folderOf),
  ),
].sort();

const bundles = new Map<string, Promise<Bundle>>();
const bundleOf = (specifier: string): Promise<Bundle> => {
  if (!bundles.has(specifier)) bundles.set(specifier, bundle(`export * from '${specifier}';`));
  return bundles.get(specifier)!;
};
const tagsIn = (inputs: string[]) =>
  [...definitions].filter(([, file]) => inputs.includes(file)).map(([tag]) => tag);

describe('@live-chat/elements: one subpath per component', () => {
  it('finds the components in the sources', () => {
    assert.ok(componentFolders.length >= 12, `component folders: ${componentFolders.join(', ')}`);
    assert.ok(componentFolders.includes('session-list'));
  });

  for (const folder of componentFolders) {
    it(`./${folder} is exported, source first, built to dist/${folder}/index.js with types`, () => {
      const target = manifest.exports[`./${folder}`];
      assert.ok(
        target && typeof target === 'object',
        `packages/elements/package.json has no exports["./${folder}"]: add it, with an entry ` +
          `file src/${folder}/index.ts, for the element(s) of src/${folder}/`,
      );
      assert.deepEqual(Object.keys(target), ['@live-chat/source', 'types', 'import']);
      assert.deepEqual(target, {
        '@live-chat/source': `./src/${folder}/index.ts`,
        types: `./dist/${folder}/index.d.ts`,
        import: `./dist/${folder}/index.js`,
      });
      assert.ok(fs.existsSync(path.join(srcDir, folder, 'index.ts')), `src/${folder}/index.ts`);
    });
  }

  it('every subpath with code is a component (or the message catalogue, or a language)', () => {
    const subpaths = (elementsSubpaths() as Subpath[]).map(({ subpath }) => subpath);
    assert.ok(subpaths.includes('./locales/ru'), 'the Russian texts have their entry');
    assert.deepEqual(
      subpaths.filter((s) => s !== './i18n' && !s.startsWith('./locales/')).sort(),
      componentFolders.map((folder) => `./${folder}`),
    );
  });

  it('every export puts the @live-chat/source condition first, and types before import', () => {
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue;
      const keys = Object.keys(target);
      assert.equal(keys[0], '@live-chat/source', `exports["${subpath}"]`);
      assert.ok(keys.includes('types'), `exports["${subpath}"] has types`);
      if (keys.includes('import'))
        assert.ok(keys.indexOf('types') < keys.indexOf('import'), `exports["${subpath}"]`);
      assert.ok(
        fs.existsSync(path.join(packageDir, target['@live-chat/source']!)),
        `exports["${subpath}"]: ${target['@live-chat/source']} exists`,
      );
    }
  });

  for (const folder of componentFolders) {
    it(`importing @live-chat/elements/${folder} defines every element of its folder`, async () => {
      const { inputs } = await bundleOf(`@live-chat/elements/${folder}`);
      const own = [...definitions].filter(([, file]) => folderOf(file) === folder);
      for (const [tag, file] of own) assert.ok(inputs.includes(file), `<${tag}> (${file})`);
    });
  }

  it('importing @live-chat/elements brings every element, some of them on first use', async () => {
    const { inputs } = await bundleOf('@live-chat/elements');
    assert.deepEqual(tagsIn(inputs).sort(), [...definitions.keys()].sort());
  });

  it('the first load of @live-chat/elements leaves out what is shown on demand, and Russian', async () => {
    type SplitFile = { inputs: string[] };
    const { first, lazy } = (await bundleSplit("export * from '@live-chat/elements';")) as {
      first: SplitFile[];
      lazy: Map<string, SplitFile[]>;
    };
    const firstInputs = first.flatMap((file) => file.inputs);
    const onDemand = [
      'live-chat-reports',
      'live-chat-search',
      'live-chat-alert-settings',
      'live-chat-about-session',
      'live-chat-new-session',
      'live-chat-attachment',
      'live-chat-file-tray',
    ];
    assert.deepEqual(
      tagsIn(firstInputs).filter((tag) => onDemand.includes(tag)),
      [],
      'no element shown on demand is in the first load',
    );
    assert.ok(tagsIn(firstInputs).includes('live-chat-workspace'));
    assert.ok(tagsIn(firstInputs).includes('live-chat-session-list'));
    for (const tag of onDemand) {
      const part = [...lazy.values()].find((files) =>
        tagsIn(files.flatMap((file) => file.inputs)).includes(tag),
      );
      assert.ok(part, `<${tag}> is loaded with import()`);
    }
    assert.deepEqual(
      firstInputs.filter((file) => file.endsWith('.ru.ts')),
      [],
      'no Russian text in the first load',
    );
  });

  it('the whole workspace loads first in two files: its entry and one chunk', async () => {
    // Every part shown on demand is imported through workspace/lazy/, with the package root;
    // a direct import() of a part anywhere in the first load would cut it into more files.
    const { first } = (await bundleSplit(
      "export * from '@live-chat/elements';\nexport { createLiveChatClient } from '@live-chat/core';",
    )) as { first: { name: string }[] };
    assert.equal(first.length, 2, first.map((file) => file.name).join(', '));
  });

  it('# private members ship as written: no class is compiled into WeakMap lookups', async () => {
    // Lit's decorators need `useDefineForClassFields: false`, under which a bundler rewrites the
    // `#` members of a decorated class into WeakMaps and helper calls (larger, and slower on
    // every access). Classes with decorators keep TypeScript's `private`; this keeps it so.
    type SplitFile = { name: string; code: Uint8Array };
    const { first, lazy } = (await bundleSplit(
      "export * from '@live-chat/elements';\nexport { createLiveChatClient } from '@live-chat/core';",
    )) as { first: SplitFile[]; lazy: Map<string, SplitFile[]> };
    const files = [...first, ...[...lazy.values()].flat()];
    const lowered = files.filter((file) =>
      /private (member|field|method|accessor)/.test(new TextDecoder().decode(file.code)),
    );
    assert.deepEqual(
      lowered.map((file) => file.name),
      [],
      'a class with decorators has a # member',
    );
  });

  it('no module of @live-chat/elements in the first load carries code only the parts shown on demand use', async () => {
    // Bundlers split by module: a module of the first load goes into it whole, with whatever
    // only an on-demand part calls (docs/architecture.md, "Size"). Built again with every part
    // of workspace/lazy/ empty, each module must put the same code into the first load. A few
    // bytes either way are minified names; lazy-elements.ts and on-demand.ts hold the loaders.
    type SplitFile = { bytes: Record<string, number> };
    const source =
      "export * from '@live-chat/elements';\nexport { createLiveChatClient } from '@live-chat/core';";
    const firstBytes = async (withoutOnDemandParts: boolean) => {
      const { first } = (await bundleSplit(source, { withoutOnDemandParts })) as {
        first: SplitFile[];
      };
      const bytes = new Map<string, number>();
      for (const file of first)
        for (const [input, n] of Object.entries(file.bytes))
          bytes.set(input, (bytes.get(input) ?? 0) + n);
      return bytes;
    };
    const [whole, alone] = await Promise.all([firstBytes(false), firstBytes(true)]);
    const loaders = [
      'packages/elements/src/workspace/lazy-elements.ts',
      'packages/elements/src/shared/on-demand.ts',
    ];
    const carried = [...whole]
      .filter(([input]) => input.startsWith('packages/elements/src/') && !loaders.includes(input))
      .map(([input, n]) => [input, n - (alone.get(input) ?? 0)] as const)
      .filter(([, extra]) => extra > 64);
    assert.deepEqual(
      carried.map(([input, extra]) => `${input}: ${extra} bytes only on-demand parts use`),
      [],
    );
    // The parts were left out of the second build: what only they use of core and rxjs (which
    // come through their root modules) is gone from its first load.
    const total = (bytes: Map<string, number>) => [...bytes.values()].reduce((a, b) => a + b, 0);
    assert.ok(total(alone) < total(whole), `${total(alone)} < ${total(whole)}`);
  });

  for (const [folder, tag] of [
    ['navigation', 'live-chat-new-session'],
    ['conversation', 'live-chat-attachment'],
    ['composer', 'live-chat-file-tray'],
  ]) {
    it(`@live-chat/elements/${folder} alone loads <${tag}> on demand, without the rest of the package`, async () => {
      type SplitFile = { inputs: string[] };
      const { lazy } = (await bundleSplit(`export * from '@live-chat/elements/${folder}';`)) as {
        lazy: Map<string, SplitFile[]>;
      };
      const parts = [...lazy.values()].map((files) => tagsIn(files.flatMap((file) => file.inputs)));
      const part = parts.find((tags) => tags.includes(tag));
      assert.ok(part, `<${tag}> is loaded with import()`);
      assert.ok(!part.includes('live-chat-workspace'), `only <${tag}>'s code: ${part.join(', ')}`);
    });
  }

  it('@live-chat/elements/locales/ru brings every Russian text and no element', async () => {
    const { inputs } = await bundleOf('@live-chat/elements/locales/ru');
    assert.deepEqual(tagsIn(inputs), []);
    const catalogues = sourceFiles().filter((file) => file.endsWith('.messages.ts'));
    assert.ok(catalogues.length >= 12, `catalogues: ${catalogues.join(', ')}`);
    for (const file of catalogues) {
      const russian = file.replace(/\.ts$/, '.ru.ts');
      assert.ok(inputs.includes(russian), `${russian}, beside ${file}, is registered`);
    }
  });

  it('@live-chat/elements/session-list brings <live-chat-session-list> and no other element', async () => {
    const { inputs } = await bundleOf('@live-chat/elements/session-list');
    assert.deepEqual(tagsIn(inputs), ['live-chat-session-list']);
    assert.deepEqual(
      inputs.filter((file) => file.startsWith('packages/adapters/')),
      [],
      'no adapter code',
    );
  });

  it('@live-chat/elements/counter brings <live-chat-counter> and no other element', async () => {
    const { inputs } = await bundleOf('@live-chat/elements/counter');
    assert.deepEqual(tagsIn(inputs), ['live-chat-counter']);
  });

  it('@live-chat/elements/session-list alone is far smaller than the whole package', async () => {
    const gzip = async (specifier: string) =>
      zlib.gzipSync((await bundleOf(specifier)).code, { level: 9 }).length;
    const sessionList = await gzip('@live-chat/elements/session-list');
    const everything = await gzip('@live-chat/elements');
    assert.ok(
      sessionList < everything / 2,
      `session list ${sessionList} B vs every component ${everything} B (min+gzip)`,
    );
  });
});
