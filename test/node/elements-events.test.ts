/// <reference types="node" />
// The events of @live-chat/elements have one registry, packages/elements/src/events/: one file
// per event, holding its only event map declaration (the deprecated former names of renamed
// events together in former-names.ts, until they go). Read from the sources: no other file
// declares an event map entry or creates a `live-chat-*` event itself, and every `live-chat-*`
// event a component dispatches, documents (`@fires`) or listens to has its registry file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';

const srcDir = path.join(rootDir, 'packages', 'elements', 'src');
const eventsDir = path.join(srcDir, 'events');

/** Every `.ts` file under `dir`, repository-relative. */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts')
      ? [path.relative(rootDir, full).split(path.sep).join('/')]
      : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(rootDir, file), 'utf8');
/** The deprecated former names of renamed events, declared together until they are removed. */
const FORMER_NAMES = 'packages/elements/src/events/former-names.ts';
const registryFiles = tsFiles(eventsDir).filter(
  (file) =>
    !/\/(index|live-chat-event)\.ts$/.test(file) &&
    file !== FORMER_NAMES &&
    !file.endsWith('.test.ts'),
);
const otherFiles = tsFiles(srcDir).filter(
  (file) => !file.startsWith('packages/elements/src/events/'),
);

/** The `live-chat-*` names a registry file declares in GlobalEventHandlersEventMap. */
function declaredIn(file: string): string[] {
  const block = /interface GlobalEventHandlersEventMap \{([\s\S]*?)\n {2}\}/.exec(read(file));
  return block ? [...block[1]!.matchAll(/'(live-chat-[\w-]+)':/g)].map((m) => m[1]!) : [];
}

const registered = new Map<string, string>();
for (const file of [...registryFiles, FORMER_NAMES])
  for (const name of declaredIn(file)) registered.set(name, file);

describe('events registry (packages/elements/src/events)', () => {
  it('has one file per event, named after it, declaring it once in GlobalEventHandlersEventMap', () => {
    assert.ok(registryFiles.length > 0);
    for (const file of registryFiles) {
      const names = declaredIn(file);
      const own = `live-chat-${path.basename(file, '.ts')}`;
      assert.ok(names.includes(own), `${file} declares ${own}`);
      const text = read(file);
      assert.match(text, /bubbles: true|createLiveChatEvent\(/, `${file} creates its event`);
      // Any other name in the file is a deprecated former name, documented as such.
      for (const name of names.filter((n) => n !== own)) {
        const line = text.indexOf(`'${name}':`);
        assert.match(text.slice(text.lastIndexOf('/**', line), line), /@deprecated/, name);
      }
    }
    const all = [...registryFiles, FORMER_NAMES].flatMap(declaredIn);
    assert.equal(new Set(all).size, all.length, 'an event is declared in two registry files');
  });

  it('declares the former names together, each deprecated and naming the event that replaced it', () => {
    const text = read(FORMER_NAMES);
    const names = declaredIn(FORMER_NAMES);
    assert.ok(names.length > 0);
    for (const name of names) {
      const line = text.indexOf(`'${name}':`);
      const doc = text.slice(text.lastIndexOf('/**', line), line);
      assert.match(doc, /@deprecated/, name);
      const successor = /Listen to `(live-chat-[\w-]+)`/.exec(doc)?.[1];
      assert.ok(successor, `${name} names the event to listen to instead`);
      assert.ok(registryFiles.includes(registered.get(successor)!), `${successor} is registered`);
    }
    assert.match(read('packages/elements/src/events/index.ts'), /from '\.\/former-names\.js';/);
  });

  it('creates every event with bubbles and composed', () => {
    const factory = read('packages/elements/src/events/live-chat-event.ts');
    assert.match(factory, /bubbles: true/);
    assert.match(factory, /composed: true/);
  });

  it('is re-exported from the events index and the package entry', () => {
    const index = read('packages/elements/src/events/index.ts');
    for (const file of registryFiles)
      assert.ok(
        index.includes(`'./${path.basename(file, '.ts')}.js'`),
        `${file} in events/index.ts`,
      );
    assert.match(read('packages/elements/src/index.ts'), /export \* from '\.\/events\/index\.js';/);
  });

  it('no component file declares an event map entry', () => {
    const offenders = otherFiles.filter((file) =>
      /interface (HTMLElementEventMap|GlobalEventHandlersEventMap|ElementEventMap|DocumentEventMap|WindowEventMap)\b/.test(
        read(file),
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it('no component creates a live-chat-* event itself: they dispatch through the factories', () => {
    const offenders = otherFiles
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => /new CustomEvent\s*[(<]/.test(read(file)));
    assert.deepEqual(offenders, []);
  });

  it('every live-chat-* event dispatched, documented or listened to has its registry file', () => {
    const used = new Map<string, string>();
    for (const file of otherFiles) {
      const text = read(file);
      const patterns = [
        /@fires\s+(live-chat-[\w-]+)/g,
        /\.dispatchEvent\(\s*new CustomEvent\(\s*['"`](live-chat-[\w-]+)/g,
        /addEventListener\(\s*['"`](live-chat-[\w-]+)/g,
        /oneEvent\([^,]+,\s*['"`](live-chat-[\w-]+)/g,
        /\s@(live-chat-[\w-]+)=/g,
        /EventMap\[\s*['"`](live-chat-[\w-]+)/g,
      ];
      for (const pattern of patterns)
        for (const [, name] of text.matchAll(pattern)) used.set(name!, file);
    }
    assert.ok(used.has('live-chat-session-open'), 'the scan finds the events');
    const missing = [...used].filter(([name]) => !registered.has(name));
    assert.deepEqual(missing, [], 'events without a file in packages/elements/src/events');
    // Every dispatching factory the components import is one of the registry's.
    for (const file of otherFiles) {
      for (const [, from] of read(file).matchAll(/from '(?:\.\.\/)+events\/([\w-]+)\.js'/g))
        assert.ok(
          fs.existsSync(path.join(eventsDir, `${from}.ts`)),
          `${file} imports events/${from}`,
        );
    }
  });
});
