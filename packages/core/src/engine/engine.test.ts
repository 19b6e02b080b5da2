import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as core from '../index.js';
import * as engine from './index.js';
import { drive, io, type Step } from './steps.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function* addThree(values: (number | Promise<number>)[]): Step<number> {
  let sum = 0;
  for (const value of values) sum += yield* io(value);
  return sum;
}

describe('engine steps', () => {
  it('answer at once when nothing is a promise', () => {
    assert.equal(drive(addThree([1, 2, 3])), 6);
  });

  it('answer with a promise once something is, resuming after each', async () => {
    const answer = drive(addThree([1, Promise.resolve(2), 3]));
    assert.ok(answer instanceof Promise);
    assert.equal(await answer, 6);
  });

  it('deliver a failed call to the step, which may handle it', async () => {
    function* guarded(): Step<string> {
      try {
        yield* io(Promise.reject(new Error('connection reset')));
        return 'not reached';
      } catch (error) {
        return `handled: ${(error as Error).message}`;
      }
    }
    assert.equal(await drive(guarded()), 'handled: connection reset');
    await assert.rejects(Promise.resolve(drive(addThree([Promise.reject(new Error('down'))]))), {
      message: 'down',
    });
  });
});

describe('engine entry point', () => {
  it('is not part of the main entry point of @live-chat/core', () => {
    // A domain limit both entry points offer, for backends that import the engine only.
    const sharedLimits = new Set(['MAX_ID_LENGTH']);
    for (const name of Object.keys(engine)) {
      if (sharedLimits.has(name)) continue;
      assert.ok(!(name in core), `@live-chat/core re-exports ${name}`);
    }
    assert.ok(!('createEngine' in core));
  });

  it('is pure: imports only the domain and the protocol, uses no DOM or Node API', () => {
    const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    assert.ok(sources.length > 5);
    for (const file of sources) {
      // Without comments (the module documentation shows how hosts import the engine).
      const code = readFileSync(here + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [, specifier] of code.matchAll(/from '([^']+)'/g)) {
        assert.match(
          specifier as string,
          /^(\.\/[\w-]+|\.\.\/(domain|protocol)\/[\w-]+)\.js$/,
          `${file} imports ${specifier}`,
        );
      }
      for (const api of [
        /\b(window|document|globalThis|self|navigator|localStorage|indexedDB)\./,
        /\b(process|Buffer)\./,
        /\b(require|setTimeout|setInterval|setImmediate|queueMicrotask)\(/,
      ]) {
        assert.doesNotMatch(code, api, `${file} uses a DOM or Node API`);
      }
    }
  });
});
