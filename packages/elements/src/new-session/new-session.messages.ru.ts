import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-new-session>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['new-session']> = {
  'new-session.title': 'Новая сессия',
  'new-session.in-live-chat': 'в чате «{liveChat}»',
  'new-session.customer': 'Клиент',
  'new-session.customer-search': 'Найти клиента',
  'new-session.customer-count': {
    one: '{count} клиент',
    few: '{count} клиента',
    many: '{count} клиентов',
    other: '{count} клиента',
  },
  'new-session.customer-first': 'Показаны первые {shown}. Уточните поиск.',
  'new-session.searching': 'Поиск клиентов…',
  'new-session.search-failed': 'Не удалось найти клиентов. {reason}',
  'new-session.search-offline':
    'Нет подключения. Поиск клиентов возобновится, когда связь восстановится.',
  'new-session.search-retry': 'Повторить',
  'new-session.no-match': 'Нет клиентов по запросу «{query}».',
  'new-session.no-customers': 'Пока нет клиентов, которым можно написать.',
  'new-session.internal': 'Внутренний пользователь',
  'new-session.channel': 'Канал',
  'new-session.name': 'Название сессии (необязательно)',
  'new-session.message': 'Первое сообщение (необязательно)',
  'new-session.start': 'Начать сессию',
  'new-session.starting': 'Создание…',
  'new-session.cancel': 'Отмена',
  'new-session.close': 'Закрыть',
  'new-session.pick-customer': 'Выберите клиента, которому хотите написать.',
  'new-session.no-live-chat': 'Сначала выберите лайв-чат.',
  'new-session.forbidden':
    'Здесь нельзя начать сессию: лайв-чат не подключён к мессенджеру или почте, или вы не его оператор.',
  'new-session.no-client':
    'Нет подключения: задайте свойство client (или поместите диалог внутрь <live-chat-workspace>).',
  'new-session.error': 'Сессия не создана. {reason}',
  'new-session.open-existing': 'Открыть эту сессию',
  'new-session.has-open': 'Есть открытая сессия',
  'new-session.chosen-has-open':
    'У этого клиента уже есть открытая сессия в этом лайв-чате: напишите ему там.',
};
