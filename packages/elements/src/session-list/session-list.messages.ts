import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'session-list.label': '{group}, {liveChat}',
  'session-list.group.queue': 'Queue',
  'session-list.group.mine': 'My sessions',
  'session-list.group.closed': 'Closed',
  'session-list.group.active': 'Active',
  'session-list.empty.queue': 'No sessions in the queue',
  'session-list.empty.mine': 'You have no sessions',
  'session-list.empty.closed': 'No closed sessions',
  'session-list.empty.active': 'No active sessions',
  'session-list.loading': 'Loading sessions…',
  'session-list.error': 'Sessions could not be loaded. {reason}',
  'session-list.permission.active': 'Only supervisors see active sessions',
  'session-list.unread': { one: '{count} unread message', other: '{count} unread messages' },
  'session-list.new': 'New',
  'session-list.no-messages': 'No messages yet',
  'session-list.urgent': 'Urgent',
  'session-list.tags': 'Tags: {tags}',
  'session-list.more-tags': '+{count}',
  'session-list.waiting.fresh': 'Waiting {duration}',
  'session-list.waiting.warn': 'Waiting {duration}, a long wait',
  'session-list.waiting.alarm': 'Waiting {duration}, far too long',
  'session-list.filter.label': 'Filter by tag',
  'session-list.filter.all': 'All tags',
  'session-list.filter.count': '{shown} of {total}',
  'session-list.filter.none': 'No session here is tagged {tag}.',
  'session-list.filter.clear': 'Clear the filter',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    'session-list': typeof en;
  }
}
