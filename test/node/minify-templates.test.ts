/// <reference types="node" />
// The Lit templates of @live-chat/elements ship minified (scripts/lib/minify-templates.mjs, used
// by the library build, the size measurement and the browser suite). Minifying must not change
// what a user sees or hears: words keep their spaces, empty attributes stay, and what cannot be
// parsed as a stylesheet or as markup is left as written. Every module of the package minifies.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { minifyTemplates, TEMPLATE_SOURCES } from '../../scripts/lib/minify-templates.mjs';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';

type Minified = { code: string } | null;
const minify = (code: string): Promise<Minified> =>
  minifyTemplates(code, path.join(rootDir, 'packages/elements/src/example.ts'));

/** The module's code after minifying (unchanged when there was nothing to minify). */
async function minified(code: string): Promise<string> {
  return (await minify(code))?.code ?? code;
}

describe('minified templates', () => {
  it('keeps one space where markup had whitespace between words and elements', async () => {
    const code = await minified(
      [
        "import { html } from 'lit';",
        'export const line = (who: string, by: string) => html`',
        '  <p class="line">',
        '    Assigned to',
        '    <b>${who}</b>',
        '    by ${by}',
        '  </p>',
        '`;',
      ].join('\n'),
    );
    assert.match(code, /Assigned to <b>\$\{who\}<\/b> by \$\{by\}/);
    assert.doesNotMatch(code, /\n\s+Assigned/, 'the indentation of the template is gone');
  });

  it('keeps empty attributes, which assistive technology reads', async () => {
    const code = await minified(
      'import { html } from \'lit\';\nexport const icon = html`\n  <img alt="" src="a.png" />\n  <span title="">x</span>\n`;',
    );
    assert.match(code, /alt=""/);
    assert.match(code, /title=""/);
  });

  it('minifies a stylesheet, keeping every declaration', async () => {
    const code = await minified(
      [
        "import { css } from 'lit';",
        'export const styles = css`',
        '  /* a comment */',
        '  .row {',
        '    color: var(--_text);',
        '    padding: 4px 8px;',
        '  }',
        '`;',
      ].join('\n'),
    );
    const body = /css`([^`]*)`/.exec(code)?.[1] ?? '';
    assert.doesNotMatch(body, /\n|comment/);
    assert.match(body, /color:var\(--_text\)/);
    assert.match(body, /padding:4px 8px/);
  });

  it('leaves a list of declarations meant for another rule as written', async () => {
    const source = [
      "import { css } from 'lit';",
      'const box = css`',
      '  min-height: 32px;',
      '  border: 1px solid var(--_border);',
      '`;',
      'export const button = css`',
      '  .button {',
      '    ${box}',
      '    display: inline-flex;',
      '  }',
      '`;',
    ].join('\n');
    const code = await minified(source);
    assert.ok(code.includes('const box = css`\n  min-height: 32px;'), code);
    assert.match(code, /\.button\{[^`]*\$\{box\}[^`]*display:inline-flex/);
  });

  it('leaves markup whose tag name is bound by an expression as written', async () => {
    const source = [
      "import { html, unsafeStatic } from 'lit/static-html.js';",
      "const tag = unsafeStatic('live-chat-x');",
      'export const part = html`',
      '  <${tag} class="part"></${tag}>',
      '`;',
    ].join('\n');
    assert.equal(await minified(source), source);
  });

  it('minifies every module of @live-chat/elements without an error', async () => {
    const srcDir = path.join(rootDir, 'packages', 'elements', 'src');
    const files = (fs.readdirSync(srcDir, { recursive: true }) as string[])
      .map((file) => path.join(srcDir, file))
      .filter((file) => TEMPLATE_SOURCES.test(file) && !/\.(test|stories)\.ts$/.test(file));
    assert.ok(files.length > 100, `found only ${files.length} modules`);
    let changed = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const result = await minifyTemplates(text, file).catch((error: Error) => {
        throw new Error(`${path.relative(rootDir, file)}: ${error.message}`);
      });
      if (result) changed++;
    }
    assert.ok(changed > 50, `only ${changed} modules had templates to minify`);
  });
});
