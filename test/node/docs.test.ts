/// <reference types="node" />
// The guides in docs/ cannot rot: their code blocks are the example files the tests run, their
// links resolve, and the facts they copy from the sources (report formulas, theme tokens, the
// workspace's parts) are still the sources' facts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module of the test tooling, without type declarations.
import { docsDir, guideFiles, includesOf, readmeFiles } from '../docs-includes.mjs';

interface Include {
  file: string;
  absolute: string;
  language: string;
  quoted: string;
  actual: string | undefined;
}

const rootDir = path.resolve(docsDir, '..');
const read = (file: string) => fs.readFileSync(path.resolve(rootDir, file), 'utf8');
const guides = (guideFiles() as string[]).map((file) => ({
  file,
  name: path.basename(file),
  text: fs.readFileSync(file, 'utf8'),
}));
const guide = (name: string) => {
  const found = guides.find((g) => g.name === name);
  assert.ok(found, `docs/${name} exists`);
  return found.text;
};
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const GUIDES = [
  'README.md',
  'getting-started.md',
  'embedding-react.md',
  'embedding-vue.md',
  'writing-an-adapter.md',
  'theming.md',
  'localisation.md',
  'reports.md',
  'architecture.md',
];

describe('docs: guides quote the example files the tests run', () => {
  for (const { file, name } of guides) {
    const includes = includesOf(file) as Include[];
    if (name !== 'README.md') {
      it(`${name} quotes at least one example`, () => assert.ok(includes.length > 0));
    }
    for (const include of includes) {
      it(`${name}: the block of ${include.file} is the file, verbatim`, () => {
        assert.notEqual(include.actual, undefined, `${include.file} exists`);
        assert.equal(
          include.quoted,
          include.actual,
          `run \`node test/docs-includes.mjs --write\` after editing ${include.file}`,
        );
      });
    }
  }

  it('every example file is quoted by a guide', () => {
    const quoting = [...guides.map(({ file }) => file), ...(readmeFiles() as string[])];
    const quoted = new Set(
      quoting.flatMap((file) => (includesOf(file) as Include[]).map((i) => i.absolute)),
    );
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : [full];
      });
    const examples = walk(path.join(docsDir, 'examples')).filter(
      (file) => path.basename(file) !== 'tsconfig.json',
    );
    assert.deepEqual(
      examples.filter((file) => !quoted.has(file)).map((file) => path.relative(docsDir, file)),
      [],
    );
  });
});

describe('packages: READMEs quote the examples the tests run', () => {
  for (const file of readmeFiles() as string[]) {
    const name = path.relative(rootDir, file);
    const includes = includesOf(file) as Include[];
    it(`${name} quotes an example`, () => assert.ok(includes.length > 0));
    for (const include of includes) {
      it(`${name}: the block of ${path.relative(docsDir, include.absolute)} is the file, verbatim`, () => {
        assert.notEqual(include.actual, undefined, `${include.file} exists`);
        assert.equal(include.quoted, include.actual, `run \`node test/docs-includes.mjs --write\``);
      });
    }
  }
});

describe('docs: links', () => {
  it('docs/README.md links every guide', () => {
    const index = guide('README.md');
    for (const name of GUIDES.filter((n) => n !== 'README.md'))
      assert.match(index, new RegExp(`\\]\\(\\./${name}\\)`), name);
  });

  const linking = [
    ...guides,
    ...(readmeFiles() as string[]).map((file) => ({
      file,
      name: path.relative(rootDir, file),
      text: fs.readFileSync(file, 'utf8'),
    })),
  ];
  for (const { file, name, text } of linking) {
    it(`${name}: relative links point to files that exist`, () => {
      const broken: string[] = [];
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = target!.split('#')[0]!;
        if (!link || /^[a-z]+:/i.test(link) || link.startsWith('./api/') || link.startsWith('api/'))
          continue;
        if (!fs.existsSync(path.resolve(path.dirname(file), link))) broken.push(link);
      }
      assert.deepEqual(broken, []);
    });
  }
});

describe('docs: facts copied from the sources', () => {
  it('reports.md states every formula of the reports doc comments, word for word', () => {
    const source = read('packages/core/src/domain/reports.ts');
    const reports = squash(guide('reports.md').replace(/^\s*[-*] /gm, '- '));
    const bullets: string[] = [];
    for (const fn of ['operatorsPerformance', 'liveChatPerformance']) {
      const end = source.indexOf(`export function ${fn}(`);
      const comment = source.slice(source.lastIndexOf('/**', end), end);
      const lines = comment.split('\n').map((line) => line.replace(/^\s*\*\s?/, ''));
      let current: string | undefined;
      for (const line of lines) {
        if (line.startsWith('- ')) {
          if (current) bullets.push(current);
          current = line;
        } else if (current && line.startsWith('  ')) {
          current += ` ${line.trim()}`;
        } else if (current) {
          bullets.push(current);
          current = undefined;
        }
      }
      if (current) bullets.push(current);
    }
    assert.ok(bullets.length >= 12, `found the formulas (${bullets.length})`);
    for (const bullet of bullets)
      assert.ok(reports.includes(squash(bullet)), `reports.md states: ${bullet}`);
  });

  it('theming.md lists every global token with its light and dark default', () => {
    const source = read('packages/elements/src/styles/tokens.ts');
    const block = (selector: string) => {
      const start = source.indexOf(`${selector} {`);
      return source.slice(start, source.indexOf('}', start));
    };
    const defaults = (css: string) =>
      new Map(
        [...css.matchAll(/var\((--live-chat-[\w-]+), (.+)\);/g)].map(([, name, value]) => [
          name!,
          value!,
        ]),
      );
    const light = defaults(block(':host'));
    const dark = defaults(block(":host([theme='dark'])"));
    assert.ok(light.size >= 20, `found the tokens (${light.size})`);
    const rows = guide('theming.md')
      .split('\n')
      .filter((line) => line.startsWith('|'));
    for (const [name, value] of light) {
      const row = rows.find((line) => line.includes(`\`${name}\``));
      assert.ok(row, `theming.md has a row for ${name}`);
      assert.ok(row.includes(`\`${value}\``), `${name}: light default ${value}`);
      const darkValue = dark.get(name);
      if (darkValue)
        assert.ok(row.includes(`\`${darkValue}\``), `${name}: dark default ${darkValue}`);
    }
  });

  it('theming.md names every part and custom property of <live-chat-workspace>', () => {
    const source = read('packages/elements/src/workspace/workspace.ts');
    const theming = guide('theming.md');
    const parts = [...source.matchAll(/@csspart ([\w-]+)/g)].map(([, name]) => name!);
    const props = [...source.matchAll(/@cssprop (--[\w-]+)/g)].map(([, name]) => name!);
    assert.ok(parts.length > 10 && props.length > 3);
    for (const name of [...parts, ...props])
      assert.ok(theming.includes(`\`${name}\``), `theming.md names ${name}`);
  });

  it('reports.md shows the worked example output that the code computes', async () => {
    const { liveChatReport, operatorsReport } =
      await import('../../docs/examples/reports/worked-example.js');
    const expected = JSON.parse(read('docs/examples/reports/worked-example.output.json'));
    assert.deepEqual({ liveChatReport, operatorsReport }, expected);
  });
});
