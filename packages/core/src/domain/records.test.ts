import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ownValue, setOwnValue } from './records.js';

const KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

describe('lookup tables keyed by data', () => {
  it('read only own values: inherited names are missing keys', () => {
    const table: Record<string, number> = { known: 1 };
    for (const key of KEYS) assert.equal(ownValue(table, key), undefined, key);
    assert.equal(ownValue(table, 'known'), 1);
  });

  it('store every key as an own property, never touching the prototype', () => {
    const table: Record<string, number> = {};
    KEYS.forEach((key, i) => setOwnValue(table, key, i));
    assert.equal(Object.getPrototypeOf(table), Object.prototype);
    assert.deepEqual(Object.keys(table), KEYS);
    KEYS.forEach((key, i) => assert.equal(ownValue(table, key), i, key));
    assert.equal(({} as Record<string, unknown>).constructor, Object, 'Object.prototype is intact');
  });
});
