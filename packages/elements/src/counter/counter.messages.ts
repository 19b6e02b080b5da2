import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'counter.unread.label': {
    one: '{count} unread message in my sessions',
    other: '{count} unread messages in my sessions',
  },
  'counter.unread.zero': 'No unread messages in my sessions',
  'counter.unread.hint': 'Unread customer messages in the sessions assigned to you',
  'counter.unassigned.label': {
    one: '{count} new session in my queues',
    other: '{count} new sessions in my queues',
  },
  'counter.unassigned.zero': 'No new sessions in my queues',
  'counter.unassigned.hint': 'Opens the oldest session waiting in your queues',
  'counter.unassigned.zero-hint': 'No session is waiting in your queues',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    counter: typeof en;
  }
}
