import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isSafeLink,
  previewOf,
  validateId,
  validateMessageText,
  validateSessionName,
} from './validation.js';
import { combineResults } from './errors.js';
import { MAX_MESSAGE_LENGTH, MAX_SESSION_NAME_LENGTH, PREVIEW_LENGTH } from './limits.js';
import { channelLabel, isChannel } from './types.js';

/** Texts that show nothing, or are broken: refused as messages and as names. */
const REFUSED_TEXTS: [string, unknown][] = [
  ['empty', ''],
  ['blank', '   \n\t'],
  ['NUL', '\u0000'],
  ['zero-width space and joiners', '\u200b\u200c\u200d\u2060'],
  ['a byte order mark', '\ufeff'],
  ['Hangul fillers', '\u3164\u115f\u1160\uffa0'],
  ['bidi controls', '\u202e\u2066\u2069\u200f\u061c'],
  ['a lone high surrogate', 'Hi \ud83d'],
  ['a lone low surrogate', '\ude00 there'],
  ['a number', 42],
  ['a template-shaped object', { _$litType$: 1, strings: ['x'], values: [] }],
  ['null', null],
];

describe('validation', () => {
  it('refuses messages and session names that show nothing, are broken or are not text', () => {
    for (const [what, bad] of REFUSED_TEXTS) {
      for (const validate of [validateMessageText, validateSessionName]) {
        const result = validate(bad);
        assert.equal(
          result.ok ? 'ok' : result.error.code,
          'VALIDATION',
          `${validate.name}: ${what}`,
        );
      }
    }
  });

  it('counts the message limit in code points, and names field and limit when over it', () => {
    const emoji = '😀'.repeat(MAX_MESSAGE_LENGTH);
    assert.deepEqual(validateMessageText(emoji), { ok: true, value: emoji });
    assert.deepEqual(validateMessageText(`${emoji}x`), {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'A message can be at most 4,000 characters long.',
        details: { field: 'text', limit: MAX_MESSAGE_LENGTH, length: MAX_MESSAGE_LENGTH + 1 },
      },
    });
    const huge = validateMessageText('x'.repeat(1_000_000));
    assert.equal(huge.ok ? 0 : huge.error.details?.length, 1_000_000);
  });

  it('accepts a message of exactly the limit and keeps leading white space', () => {
    assert.deepEqual(validateMessageText('x'.repeat(MAX_MESSAGE_LENGTH)), {
      ok: true,
      value: 'x'.repeat(MAX_MESSAGE_LENGTH),
    });
    assert.deepEqual(validateMessageText('  code();  \n'), { ok: true, value: '  code();' });
    assert.deepEqual(validateMessageText('\u200bvisible'), { ok: true, value: '\u200bvisible' });
  });

  it('trims and folds session names, refusing over-long ones', () => {
    assert.deepEqual(validateSessionName('  Refund   request '), {
      ok: true,
      value: 'Refund request',
    });
    const over = validateSessionName('n'.repeat(MAX_SESSION_NAME_LENGTH + 1));
    assert.deepEqual(over.ok ? undefined : over.error.details, {
      field: 'name',
      limit: MAX_SESSION_NAME_LENGTH,
      length: MAX_SESSION_NAME_LENGTH + 1,
    });
  });

  it('takes named checks together: their values, or the first refusal in order', () => {
    assert.deepEqual(
      combineResults({ id: validateId('s-1', 'id'), text: validateMessageText('Hi ') }),
      { ok: true, value: { id: 's-1', text: 'Hi' } },
    );
    const refused = combineResults({
      id: validateId('s-1', 'id'),
      first: validateId('', 'first'),
      second: validateMessageText(''),
    });
    assert.equal(refused.ok ? undefined : refused.error.details?.field, 'first');
  });

  it('checks ids: non-empty, well-formed, bounded', () => {
    assert.deepEqual(validateId('s-1', 'sessionId'), { ok: true, value: 's-1' });
    for (const bad of ['', 'x'.repeat(201), 'a\ud800', 7, undefined]) {
      const result = validateId(bad, 'sessionId');
      assert.deepEqual(result.ok ? undefined : result.error.details, {
        field: 'sessionId',
        limit: 200,
      });
    }
  });

  it('previews fold white space and cut between characters, never inside an emoji', () => {
    assert.equal(previewOf('a\n\n b'), 'a b');
    assert.equal(previewOf('y'.repeat(500)).length, PREVIEW_LENGTH);
    const family = '👩‍👩‍👧‍👦';
    const preview = previewOf(`${'y'.repeat(136)}${family}${family}`);
    assert.equal(preview, `${'y'.repeat(136)}…`, 'the emoji does not fit whole: it is left out');
    const flags = previewOf('🇫🇷'.repeat(100));
    assert.equal(flags, `${'🇫🇷'.repeat(69)}…`, 'a flag is never split into its two letters');
  });

  it('knows the channels by own keys only', () => {
    assert.equal(isChannel('telegram'), true);
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 42]) {
      assert.equal(isChannel(key), false, String(key));
    }
    assert.equal(channelLabel('whatsapp'), 'WhatsApp');
    assert.equal(channelLabel('constructor'), 'constructor');
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
