import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'new-session.title': 'New session',
  'new-session.in-live-chat': 'in {liveChat}',
  'new-session.customer': 'Customer',
  'new-session.customer-search': 'Find a customer',
  'new-session.customer-count': { one: '{count} customer', other: '{count} customers' },
  'new-session.customer-first': 'Showing the first {shown}. Type to narrow the list.',
  'new-session.searching': 'Searching customers…',
  'new-session.search-failed': 'Customers could not be searched. {reason}',
  'new-session.search-offline':
    'You are offline. Customers will be searched again when the connection is back.',
  'new-session.search-retry': 'Try again',
  'new-session.no-match': 'No customer matches “{query}”.',
  'new-session.no-customers': 'There are no customers to write to yet.',
  'new-session.internal': 'Internal user',
  'new-session.channel': 'Channel',
  'new-session.name': 'Session name (optional)',
  'new-session.message': 'First message (optional)',
  'new-session.start': 'Start session',
  'new-session.starting': 'Starting…',
  'new-session.cancel': 'Cancel',
  'new-session.close': 'Close',
  'new-session.pick-customer': 'Choose a customer to write to.',
  'new-session.no-live-chat': 'Choose a live chat first.',
  'new-session.forbidden':
    'You cannot start a session here: the live chat has no messenger or email channel, or you are not one of its operators.',
  'new-session.no-client':
    'Not connected: set the client property (or place this dialog inside <live-chat-workspace>).',
  'new-session.error': 'The session was not started. {reason}',
  'new-session.open-existing': 'Open that session',
  'new-session.has-open': 'Has an open session',
  'new-session.chosen-has-open':
    'This customer already has an open session in this live chat: write to them there.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    'new-session': typeof en;
  }
}
