import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'new-session.title': 'New session',
  'new-session.in-live-chat': 'in {liveChat}',
  'new-session.customer': 'Customer',
  'new-session.customer-search': 'Find a customer',
  'new-session.customer-count': { one: '{count} customer', other: '{count} customers' },
  'new-session.customer-more': 'Showing the first {shown} of {count}. Type to narrow the list.',
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
} as const satisfies Messages;

const ru: Translation<typeof en> = {
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
  'new-session.customer-more': 'Показаны первые {shown} из {count}. Уточните поиск.',
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
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    'new-session': typeof en;
  }
}
