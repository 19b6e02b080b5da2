import { expect } from '@open-wc/testing';
import { readStoredJson, writeStoredJson } from './stored-json.js';

const KEY = 'live-chat-test:stored-json';

describe('settings kept as JSON', () => {
  afterEach(() => localStorage.removeItem(KEY));

  it('keeps a value in localStorage and reads it back', () => {
    expect(writeStoredJson(localStorage, KEY, { enabled: false })).to.equal(true);
    expect(readStoredJson(localStorage, KEY)).to.deep.equal({ enabled: false });
  });

  it('reads nothing when nothing, or something that is not JSON, is kept', () => {
    expect(readStoredJson(localStorage, KEY)).to.equal(undefined);
    localStorage.setItem(KEY, '{"enabled": fal');
    expect(readStoredJson(localStorage, KEY)).to.equal(undefined);
  });

  it('says a value was not kept without storage, or when storage is full, keeping the old one', () => {
    expect(writeStoredJson(undefined, KEY, { enabled: false })).to.equal(false);
    expect(readStoredJson(undefined, KEY)).to.equal(undefined);
    expect(writeStoredJson(localStorage, KEY, 'kept')).to.equal(true);
    // Larger than the browser's localStorage quota: setItem throws QuotaExceededError.
    expect(writeStoredJson(localStorage, KEY, 'x'.repeat(12 * 1024 * 1024))).to.equal(false);
    expect(readStoredJson(localStorage, KEY)).to.equal('kept');
  });
});
