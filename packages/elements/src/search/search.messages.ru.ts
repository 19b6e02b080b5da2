import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-search>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['search']> = {
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
  'live-chat-search.hit.tagged': 'с тегом {tags}',
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
