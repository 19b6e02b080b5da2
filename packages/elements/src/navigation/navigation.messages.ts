import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'navigation.label': 'Live chats menu',
  'navigation.reports': 'Reports',
  'navigation.monitor': 'Live monitor',
  'navigation.error': 'Live chats could not be loaded. {reason}',
  'navigation.group.active': 'Active',
  'navigation.group.closed': 'Closed',
  'navigation.group.queue': 'Queue',
  'navigation.group.mine': 'My sessions',
  // `count` chooses the form; `number` is the same figure as the badge shows it ("3,007").
  'navigation.group-size': { one: '{number} session', other: '{number} sessions' },
  'navigation.group-entry': '{group}, {size}',
  'navigation.new-session': '+ New Session',
  'navigation.new-session-in': 'New session in {liveChat}',
  'navigation.empty':
    'You have no live chats yet. Ask an administrator to add you as an operator or supervisor of a live chat.',
  'navigation.loading': 'Loading live chats…',
  'navigation.no-client':
    'Not connected: set the client property (or place this menu inside <live-chat-workspace>).',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    navigation: typeof en;
  }
}
