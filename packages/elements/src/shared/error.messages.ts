import type { ErrorCode } from '@live-chat/core';
import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/**
 * English, the source language. One sentence per {@link ErrorCode} (`error.<CODE>`): the type
 * below makes a code without a text a compile error. The `error.VALIDATION.*` variants word a
 * validation error, the `error.<CODE>.<subject>` ones an error of what the person acted on where
 * it reads differently (see `errorText`'s `subject`).
 */
const en = {
  'error.INVALID_TRANSITION': 'This cannot be done in the session’s current state.',
  'error.ALREADY_TAKEN': 'Another operator has already taken this session.',
  'error.FORBIDDEN': 'You do not have permission for this.',
  'error.FORBIDDEN.report': 'You can only see reports of live chats you belong to.',
  'error.NOT_FOUND': 'Not found: it may have been removed.',
  'error.VALIDATION': 'Some of it is not valid: {message}',
  'error.VALIDATION.limit': 'It is too long: at most {limit} characters.',
  'error.VALIDATION.message.empty': 'Write a message first: it cannot be empty.',
  'error.VALIDATION.message.limit': 'The message is too long: at most {limit} characters.',
  'error.VALIDATION.session-name.empty': 'The session name cannot be empty.',
  'error.VALIDATION.session-name.limit':
    'The session name is too long: at most {limit} characters.',
  'error.CONFLICT': 'It clashes with what already exists: {message}',
  'error.CONFLICT.new-session': 'This customer already has an open session in this live chat.',
  'error.OFFLINE': 'You are offline.',
  'error.TIMEOUT': 'The server did not confirm it in time.',
  'error.TIMEOUT.read': 'The server did not answer in time.',
  'error.RESYNC_REQUIRED': 'The workspace is catching up with the server. Try again in a moment.',
  'error.INVALID_DATA': 'The server sent data the workspace cannot use; it is loading it again.',
  'error.INTERNAL': 'Something went wrong: {message}',
} as const satisfies Messages & Record<`error.${ErrorCode}`, string>;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    error: typeof en;
  }
}
