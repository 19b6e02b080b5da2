import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-session-list>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['session-list']> = {
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
