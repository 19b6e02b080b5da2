import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeLink, previewOf, validateMessageText, validateSessionName } from './validation.js';
import { MAX_MESSAGE_LENGTH, MAX_SESSION_NAME_LENGTH, PREVIEW_LENGTH } from './types.js';

describe('validation', () => {
  it('refuses empty, blank, non-text and over-long messages with VALIDATION', () => {
    for (const bad of ['', '   \n\t', 42, null, 'x'.repeat(MAX_MESSAGE_LENGTH + 1)]) {
      const result = validateMessageText(bad);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.error.code, 'VALIDATION');
    }
  });

  it('accepts a message of exactly the limit and keeps leading white space', () => {
    assert.deepEqual(validateMessageText('x'.repeat(MAX_MESSAGE_LENGTH)), {
      ok: true,
      value: 'x'.repeat(MAX_MESSAGE_LENGTH),
    });
    assert.deepEqual(validateMessageText('  code();  \n'), { ok: true, value: '  code();' });
  });

  it('trims and folds session names, refusing blank and over-long ones', () => {
    assert.deepEqual(validateSessionName('  Refund   request '), {
      ok: true,
      value: 'Refund request',
    });
    assert.equal(validateSessionName(' ').ok, false);
    assert.equal(validateSessionName('n'.repeat(MAX_SESSION_NAME_LENGTH + 1)).ok, false);
  });

  it('previews fold white space and stay within the preview length', () => {
    assert.equal(previewOf('a\n\n b'), 'a b');
    assert.equal(previewOf('y'.repeat(500)).length, PREVIEW_LENGTH);
  });

  it('allows only http, https and mailto links', () => {
    assert.equal(isSafeLink('https://example.org/a'), true);
    assert.equal(isSafeLink('mailto:a@example.org'), true);
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      '/relative',
      'file:///etc/passwd',
    ]) {
      assert.equal(isSafeLink(bad), false, bad);
    }
  });
});
