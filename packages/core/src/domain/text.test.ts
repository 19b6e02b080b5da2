import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codePointLength, exceedsLimit } from './limits.js';
import { clampText, hasLoneSurrogate, isInvisible } from './text.js';

describe('text', () => {
  it('tells texts that show nothing from texts that show something', () => {
    for (const invisible of ['', ' \n', '\u0000\u200b\ufeff', '\u3164', '\u202e\u2067', '\u2800']) {
      assert.equal(isInvisible(invisible), true, JSON.stringify(invisible));
    }
    for (const visible of ['a', '\u200ba', '😀', '\u0301', 'مرحبا', '\u3164x']) {
      assert.equal(isInvisible(visible), false, JSON.stringify(visible));
    }
  });

  it('finds lone surrogates, not pairs', () => {
    assert.equal(hasLoneSurrogate('😀'), false);
    assert.equal(hasLoneSurrogate('\ud83d'), true);
    assert.equal(hasLoneSurrogate('\ude00\ud83d'), true);
  });

  it('counts code points, as the limits do', () => {
    assert.equal(codePointLength('a😀b'), 3);
    assert.equal(codePointLength('\ud83d'), 1);
    assert.equal(exceedsLimit('😀😀', 2), false);
    assert.equal(exceedsLimit('😀😀😀', 2), true);
  });

  it('cuts on grapheme boundaries with an ellipsis, within the limit', () => {
    assert.equal(clampText('short', 10), 'short');
    assert.equal(clampText('abcdefghijk', 5), 'abcd…');
    assert.equal(clampText('abc👍🏽def', 5), 'abc…', 'a skin tone stays with its hand');
    assert.equal(clampText('ab👍🏽def', 5), 'ab👍🏽…');
    assert.equal(
      clampText(`e${'\u0301'.repeat(50)}xyz`, 5),
      '…',
      'a combining flood is one character',
    );
  });
});
