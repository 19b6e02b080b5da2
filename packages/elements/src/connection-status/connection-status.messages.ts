import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'connection-status.connecting': 'Connecting…',
  'connection-status.reconnecting': 'Connection lost. Reconnecting…',
  'connection-status.offline':
    'You are offline. The workspace will update when the connection is back.',
  'connection-status.failed': 'Could not connect to the live chat server.',
  'connection-status.load-error': 'The workspace could not be loaded. {reason}',
  'connection-status.load-error-hint':
    'It tries again by itself, and at once when the connection is back.',
  'connection-status.unconfirmed': 'Not confirmed yet: {count}. Still trying…',
  'connection-status.retry': 'Retry now',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    'connection-status': typeof en;
  }
}
