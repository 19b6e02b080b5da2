/// <reference types="node" />
// Texts of @live-chat/elements are typed: each `*.messages.ts` declares its English texts
// `as const`, and its Russian beside it (`*.messages.ru.ts`, registered by the opt-in
// `@live-chat/elements/locales/ru`) is a `Translation` of them, so a missing translation is a
// compile error; `this.t(key)` accepts only registered keys, template-literal
// keys built from typed unions included. The fixture (test/node/fixtures/typed-messages) carries
// the mistakes the types must catch as `@ts-expect-error`; a copy without that marker must fail.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';
import { assertTypeChecks, TSC, typeCheck } from './type-check.js';

const fixtureDir = path.join(rootDir, 'test', 'node', 'fixtures', 'typed-messages');

/** Every TypeScript file of the elements' sources but their tests, repository-relative. */
function sourceFiles(dir = path.join(rootDir, 'packages', 'elements', 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.')
      ? [path.relative(rootDir, full)]
      : [];
  });
}

/** Every `*.messages.ts` of the elements' sources, repository-relative. */
const messageFiles = (): string[] => sourceFiles().filter((file) => file.endsWith('.messages.ts'));

describe('typed messages', () => {
  it('the fixture type-checks: every mistake it carries is a compile error', () => {
    assertTypeChecks(TSC, path.join(fixtureDir, 'tsconfig.json'));
  });

  it('a catalogue with a missing Russian text fails tsc, naming the key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'typed-messages-'));
    try {
      const source = fs
        .readFileSync(path.join(fixtureDir, 'messages.ts'), 'utf8')
        .replaceAll("'../../../../packages/", `'${rootDir.split(path.sep).join('/')}/packages/`)
        .replace(/\/\/ @ts-expect-error: a missing translation[^\n]*\n/, '');
      fs.writeFileSync(path.join(dir, 'messages.ts'), source);
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: path.join(rootDir, 'tsconfig.base.json'),
          compilerOptions: { noEmit: true, types: [] },
          files: ['messages.ts'],
        }),
      );
      const result = typeCheck(TSC, path.join(dir, 'tsconfig.json'));
      const output = `${result.stdout}${result.stderr}`;
      assert.notEqual(result.status, 0, 'tsc accepted a missing translation');
      assert.match(output, /TS2741/);
      assert.match(output, /'fixture\.state\.closed'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every catalogue of the components is typed the same way, its Russian beside it', () => {
    const files = messageFiles();
    assert.ok(files.length > 10);
    for (const file of files) {
      const text = fs.readFileSync(path.join(rootDir, file), 'utf8');
      assert.match(text, /^const en = \{$/m, `${file}: English texts in one const`);
      assert.match(text, /\} as const satisfies Messages/, `${file}: English texts as const`);
      assert.match(text, /interface LiveChatMessageCatalogues \{/, `${file}: keys registered`);
      assert.doesNotMatch(text, /registerDefaultMessages\('\w+', \{/, `${file}: untyped texts`);
      assert.doesNotMatch(text, /registerDefaultMessages\('ru'/, `${file}: Russian is opt-in`);
      const russian = fs.readFileSync(path.join(rootDir, file.replace(/\.ts$/, '.ru.ts')), 'utf8');
      assert.match(
        russian,
        /^export const ru: Translation<MessageCatalogues\['[\w-]+'\]> = \{$/m,
        `${file}: typed Russian beside it`,
      );
    }
  });

  it('every English text of a catalogue is used by the components', () => {
    // A text nobody shows still ships in its component's bundle, and still asks for a
    // translation. Keys are used whole ('workspace.title'), or built in a template from a
    // typed part: a prefix (`workspace.group.${group}`) or a suffix (`${pane}.empty.title`).
    const sources = sourceFiles().filter((file) => !/\.messages(\.ru)?\.ts$/.test(file));
    const code = sources
      .map((file) => fs.readFileSync(path.join(rootDir, file), 'utf8'))
      .join('\n');
    const unused: string[] = [];
    for (const file of messageFiles()) {
      const text = fs.readFileSync(path.join(rootDir, file), 'utf8');
      const english = text.slice(text.indexOf('const en = {'), text.indexOf('} as const'));
      for (const [, key] of english.matchAll(/^ {2}'([\w.-]+)':/gm)) {
        const cuts = [...key.matchAll(/[.-]/g)].map((match) => match.index);
        const used =
          code.includes(`'${key}'`) ||
          cuts.some((at) => code.includes(`\`${key.slice(0, at + 1)}\${`)) ||
          cuts.some((at) => code.includes(`}${key.slice(at)}\``));
        if (!used) unused.push(`${file}: ${key}`);
      }
    }
    assert.deepEqual(unused, []);
  });
});
