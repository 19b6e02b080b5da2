import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect } from '@open-wc/testing';
import { ERROR_CODES, type ErrorCode, type ErrorInfo } from '@live-chat/core';
import { errorText } from './error-text.js';

const error = (code: ErrorCode, details?: Record<string, unknown>): ErrorInfo => ({
  code,
  message: 'What the backend said.',
  ...(details ? { details } : {}),
});

describe('errorText', () => {
  it('words every documented code in English and Russian, never as a bare key', () => {
    for (const locale of ['en', 'ru']) {
      const texts = ERROR_CODES.map((code) => errorText(error(code), locale));
      for (const text of texts) expect(text).not.to.match(/^error\./);
      expect(new Set(texts).size, locale).to.equal(ERROR_CODES.length);
    }
    expect(errorText(error('OFFLINE'), 'en')).to.equal('You are offline.');
    expect(errorText(error('TIMEOUT'), 'en')).to.equal('The server did not confirm it in time.');
    expect(errorText(error('OFFLINE'), 'ru')).to.equal('Нет соединения.');
    expect(errorText(error('OFFLINE'), 'pt-BR')).to.equal('You are offline.');
  });

  it('fills in the error’s own message where the sentence has a place for it', () => {
    expect(errorText(error('INTERNAL'), 'en')).to.equal(
      'Something went wrong: What the backend said.',
    );
  });

  it('reads a VALIDATION limit as a number of characters, in the locale’s digits', () => {
    expect(errorText(error('VALIDATION', { limit: 4000 }), 'en')).to.equal(
      'It is too long: at most 4,000 characters.',
    );
    expect(errorText(error('VALIDATION'), 'en')).to.equal(
      'Some of it is not valid: What the backend said.',
    );
  });

  it('words an error of a subject where it reads differently, else by its code', () => {
    expect(errorText(error('VALIDATION'), 'en', 'message')).to.equal(
      'Write a message first: it cannot be empty.',
    );
    expect(errorText(error('VALIDATION', { limit: 120 }), 'en', 'session-name')).to.equal(
      'The session name is too long: at most 120 characters.',
    );
    expect(errorText(error('CONFLICT'), 'en', 'new-session')).to.equal(
      'This customer already has an open session in this live chat.',
    );
    expect(errorText(error('FORBIDDEN'), 'ru', 'report')).to.equal(
      'Отчёты доступны только по лайв-чатам, в которых вы состоите.',
    );
    expect(errorText(error('OFFLINE'), 'en', 'report')).to.equal('You are offline.');
    // A read that got no answer has nothing to confirm: it is not worded as a command.
    expect(errorText(error('TIMEOUT'), 'en', 'read')).to.equal(
      'The server did not answer in time.',
    );
    expect(errorText(error('FORBIDDEN'), 'en', 'read')).to.equal(
      errorText(error('FORBIDDEN'), 'en'),
    );
  });

  it('falls back to the error’s message for a code it has no text for', () => {
    const unknown = { code: 'SOMETHING_NEW', message: 'A newer backend said so.' };
    expect(errorText(unknown as unknown as ErrorInfo, 'en')).to.equal('A newer backend said so.');
  });
});
