import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

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
} as const satisfies Messages;

const ru: Translation<typeof en> = {
  'session-list.label': '{group}, {liveChat}',
  'session-list.group.queue': 'Очередь',
  'session-list.group.mine': 'Мои сессии',
  'session-list.group.closed': 'Закрытые',
  'session-list.group.active': 'Активные',
  'session-list.empty.queue': 'В очереди нет сессий',
  'session-list.empty.mine': 'У вас нет сессий',
  'session-list.empty.closed': 'Нет закрытых сессий',
  'session-list.empty.active': 'Нет активных сессий',
  'session-list.loading': 'Загрузка сессий…',
  'session-list.error': 'Не удалось загрузить сессии. {reason}',
  'session-list.permission.active': 'Активные сессии видны только супервизорам',
  'session-list.unread': {
    one: '{count} непрочитанное сообщение',
    few: '{count} непрочитанных сообщения',
    many: '{count} непрочитанных сообщений',
    other: '{count} непрочитанного сообщения',
  },
  'session-list.new': 'Новая',
  'session-list.no-messages': 'Сообщений пока нет',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    'session-list': typeof en;
  }
}
