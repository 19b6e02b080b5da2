import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'live-chat-search.label': 'Search live chats',
  'live-chat-search.placeholder.session': 'Search in this session',
  'live-chat-search.placeholder.names': 'Search session names',
  'live-chat-search.scope.session':
    'Searching the name and the message history of the open session. Press / to search from anywhere.',
  'live-chat-search.scope.names':
    'Searching session names and tags. Open a session to search its messages. Press / to search from anywhere.',
  'live-chat-search.results': 'Search results',
  'live-chat-search.group.sessions': 'Sessions',
  'live-chat-search.group.messages': 'Messages',
  'live-chat-search.hit.session': 'Session',
  'live-chat-search.hit.message': 'Message',
  'live-chat-search.hit.in': 'in {name}',
  'live-chat-search.hit.tagged': 'tagged {tags}',
  'live-chat-search.unknown-session': 'Session',
  'live-chat-search.searching': 'Searching…',
  'live-chat-search.count': {
    one: '{count} result',
    other: '{count} results',
  },
  'live-chat-search.none': 'Nothing found for “{text}”',
  'live-chat-search.offline':
    'You are offline. Search will be available again when the connection is back.',
  'live-chat-search.error': 'Search failed. {reason}',
  'live-chat-search.clear': 'Clear search',
  'live-chat-search.no-client': 'Search is not connected to a live chat client.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    search: typeof en;
  }
}
