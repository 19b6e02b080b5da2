import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'live-chat-search.label': 'Search live chats',
  'live-chat-search.placeholder.session': 'Search in this session',
  'live-chat-search.placeholder.names': 'Search session names',
  'live-chat-search.scope.session':
    'Searching the name and the message history of the open session. Press / to search from anywhere.',
  'live-chat-search.scope.names':
    'Searching session names. Open a session to search its messages. Press / to search from anywhere.',
  'live-chat-search.results': 'Search results',
  'live-chat-search.group.sessions': 'Sessions',
  'live-chat-search.group.messages': 'Messages',
  'live-chat-search.hit.session': 'Session',
  'live-chat-search.hit.message': 'Message',
  'live-chat-search.hit.in': 'in {name}',
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

const ru: Translation<typeof en> = {
  'live-chat-search.label': 'Поиск по лайв-чатам',
  'live-chat-search.placeholder.session': 'Искать в этой сессии',
  'live-chat-search.placeholder.names': 'Искать по названиям сессий',
  'live-chat-search.scope.session':
    'Поиск по названию и истории сообщений открытой сессии. Нажмите /, чтобы начать поиск из любого места.',
  'live-chat-search.scope.names':
    'Поиск по названиям сессий. Откройте сессию, чтобы искать по её сообщениям. Нажмите /, чтобы начать поиск из любого места.',
  'live-chat-search.results': 'Результаты поиска',
  'live-chat-search.group.sessions': 'Сессии',
  'live-chat-search.group.messages': 'Сообщения',
  'live-chat-search.hit.session': 'Сессия',
  'live-chat-search.hit.message': 'Сообщение',
  'live-chat-search.hit.in': 'в сессии «{name}»',
  'live-chat-search.unknown-session': 'Сессия',
  'live-chat-search.searching': 'Идёт поиск…',
  'live-chat-search.count': {
    one: 'Найден {count} результат',
    few: 'Найдено {count} результата',
    many: 'Найдено {count} результатов',
    other: 'Найдено {count} результата',
  },
  'live-chat-search.none': 'По запросу «{text}» ничего не найдено',
  'live-chat-search.offline':
    'Нет подключения. Поиск станет доступен, когда соединение восстановится.',
  'live-chat-search.error': 'Не удалось выполнить поиск. {reason}',
  'live-chat-search.clear': 'Очистить поиск',
  'live-chat-search.no-client': 'Поиск не подключён к клиенту лайв-чатов.',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    search: typeof en;
  }
}
